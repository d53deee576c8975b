// Server-sent events for the pokes: one stream per connected desk, with its own id so a desk is
// not poked for its own push, a comment every so often so proxies keep it open, closed when its
// session ends (on any instance) and at most a few per token. Never sends data rows.

import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { POKE_EVENT, type Poke } from '../../shared/sync/protocol';
import type { Logger } from '../logger';
import type { PokeBus, PokeNotice } from './poke-bus';

/** The session a stream was opened with. */
export interface StreamOwner {
  tokenHash: string;
  userId: string;
}

export interface EventStreams {
  open(request: IncomingMessage, owner: StreamOwner): PassThrough;
  /** Connected desks on this instance. */
  count(): number;
  closeAll(): void;
}

export interface EventStreamOptions {
  heartbeatMs: number;
  /** Streams one token may hold at once on this instance; a further one closes the oldest. */
  perToken: number;
  /** How often the sessions of open streams are checked (expiry; an end whose notice was lost). */
  recheckMs: number;
  /** Of these token hashes, those whose session still lives. */
  living: (tokenHashes: readonly string[]) => Promise<Set<string>>;
  logger: Pick<Logger, 'warn'>;
  newStreamId?: () => string;
}

export const DEFAULT_STREAMS_PER_TOKEN = 3;
export const DEFAULT_STREAM_RECHECK_MS = 5_000;

/** 128 random bits: a stream id only its own desk ever sees, so no one else can mute it. */
export const randomStreamId = (): string => randomBytes(16).toString('base64url');

interface OpenStream {
  owner: StreamOwner;
  close: (why: string) => void;
}

const endedFor = (notice: PokeNotice, owner: StreamOwner): boolean =>
  'ended' in notice &&
  ('tokenHash' in notice.ended
    ? notice.ended.tokenHash === owner.tokenHash
    : notice.ended.userId === owner.userId);

export function createEventStreams(pokes: PokeBus, options: EventStreamOptions): EventStreams {
  const newStreamId = options.newStreamId ?? randomStreamId;
  /** In opening order, per token: the first is the oldest. */
  const byToken = new Map<string, Set<OpenStream>>();
  let recheck: NodeJS.Timeout | null = null;
  let checking = false;

  const all = (): OpenStream[] => [...byToken.values()].flatMap((streams) => [...streams]);

  const checkSessions = async (): Promise<void> => {
    if (checking) return;
    checking = true;
    try {
      const living = await options.living([...byToken.keys()]);
      for (const stream of all())
        if (!living.has(stream.owner.tokenHash)) stream.close('the session has ended');
    } catch (error) {
      options.logger.warn({ err: error }, 'could not re-check the sessions of the event streams');
    } finally {
      checking = false;
    }
  };

  const watch = (): void => {
    if (byToken.size > 0 && !recheck) {
      recheck = setInterval(() => void checkSessions(), options.recheckMs);
      recheck.unref();
    } else if (byToken.size === 0 && recheck) {
      clearInterval(recheck);
      recheck = null;
    }
  };

  return {
    open: (request, owner) => {
      const stream = new PassThrough();
      const id = newStreamId();
      const send = (poke: Poke): void => {
        stream.write(`event: ${POKE_EVENT}\ndata: ${JSON.stringify(poke)}\n\n`);
      };
      // A desk that (re)connects may have missed pokes: it pulls at once.
      stream.write('retry: 3000\n\n');
      send({ topic: 'interactions', stream: id });
      const heartbeat = setInterval(() => stream.write(': keep-alive\n\n'), options.heartbeatMs);
      const siblings = byToken.get(owner.tokenHash) ?? new Set<OpenStream>();
      const entry: OpenStream = {
        owner,
        close: (why) => {
          if (!siblings.delete(entry)) return;
          if (siblings.size === 0) byToken.delete(owner.tokenHash);
          clearInterval(heartbeat);
          unsubscribe();
          // A comment: the desk learns why from its next request (a 401 when the session ended).
          if (stream.writable) stream.write(`: closed: ${why}\n\n`);
          stream.end();
          watch();
        },
      };
      const unsubscribe = pokes.subscribe((notice) => {
        if ('topic' in notice) {
          if (notice.except !== id) send({ topic: notice.topic });
        } else if (endedFor(notice, owner)) entry.close('the session has ended');
      });
      // The newest streams win: the oldest is likeliest a desk that went away without a word
      // (a laptop put to sleep), and refusing the new one would leave the live desk without pokes.
      while (siblings.size >= options.perToken) {
        const [oldest] = siblings;
        if (!oldest) break;
        oldest.close('a newer event stream of this session took its place');
      }
      siblings.add(entry);
      byToken.set(owner.tokenHash, siblings);
      watch();
      request.once('close', () => entry.close('the desk went away'));
      stream.once('close', () => entry.close('the stream closed'));
      return stream;
    },
    count: () => all().length,
    closeAll: () => {
      for (const stream of all()) stream.close('the server is stopping');
    },
  };
}
