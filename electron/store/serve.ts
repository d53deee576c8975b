// Serves a store host to one window over one MessagePort with Comlink. Everything that arrives
// is untrusted: it is checked before use, and a bad call gets a StoreError, never a crash.

import * as Comlink from 'comlink';
import { fail, type StoreError, type StoreResult } from '../../shared/domain/result';
import type { StoreEvent, StoreHostApi, Unsubscribe } from '../../shared/store-api/contract';
import type { LiveBatch, LiveChannel } from '../../shared/store-api/live-channel';
import { deliver } from './store-host-errors';
import { describeError } from './store-host';

/**
 * What one window may call: exactly the contract, and its live queries over one channel
 * (shared/store-api/live-channel.ts), on an object with nothing else to reach.
 */
export type ServedStoreHost = StoreHostApi & LiveChannel;

export interface ServedPort {
  /** Ends every live query and event listener of this window and closes its port. */
  close(): void;
}

const internal = (e: unknown): StoreResult<never> =>
  fail('internal', `Something went wrong in the desk's store: ${describeError(e)}`);

const noListener = (operation: string): StoreError => ({
  code: 'invalid-input',
  message: `${operation} needs a listener function (wrap it in Comlink.proxy).`,
});

const badWatchId: StoreError = {
  code: 'invalid-input',
  message: 'A live query needs a whole number id of 0 or more.',
};
const noLiveListener: StoreError = {
  code: 'invalid-input',
  message: 'Give the live listener (live) before watching a query.',
};

/**
 * The contract's error shape, as the rejection of a call that cannot answer with a result.
 * Comlink would strip an Error down to its message, so the plain StoreError crosses instead.
 */
function refuse(error: StoreError): Promise<never> {
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- see above: the StoreError is the payload
  return Promise.reject(error);
}

/** Frees the window-side end of a proxied listener; harmless for a plain function. */
function release(listener: unknown): void {
  if (typeof listener !== 'function') return;
  try {
    const releaseFn: unknown = (listener as unknown as Record<symbol, unknown>)[
      Comlink.releaseProxy
    ];
    if (typeof releaseFn === 'function') {
      const answer: unknown = releaseFn.call(listener);
      if (answer instanceof Promise) answer.catch(() => undefined);
    }
  } catch {
    // The window has gone: nothing left to free.
  }
}

/**
 * The exposed object: frozen, without a prototype, and any other method name answers with an
 * unknown-operation StoreError rather than a TypeError from inside Comlink.
 */
function guarded<T extends object>(served: T): T {
  const target = Object.freeze(Object.assign(Object.create(null) as object, served)) as T;
  return new Proxy(target, {
    get(t, key) {
      if (typeof key === 'symbol' || Object.hasOwn(t, key)) return Reflect.get(t, key) as unknown;
      const name = key.length > 64 ? `${key.slice(0, 64)}…` : key;
      return () => fail('unknown-operation', `The store host has no method called ${name}.`);
    },
  });
}

export function serveStoreHost(api: StoreHostApi, port: Comlink.Endpoint): ServedPort {
  const active = new Set<Unsubscribe>();

  const track = (unsubscribe: Unsubscribe, listener: unknown): Unsubscribe => {
    let done = false;
    const stop = (): void => {
      if (done) return;
      done = true;
      active.delete(stop);
      try {
        unsubscribe();
      } finally {
        release(listener);
      }
    };
    active.add(stop);
    return stop;
  };

  // The window's live channel: its one listener, the queries it watches by id, the next batch.
  let liveListener: ((batch: LiveBatch) => unknown) | null = null;
  const watched = new Map<number, Unsubscribe>();
  let batch: [number, StoreResult<unknown>][] = [];
  const flush = (): void => {
    const sent = batch;
    batch = [];
    if (liveListener) deliver(liveListener, sent);
  };
  const unwatch = (id: number): void => {
    const stop = watched.get(id);
    watched.delete(id);
    stop?.();
  };

  const closeAll = (): void => {
    for (const stop of [...active]) stop();
    for (const id of [...watched.keys()]) unwatch(id);
    release(liveListener);
    liveListener = null;
  };

  const served: ServedStoreHost & { [Comlink.finalizer]: () => void } = {
    command: (name, input) => api.command(name, input).catch(internal),
    query: (name, input) => api.query(name, input).catch(internal),
    act: (name, input) => api.act(name, input).catch(internal),
    async subscribe(name, input, listener) {
      if (typeof listener !== 'function') return refuse(noListener('subscribe'));
      const unsubscribe = await api.subscribe(name, input, listener);
      return Comlink.proxy(track(unsubscribe, listener));
    },
    live(listener) {
      if (typeof listener !== 'function') return refuse(noListener('live'));
      if (liveListener !== listener) release(liveListener);
      liveListener = listener;
      return Promise.resolve();
    },
    async watch(id, name, input) {
      if (!Number.isSafeInteger(id) || id < 0) return refuse(badWatchId);
      if (!liveListener) return refuse(noLiveListener);
      unwatch(id);
      let ended = false;
      let unsubscribe: Unsubscribe | null = null;
      watched.set(id, () => {
        ended = true;
        unsubscribe?.();
      });
      // Answers that are ready together (one change, many queries) leave as one message.
      unsubscribe = await api.subscribe(name as never, input as never, (result) => {
        if (!ended && batch.push([id, result]) === 1) queueMicrotask(flush);
      });
      // Unwatched (or the window closed) while the query was starting.
      if (ended) unsubscribe();
    },
    unwatch(id) {
      if (typeof id === 'number') unwatch(id);
      return Promise.resolve();
    },
    async onEvent(listener: (event: StoreEvent) => void) {
      if (typeof listener !== 'function') return refuse(noListener('onEvent'));
      const unsubscribe = await api.onEvent(listener);
      return Comlink.proxy(track(unsubscribe, listener));
    },
    // The window released its proxy (it is closing): end what it left running.
    [Comlink.finalizer]: closeAll,
  };
  Comlink.expose(guarded(served), port);
  // Where the platform reports the other end going away (Chromium 123+, Node), clean up then too.
  port.addEventListener('close', closeAll);

  return {
    close() {
      closeAll();
      // Only a MessagePort: `close()` on a dedicated worker's own scope would end the worker.
      if (typeof MessagePort !== 'undefined' && port instanceof MessagePort) port.close();
    },
  };
}
