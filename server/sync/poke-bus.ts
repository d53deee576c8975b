// Fans "pull now" out to every desk connected to any server instance: PostgreSQL LISTEN/NOTIFY
// across instances, an in-process list for embedded PGlite. It never carries data, only pokes.

import pg from 'pg';
import { Poke } from '../../shared/sync/protocol';
import type { Logger } from '../logger';

export interface PokeBus {
  /** Call after the change committed. */
  publish(poke: Poke): Promise<void>;
  subscribe(listener: (poke: Poke) => void): () => void;
  close(): Promise<void>;
}

class Listeners {
  private readonly set = new Set<(poke: Poke) => void>();

  add(listener: (poke: Poke) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }

  emit(poke: Poke): void {
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

export interface PostgresPokeBusOptions {
  connectionString: string;
  /** Runs NOTIFY on the server's pool (so it needs no connection of its own). */
  notify: (channel: string, payload: string) => Promise<void>;
  logger: Logger;
  /** First delay before reconnecting the listener; doubles up to 30 s. */
  reconnectDelayMs?: number;
}

/**
 * One dedicated connection LISTENs; a lost connection is re-opened with backoff and, since
 * notifications sent meanwhile are gone, the local desks are poked once it is back.
 */
export async function postgresPokeBus(options: PostgresPokeBusOptions): Promise<PokeBus> {
  const listeners = new Listeners();
  const firstDelay = options.reconnectDelayMs ?? 500;
  let client: pg.Client | null = null;
  let closed = false;
  let delay = firstDelay;
  let retry: NodeJS.Timeout | null = null;

  const onNotification = (message: pg.Notification): void => {
    if (message.channel !== POKE_CHANNEL || message.payload === undefined) return;
    const parsed = parsePoke(message.payload);
    if (parsed) listeners.emit(parsed);
  };

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: options.connectionString });
    next.on('notification', onNotification);
    next.on('error', (error) => {
      options.logger.warn({ err: error }, 'poke listener connection failed');
      lost(next);
    });
    next.on('end', () => lost(next));
    await next.connect();
    await next.query(`LISTEN ${POKE_CHANNEL}`);
    if (closed) {
      await next.end();
      return;
    }
    client = next;
    delay = firstDelay;
  };

  const lost = (which: pg.Client): void => {
    if (closed || client !== which) return;
    client = null;
    which.removeAllListeners('notification');
    scheduleReconnect();
  };

  const scheduleReconnect = (): void => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connect()
        .then(() => listeners.emit({ topic: 'interactions' }))
        .catch((error: unknown) => {
          options.logger.warn({ err: error }, 'poke listener could not reconnect');
          delay = Math.min(delay * 2, 30_000);
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
      const current = client;
      client = null;
      if (current) await current.end().catch(() => undefined);
    },
  };
}

function parsePoke(payload: string): Poke | null {
  try {
    const parsed = Poke.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
