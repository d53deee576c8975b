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

/** How often, at most, a held query answers while a sync catches up (`LiveQueries.hold`). */
export const HOLD_EVERY_MS = 2_000;

/**
 * The share of a catch-up the held queries' answers may take. A round of them that read for R ms
 * (waiting on the pages' writes included) is followed by at least R × (1 / share − 1) without one:
 * cheap lists still move every couple of seconds, costly ones no longer halve the catch-up's pace.
 */
export const HELD_SHARE = 0.1;

export class LiveQueries {
  /**
   * Re-runs of live queries whose data lives outside IndexedDB; each resolves once that run has
   * answered (or was stopped or started again).
   */
  private readonly refreshers = new Map<() => Promise<void>, QueryName>();
  /** Each subscription's way to stop following its data, keeping its answer (`hold`). */
  private readonly parkers = new Map<() => void, QueryName>();
  /** Every open subscription, with the query it answers. */
  private readonly subscriptions = new Map<Unsubscribe, ParsedQuery>();
  private readonly log: Logger;
  private readonly clockBound: ReadonlyMap<QueryName, number>;
  /** One timer per clock-bound query name while anyone subscribes to it. */
  private readonly timers = new Map<QueryName, ReturnType<typeof setInterval>>();

  /** The queries answered every HOLD_EVERY_MS rather than after every write while a sync catches up. */
  private readonly holdable: ReadonlySet<QueryName>;
  /** Whether a sync is catching up (hold), and the timer that answers the held queries meanwhile. */
  private holding = false;
  /** Held queries released but not started yet: they answer one after another (`release`). */
  private readonly releasing = new Set<() => Promise<void>>();
  private releases = 0;
  private holdTimer: ReturnType<typeof setInterval> | null = null;
  /** Held runs still reading, when the round they belong to began, and when the next may begin. */
  private heldReading = 0;
  private roundStartedAt = 0;
  private nextRoundAt = 0;

