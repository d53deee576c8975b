// Server-sent events for the pokes: one stream per connected desk, a comment every so often so
// proxies keep it open, and every stream ended when the server closes. Never sends data rows.

import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { POKE_EVENT, type Poke } from '../../shared/sync/protocol';
import type { PokeBus } from './poke-bus';

export interface EventStreams {
  open(request: IncomingMessage): PassThrough;
  /** Connected desks on this instance. */
  count(): number;
  closeAll(): void;
}

export function createEventStreams(pokes: PokeBus, heartbeatMs: number): EventStreams {
  const open = new Map<PassThrough, () => void>();

  return {
    open: (request) => {
      const stream = new PassThrough();
      const send = (poke: Poke): void => {
        stream.write(`event: ${POKE_EVENT}\ndata: ${JSON.stringify(poke)}\n\n`);
      };
      // A desk that (re)connects may have missed pokes: it pulls at once.
      stream.write('retry: 3000\n\n');
      send({ topic: 'interactions' });
      const unsubscribe = pokes.subscribe(send);
      const heartbeat = setInterval(() => stream.write(': keep-alive\n\n'), heartbeatMs);
      const close = (): void => {
        if (!open.delete(stream)) return;
        clearInterval(heartbeat);
        unsubscribe();
        stream.end();
      };
      open.set(stream, close);
      request.once('close', close);
      stream.once('close', close);
      return stream;
    },
    count: () => open.size,
    closeAll: () => {
      for (const close of [...open.values()]) close();
    },
  };
}
