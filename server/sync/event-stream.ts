// Server-sent events for the pokes: one stream per connected desk, with its own id so a desk is
// not poked for its own push, a comment every so often so proxies keep it open, and every stream
// ended when the server closes. Never sends data rows.

import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { POKE_EVENT, type Poke } from '../../shared/sync/protocol';
import type { PokeBus, PokeNotice } from './poke-bus';

export interface EventStreams {
  open(request: IncomingMessage): PassThrough;
  /** Connected desks on this instance. */
  count(): number;
  closeAll(): void;
}

/** 128 random bits: a stream id only its own desk ever sees, so no one else can mute it. */
export const randomStreamId = (): string => randomBytes(16).toString('base64url');

export function createEventStreams(
  pokes: PokeBus,
  heartbeatMs: number,
  newStreamId: () => string = randomStreamId,
): EventStreams {
  const open = new Map<PassThrough, () => void>();

  return {
    open: (request) => {
      const stream = new PassThrough();
      const id = newStreamId();
      const send = (poke: Poke): void => {
        stream.write(`event: ${POKE_EVENT}\ndata: ${JSON.stringify(poke)}\n\n`);
      };
      // A desk that (re)connects may have missed pokes: it pulls at once.
      stream.write('retry: 3000\n\n');
      send({ topic: 'interactions', stream: id });
      const unsubscribe = pokes.subscribe((notice: PokeNotice) => {
        if (notice.except !== id) send({ topic: notice.topic });
      });
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
