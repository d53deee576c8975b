// The store host's live queries: each subscription re-runs its query when IndexedDB data it read
// changes (Dexie liveQuery), or when the host says state outside IndexedDB changed. Never writes.

import { liveQuery, type Subscription } from 'dexie';
import { isRecordKind, recordKey } from '../../shared/commands/record-set';
import type { StoreResult } from '../../shared/domain/result';
import type { QueryName, Unsubscribe } from '../../shared/store-api/contract';
import type { ParsedQuery } from './store-queries';
import { deliver, internal } from './store-host-errors';
import type { Logger } from './logger';

/** A query whose answer also moves with the clock (a wait estimate): re-run every `everyMs`. */
export interface ClockBoundQuery {
  name: QueryName;
  everyMs: number;
}

export class LiveQueries {
  /** Re-runs of live queries whose data lives outside IndexedDB. */
  private readonly refreshers = new Map<() => void, QueryName>();
  /** Every open subscription, with the query it answers. */
  private readonly subscriptions = new Map<Unsubscribe, ParsedQuery>();
  private readonly log: Logger;
  private readonly clockBound: ReadonlyMap<QueryName, number>;
  /** One timer per clock-bound query name while anyone subscribes to it. */
  private readonly timers = new Map<QueryName, ReturnType<typeof setInterval>>();

  constructor(log: Logger, clockBound: readonly ClockBoundQuery[] = []) {
    this.log = log;
    this.clockBound = new Map(clockBound.map((q) => [q.name, q.everyMs]));
  }

  /** Answers `run` now and whenever what it read changes, until unsubscribed. */
  subscribe(
    query: ParsedQuery,
    run: () => Promise<StoreResult<unknown>>,
    listener: (result: StoreResult<unknown>) => void,
  ): Unsubscribe {
    let closed = false;
    let current: Subscription | null = null;
    const push = (result: StoreResult<unknown>): void => {
      if (!closed)
        deliver(listener, result, (error) =>
          this.log.info(`a window's ${query.name} listener failed`, error),
        );
    };
    // A fresh liveQuery answers at once with the current state: that is how a change outside
    // IndexedDB (connectivity, directory loaded) reaches subscribers.
    const start = (): void => {
      current?.unsubscribe();
      current = liveQuery(run).subscribe({
        next: push,
        error: (e: unknown) => {
          this.log.error(`live query ${query.name} failed`, e);
          push(internal(e));
        },
      });
    };
    start();
    this.refreshers.set(start, query.name);
    this.tick(query.name);
    const unsubscribe = (): void => {
      closed = true;
      current?.unsubscribe();
      this.refreshers.delete(start);
      this.subscriptions.delete(unsubscribe);
      this.tick(query.name);
    };
    this.subscriptions.set(unsubscribe, query);
    return unsubscribe;
  }

  /** The records a window has open in a form (a live `<kind>.get`), by recordKey: never evicted. */
  openRecords(): Set<string> {
    const open = new Set<string>();
    for (const query of this.subscriptions.values()) {
      const kind = query.name.endsWith('.get') ? query.name.slice(0, -'.get'.length) : null;
      const id = (query.args as { id?: unknown }).id;
      if (isRecordKind(kind) && typeof id === 'string') open.add(recordKey({ kind, id }));
    }
    return open;
  }

  /** State outside IndexedDB that `name` reads changed: its subscribers get a fresh answer. */
  refresh(name: QueryName): void {
    for (const [start, query] of this.refreshers) if (query === name) start();
  }

  refreshAll(): void {
    for (const start of [...this.refreshers.keys()]) start();
  }

  close(): void {
    for (const unsubscribe of [...this.subscriptions.keys()]) unsubscribe();
  }

  /** Keeps a clock-bound query's timer running exactly while it has subscribers. */
  private tick(name: QueryName): void {
    const everyMs = this.clockBound.get(name);
    if (everyMs === undefined) return;
    const wanted = [...this.refreshers.values()].includes(name);
    const timer = this.timers.get(name);
    if (wanted && timer === undefined)
      this.timers.set(
        name,
        setInterval(() => this.refresh(name), everyMs),
      );
    else if (!wanted && timer !== undefined) {
      clearInterval(timer);
      this.timers.delete(name);
    }
  }
}
