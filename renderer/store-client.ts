// The renderer's StoreHostApi over a Comlink-wrapped port that may be replaced when the store host
// restarts: calls wait for a port, live queries re-subscribe. Never checks data: the host does.

import * as Comlink from 'comlink';
import { fail, type StoreResult } from '../shared/domain/result';
import type {
  ActionInput,
  ActionName,
  ActionOutput,
  CommandName,
  CommandInput,
  CommandOutput,
  QueryInput,
  QueryName,
  QueryOutput,
  StoreEvent,
  StoreHostApi,
  Unsubscribe,
} from '../shared/store-api/contract';
import type { LiveBatch } from '../shared/store-api/live-channel';
import type { StorePort, StoreSource } from './store-source';

type Listener<T> = (value: T) => void;
type RemoteUnsubscribe = Comlink.Remote<Unsubscribe>;

/** The host's surface as it crosses the port: the host proxies each Unsubscribe it hands back. */
interface WireApi {
  command(name: string, input: unknown): Promise<StoreResult<unknown>>;
  query(name: string, input: unknown): Promise<StoreResult<unknown>>;
  act(name: string, input: unknown): Promise<StoreResult<unknown>>;
  onEvent(
    listener: Listener<StoreEvent> & Comlink.ProxyMarked,
  ): Promise<Unsubscribe & Comlink.ProxyMarked>;
  // The live channel (shared/store-api/live-channel.ts): every live query over one listener.
  live(listener: Listener<LiveBatch> & Comlink.ProxyMarked): Promise<void>;
  watch(id: number, name: string, input: unknown): Promise<void>;
  unwatch(id: number): Promise<void>;
}
type Wire = Comlink.Remote<WireApi>;

/** A live query shared by every listener of the same name and input (`shareLive`). */
interface SharedLive {
  listeners: Set<Listener<StoreResult<unknown>>>;
  /** The host's latest answer, handed to a listener that comes later. */
  last: StoreResult<unknown> | undefined;
  close: Unsubscribe;
}

interface LiveEntry {
  attach(wire: Wire): void;
  detach(): void;
}

/** A subscription the host holds: `stop` ends it there; `drop` forgets it once its port is gone. */
interface Held {
  stop(): void;
  drop(): void;
}

export const STORE_RESTARTED_MESSAGE =
  'The local store restarted while this was being done. Check the record and try again.';

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : 'The local store did not answer.';

function releaseQuietly(remote: { [Comlink.releaseProxy]: () => void }): void {
  try {
    remote[Comlink.releaseProxy]();
  } catch {
    // The far side is already gone; there is nothing left to release.
  }
}