  constructor(
    log: Logger,
    clockBound: readonly ClockBoundQuery[] = [],
    heldWhileCatchingUp: readonly QueryName[] = [],
  ) {
    this.log = log;
    this.clockBound = new Map(clockBound.map((q) => [q.name, q.everyMs]));
    this.holdable = new Set(heldWhileCatchingUp);
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
    const failed = (e: unknown): void => {
      this.log.error(`live query ${query.name} failed`, e);
      push(internal(e));
    };
    // Each start answers anew; an answer of an earlier start that comes late is dropped.
    let generation = 0;
    // A held run still reading, and whether it was asked to answer again meanwhile: a held
    // query never runs twice at once, and a run slower than the hold's timer still answers.
    let reading = false;
    let again = false;
    // The latest start's waiter (`release` waits for one answer before starting the next query).
    let waiter: (() => void) | null = null;
    const settled = (): void => {
      waiter?.();
      waiter = null;
    };
    // A fresh liveQuery answers at once with the current state: that is how a change outside
    // IndexedDB (connectivity, directory loaded) reaches subscribers. While a sync catches up, a
    // held query answers once per start (the hold's timer starts it again) instead.
    const start = (): Promise<void> => {
      settled();
      if (closed) return Promise.resolve();
      current?.unsubscribe();
      current = null;
      const held = this.holding && this.holdable.has(query.name);
      if (held && reading) {
        again = true;
        return Promise.resolve();
      }
      again = false;
      const answered = new Promise<void>((resolve) => (waiter = resolve));
      const mine = ++generation;
      const latest = (result: StoreResult<unknown>): void => {
        if (mine !== generation) return;
        push(result);
        settled();
      };
      if (!held) {
        current = liveQuery(run).subscribe({
          next: latest,
          error: (e: unknown) => {
            failed(e);
            settled();
          },
        });
        return answered;
      }
      reading = true;
      if (this.heldReading === 0) this.roundStartedAt = Date.now();
      this.heldReading += 1;
      const done = (): void => {
        reading = false;
        if (again && !closed && this.holding) void start();
        this.heldReading -= 1;
        if (this.heldReading === 0) this.roundDone();
      };
      run().then(
        (result) => {
          latest(result);
          done();
        },
        (e: unknown) => {
          if (mine === generation) failed(e);
          settled();
          done();
        },
      );
      return answered;
    };
    // Held from now on: the answer given stands (it is the desk's state as the hold begins) and
    // the hold's timer answers again; nothing re-runs after each page meanwhile.
    const park = (): void => {
      current?.unsubscribe();
      current = null;
      settled();
    };
    void start();
    this.refreshers.set(start, query.name);
    this.parkers.set(park, query.name);
    this.tick(query.name);
    const unsubscribe = (): void => {
      closed = true;
      current?.unsubscribe();
      settled();
      this.refreshers.delete(start);
      this.parkers.delete(park);
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

  /**
   * State outside IndexedDB that these queries read changed: their subscribers get a fresh answer
   * (a held one on the hold's timer, as after a write: the record index tells after every page).
   */
  refresh(...names: QueryName[]): void {
    void this.refreshed(...names);
  }

  /** As `refresh`, and resolves once each live one has answered (a closed one counts as answered). */
  refreshed(...names: QueryName[]): Promise<void> {
    const answers: Promise<void>[] = [];
    for (const [start, query] of this.refreshers)
      if (
        names.includes(query) &&
        !(this.holding && this.holdable.has(query)) &&
        !this.releasing.has(start)
      )
        answers.push(start());
    return Promise.all(answers).then(() => undefined);
  }

  refreshAll(): void {
    for (const start of [...this.refreshers.keys()]) void start();
  }

  /**
   * A sync is catching up (many pages in a row): the held queries stop re-running after every
   * page it stores and answer every HOLD_EVERY_MS instead, or less often when their answers are
   * costly (HELD_SHARE), so the pages are stored without a dozen whole-desk reads after each. The
   * others (a form's record, the sync status, an incoming call) stay live. Until `release`.
   * The held ones keep the answers they gave, which are the desk's state as the catch-up begins:
   * none re-runs now, when the first page is being stored and the status is asked for.
   */
  hold(): void {
    if (this.holding) return;
    this.holding = true;
    this.releasing.clear();
    this.nextRoundAt = 0;
    this.holdTimer = setInterval(() => {
      if (Date.now() >= this.nextRoundAt) this.answerHeld();
    }, HOLD_EVERY_MS);
    for (const [park, name] of this.parkers) if (this.holdable.has(name)) park();
  }

  /**
   * Caught up: the held queries answer now and are live again, one after another. Started all at
   * once, their whole-desk reads came before the status and a search asked just then (half a
   * second after a catch-up; ADR 0020); one at a time, those wait for one list at most. A new hold
   * meanwhile leaves the rest held.
   */
  release(): void {
    if (!this.holding) return;
    this.holding = false;
    if (this.holdTimer !== null) clearInterval(this.holdTimer);
    this.holdTimer = null;
    const held = this.heldStarts();
    for (const start of held) this.releasing.add(start);
    const release = ++this.releases;
    void held.reduce<Promise<void>>(
      (before, start) =>
        before.then(() => {
          // A refresh meanwhile waited for this turn: the answer now is what is current.
          if (release !== this.releases || this.holding) return undefined;
          this.releasing.delete(start);
          return start();
        }),
      Promise.resolve(),
    );
  }

  /** The held queries answer now (the agent changed something: it shows at once, not later). */
  answerHeld(): void {
    if (!this.holding) return;
    for (const start of this.heldStarts()) void start();
  }

  private heldStarts(): (() => Promise<void>)[] {
    return [...this.refreshers].flatMap(([start, name]) =>
      this.holdable.has(name) ? [start] : [],
    );
  }

  /** The held runs have all answered: the next round waits in proportion to what this one took. */
  private roundDone(): void {
    const now = Date.now();
    this.nextRoundAt = now + (now - this.roundStartedAt) * (1 / HELD_SHARE - 1);
  }

  close(): void {
    this.release();
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
