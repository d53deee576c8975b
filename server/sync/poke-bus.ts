// Fans "pull now" (and "these sessions ended") out to every server instance: PostgreSQL
// LISTEN/NOTIFY across instances, an in-process list for embedded PGlite. Never carries data or tokens.

import pg from 'pg';
import { z } from 'zod';
import { Poke, PokeStreamId } from '../../shared/sync/protocol';
import type { Logger } from '../logger';

/**
 * A poke as it travels between server instances: the topic, and the poke stream not to poke
 * (the one of the desk whose push caused it, which pulls after its push anyway).
 */
export const TopicNotice = z.object({ topic: Poke.shape.topic, except: PokeStreamId.optional() });
export type TopicNotice = z.infer<typeof TopicNotice>;

/**
 * Sessions that just ended (a sign-out: one token's hash; sign out everywhere or an admin's
 * revocation: every session of one agent): their event streams close on every instance.
 */
export const SessionsEndedNotice = z.strictObject({
  ended: z.union([
    z.strictObject({ tokenHash: z.string().regex(/^[0-9a-f]{64}$/) }),
    z.strictObject({ userId: z.string().min(1).max(200) }),
  ]),
});
export type SessionsEndedNotice = z.infer<typeof SessionsEndedNotice>;

export const PokeNotice = z.union([TopicNotice, SessionsEndedNotice]);
export type PokeNotice = z.infer<typeof PokeNotice>;

export interface PokeBus {
  /** Call after the change committed. */
  publish(poke: PokeNotice): Promise<void>;
  subscribe(listener: (poke: PokeNotice) => void): () => void;
  close(): Promise<void>;
}

class Listeners {
  private readonly set = new Set<(poke: PokeNotice) => void>();

  add(listener: (poke: PokeNotice) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }

  emit(poke: PokeNotice): void {
    for (const listener of [...this.set]) listener(poke);
  }
}

/** PGlite lives in one process, so its pokes never need to leave it. */
export function memoryPokeBus(): PokeBus {
  const listeners = new Listeners();
  return {
    publish: (poke) => {
      listeners.emit(poke);
      return Promise.resolve();
    },
    subscribe: (listener) => listeners.add(listener),
    close: () => Promise.resolve(),
  };
}

export const POKE_CHANNEL = 'deskpad_poke';
/** How the listener's connection names itself in `pg_stat_activity`, for operators and tests. */
export const POKE_LISTENER_NAME = 'deskpad poke listener';

export interface PostgresPokeBusOptions {
  connectionString: string;
  /** Runs NOTIFY on the server's pool (so it needs no connection of its own). */
  notify: (channel: string, payload: string) => Promise<void>;
  logger: Logger;
  /** First delay before reconnecting the listener; doubles up to `maxReconnectDelayMs`. */
  reconnectDelayMs?: number;
  /** The longest wait between two reconnection attempts (30 s by default). */
  maxReconnectDelayMs?: number;
  /**
   * How often the listener asks its connection `SELECT 1` (30 s by default). A connection the
   * network dropped without a word (half-open TCP) raises no error: only asking finds it.
   */
  checkEveryMs?: number;
  /** How long connecting, LISTEN or the check may take before the connection counts as lost. */
  timeoutMs?: number;
}

/**
 * One dedicated connection LISTENs; a lost connection (an error, its end, or a check that goes
 * unanswered) is closed and re-opened with a bounded backoff and, since notifications sent
 * meanwhile are gone, the local desks are poked once it is back.
 */
export async function postgresPokeBus(options: PostgresPokeBusOptions): Promise<PokeBus> {
  const listeners = new Listeners();
  const { logger } = options;
  const firstDelay = options.reconnectDelayMs ?? 500;
  const maxDelay = options.maxReconnectDelayMs ?? 30_000;
  const checkEvery = options.checkEveryMs ?? 30_000;
  const timeout = options.timeoutMs ?? 10_000;
  let client: pg.Client | null = null;
  let closed = false;
  let delay = firstDelay;
  let retry: NodeJS.Timeout | null = null;
  let check: NodeJS.Timeout | null = null;

  const onNotification = (message: pg.Notification): void => {
    if (message.channel !== POKE_CHANNEL || message.payload === undefined) return;
    const parsed = parseNotice(message.payload);
    if (parsed) listeners.emit(parsed);
  };

  /** Closes a connection for good without waiting: a half-open one may never answer. */
  const discard = (which: pg.Client): void => {
    which.removeAllListeners('notification');
    which.removeAllListeners('end');
    which.end().catch(() => undefined);
  };

  const connect = async (): Promise<void> => {
    const next = new pg.Client({
      connectionString: options.connectionString,
      application_name: POKE_LISTENER_NAME,
      keepAlive: true,
      connectionTimeoutMillis: timeout,
      query_timeout: timeout,
    });
    next.on('notification', onNotification);
    // Kept for the client's whole life: an 'error' without a listener would end the process.
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next, null));
    try {
      await next.connect();
      await next.query(`LISTEN ${POKE_CHANNEL}`);
    } catch (error) {
      // Connected but never listening (LISTEN failed or hung): close it, not leave it open.
      discard(next);
      throw error;
    }
    if (closed) {
      discard(next);
      return;
    }
    client = next;
    delay = firstDelay;
    scheduleCheck();
  };

  const lost = (which: pg.Client, error: unknown): void => {
    if (closed || client !== which) return;
    client = null;
    if (check) clearTimeout(check);
    check = null;
    logger.warn(
      { err: error ?? undefined },
      'poke listener connection lost; pokes from other server instances wait until it is back',
    );
    discard(which);
    scheduleReconnect();
  };

  const scheduleCheck = (): void => {
    if (check) clearTimeout(check);
    check = setTimeout(() => {
      check = null;
      const current = client;
      if (!current || closed) return;
      current.query('SELECT 1').then(
        () => scheduleCheck(),
        (error: unknown) => lost(current, error),
      );
    }, checkEvery);
    check.unref();
  };

  const scheduleReconnect = (): void => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connect()
        .then(() => {
          if (closed) return;
          logger.info('poke listener listening again; poking the desks on this instance');
          listeners.emit({ topic: 'interactions' });
        })
        .catch((error: unknown) => {
          delay = Math.min(delay * 2, maxDelay);
          logger.warn(
            { err: error, retryInMs: delay },
            'poke listener could not reconnect; trying again',
          );
          scheduleReconnect();
        });
    }, delay);
  };

  await connect();

  return {
    publish: (poke) => options.notify(POKE_CHANNEL, JSON.stringify(poke)),
    subscribe: (listener) => listeners.add(listener),
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      if (check) clearTimeout(check);
      retry = null;
      check = null;
      const current = client;
      client = null;
      if (current) {
        current.removeAllListeners('notification');
        await current.end().catch(() => undefined);
      }
    },
  };
}

function parseNotice(payload: string): PokeNotice | null {
  try {
    const parsed = PokeNotice.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
