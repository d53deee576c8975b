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
import type { StorePort, StoreSource } from './store-source';

type Listener<T> = (value: T) => void;
type RemoteUnsubscribe = Comlink.Remote<Unsubscribe>;

/** The host's surface as it crosses the port: the host proxies each Unsubscribe it hands back. */
interface WireApi {
  command(name: string, input: unknown): Promise<StoreResult<unknown>>;
  query(name: string, input: unknown): Promise<StoreResult<unknown>>;
  act(name: string, input: unknown): Promise<StoreResult<unknown>>;
  subscribe(
    name: string,
    input: unknown,
    listener: Listener<StoreResult<unknown>> & Comlink.ProxyMarked,
  ): Promise<Unsubscribe & Comlink.ProxyMarked>;
  onEvent(
    listener: Listener<StoreEvent> & Comlink.ProxyMarked,
  ): Promise<Unsubscribe & Comlink.ProxyMarked>;
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

  function register(
    start: (w: Wire, isCurrent: () => boolean) => Promise<RemoteUnsubscribe>,
  ): Unsubscribe {
    let remote: Promise<RemoteUnsubscribe | null> | null = null;
    let generation = 0;
    const entry: LiveEntry = {
      attach(w) {
        const mine = ++generation;
        remote = start(w, () => mine === generation && live.has(entry)).catch(() => null);
      },
      detach() {
        generation++;
        const stale = remote;
        remote = null;
        void stale?.then((r) => r && releaseQuietly(r));
      },
    };
    live.add(entry);
    if (wire) entry.attach(wire);
    return () => {
      if (!live.delete(entry)) return;
      generation++;
      const last = remote;
      remote = null;
      void last?.then(async (r) => {
        if (!r) return;
        try {
          await r();
        } catch {
          // The host is gone, and so is the subscription.
        } finally {
          releaseQuietly(r);
        }
      });
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
              w.subscribe(
                name,
                input,
                Comlink.proxy((result: StoreResult<unknown>) => {
                  if (isCurrent()) send(result);
                }),
              ),
            ),
        ),
      );
    },
    onEvent(listener: (event: StoreEvent) => void) {
      const unsubscribe = register((w, isCurrent) =>
        w.onEvent(
          Comlink.proxy((event: StoreEvent) => {
            if (isCurrent()) listener(event);
          }),
        ),
      );
      return Promise.resolve(unsubscribe);
    },
  };
}