/** Wraps the ports a source hands over; the returned object lives as long as the window. */
export function createStoreClient(source: StoreSource): StoreHostApi {
  let wire: Wire | null = null;
  let waiters: ((w: Wire) => void)[] = [];
  const aborts = new Set<() => void>();
  const live = new Set<LiveEntry>();

  source.connect((port: StorePort) => {
    const previous = wire;
    wire = Comlink.wrap<WireApi>(port);
    // A call sent to a host that died may never be answered: settle it so the UI can retry.
    for (const abort of [...aborts]) abort();
    aborts.clear();
    for (const entry of live) entry.detach();
    if (previous) releaseQuietly(previous);
    for (const entry of live) entry.attach(wire);
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve(wire);
  });

  const current = (): Promise<Wire> =>
    wire ? Promise.resolve(wire) : new Promise<Wire>((resolve) => waiters.push(resolve));

  function call<T>(run: (w: Wire) => Promise<StoreResult<unknown>>): Promise<StoreResult<T>> {
    return new Promise<StoreResult<T>>((resolve) => {
      const abort = (): void => resolve(fail('not-ready', STORE_RESTARTED_MESSAGE));
      void current().then(() => {
        // The port in use now, not the one that was current when the call was made.
        const w = wire as Wire;
        aborts.add(abort);
        Promise.resolve()
          .then(() => run(w))
          // The host validated and typed the answer against the contract before sending it.
          .then((result) => resolve(result as StoreResult<T>))
          .catch((error: unknown) => resolve(fail('internal', messageOf(error))))
          .finally(() => aborts.delete(abort));
      });
    });
  }

  function register(start: (w: Wire, isCurrent: () => boolean) => Promise<Held>): Unsubscribe {
    let held: Promise<Held | null> | null = null;
    let generation = 0;
    const entry: LiveEntry = {
      attach(w) {
        const mine = ++generation;
        held = start(w, () => mine === generation && live.has(entry)).catch(() => null);
      },
      detach() {
        generation++;
        const stale = held;
        held = null;
        void stale?.then((h) => h?.drop());
      },
    };
    live.add(entry);
    if (wire) entry.attach(wire);
    return () => {
      if (!live.delete(entry)) return;
      generation++;
      const last = held;
      held = null;
      void last?.then((h) => h?.stop());
    };
  }

  /** An unsubscribe the host handed back over the port (a Comlink proxy of its own). */
  const remoteHeld = (remote: RemoteUnsubscribe): Held => ({
    stop() {
      void Promise.resolve()
        .then(() => remote())
        // The host is gone, and so is the subscription.
        .catch(() => undefined)
        .finally(() => releaseQuietly(remote));
    },
    drop: () => releaseQuietly(remote),
  });

  /**
   * Live queries share one listener per port (the live channel): watched by an id of this
   * window's, answered in batches that arrive as one message and so render once.
   */
  const watchers = new Map<number, Listener<StoreResult<unknown>>>();
  let nextWatch = 0;
  let channel: { wire: Wire; ready: Promise<void> } | null = null;
  const liveChannel = (w: Wire): Promise<void> => {
    if (channel?.wire !== w) {
      const hear = (batch: LiveBatch): void => {
        for (const [id, result] of batch) watchers.get(id)?.(result);
      };
      channel = { wire: w, ready: w.live(Comlink.proxy(hear)) };
    }
    return channel.ready;
  };

  async function watch(
    w: Wire,
    name: string,
    input: unknown,
    send: Listener<StoreResult<unknown>>,
  ): Promise<Held> {
    const id = nextWatch++;
    watchers.set(id, send);
    try {
      await liveChannel(w);
      await w.watch(id, name, input);
    } catch (error) {
      watchers.delete(id);
      throw error;
    }
    return {
      stop() {
        watchers.delete(id);
        // A host that has gone has nothing left to end.
        w.unwatch(id).catch(() => undefined);
      },
      drop: () => watchers.delete(id),
    };
  }

  /**
   * One subscription to the host per live query and input, however many parts of the window
   * show it (the signed-in agent, the sync state and the groups are asked by several): the
   * host runs it once per change, one port carries it, and a part that subscribes later gets
   * the last answer at once instead of asking again. Released when its last listener leaves.
   */
  const shared = new Map<string, SharedLive>();
  function shareLive(
    key: string,
    listener: Listener<StoreResult<unknown>>,
    open: (send: Listener<StoreResult<unknown>>) => Unsubscribe,
  ): Unsubscribe {
    let entry = shared.get(key);
    if (!entry) {
      const created: SharedLive = { listeners: new Set(), last: undefined, close: () => undefined };
      created.close = open((result) => {
        created.last = result;
        for (const each of [...created.listeners]) each(result);
      });
      shared.set(key, created);
      entry = created;
    }
    const mine = entry;
    // A listener of its own, so one part subscribing twice is told twice, as before.
    const own: Listener<StoreResult<unknown>> = (result) => listener(result);
    mine.listeners.add(own);
    const last = mine.last;
    if (last !== undefined)
      queueMicrotask(() => {
        // Unless a fresher answer reached it meanwhile, or it left.
        if (mine.listeners.has(own) && mine.last === last) own(last);
      });
    return () => {
      if (!mine.listeners.delete(own) || mine.listeners.size > 0) return;
      shared.delete(key);
      mine.close();
    };
  }

  return {
    command<N extends CommandName>(name: N, input: CommandInput<N>) {
      return call<CommandOutput<N>>((w) => w.command(name, input));
    },
    query<N extends QueryName>(name: N, input: QueryInput<N>) {
      return call<QueryOutput<N>>((w) => w.query(name, input));
    },
    act<N extends ActionName>(name: N, input: ActionInput<N>) {
      return call<ActionOutput<N>>((w) => w.act(name, input));
    },
    subscribe<N extends QueryName>(
      name: N,
      input: QueryInput<N>,
      listener: (result: StoreResult<QueryOutput<N>>) => void,
    ) {
      return Promise.resolve(
        shareLive(
          `${name}:${JSON.stringify(input)}`,
          listener as Listener<StoreResult<unknown>>,
          (send) =>
            register((w, isCurrent) =>
              watch(w, name, input, (result) => {
                if (isCurrent()) send(result);
              }),
            ),
        ),
      );
    },
    onEvent(listener: (event: StoreEvent) => void) {
      const unsubscribe = register((w, isCurrent) =>
        w
          .onEvent(
            Comlink.proxy((event: StoreEvent) => {
              if (isCurrent()) listener(event);
            }),
          )
          .then(remoteHeld),
      );
      return Promise.resolve(unsubscribe);
    },
  };
}
