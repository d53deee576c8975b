// The one retry loop of the sync engine (after Replicache's connection loop): runs its delegate's
// attempt when due, one at a time, and waits out exponential backoff with jitter after a failure.
// Never knows what an attempt does: the sync cycle and the poke stream are two loops of this class.
//
//   idle ──schedule(ms)──▶ scheduled ──timer──▶ running ──outcome──┐
//    ▲                        ▲   └─runNow()─────▶ ▲   │ (again)   │
//    │                        │                    └───┘           │
//    │ done (backoff reset) / stop        retry: backoff step ─────┤
//    └────────────────────────────────── wait: ms, backoff kept ───┘
//
// A schedule() while running is remembered (`again`): the loop runs once more right after. A
// schedule() never postpones one already due sooner. reset() forgets the attempt in flight (its
// outcome is ignored), what was scheduled, and the backoff. stop() ends the loop for good.

import { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff';

/** Cancels what it scheduled. */
export type Cancel = () => void;

export interface Timers {
  set(callback: () => void, ms: number): Cancel;
}

export const defaultTimers: Timers = {
  set(callback, ms) {
    const handle = setTimeout(callback, ms);
    return () => clearTimeout(handle);
  },
};

/** What one attempt asks the loop to do next. */
export type AttemptOutcome =
  /** It worked: the backoff starts over; nothing more until someone schedules. */
  | { next: 'done' }
  /** Nothing to do now (signed out, closed on purpose): nothing scheduled, backoff kept. */
  | { next: 'stop' }
  /** Not now (offline): look again after `ms`; the backoff is kept as it is. */
  | { next: 'wait'; ms: number }
  /** It failed: try again after the next backoff step, and no sooner than `atLeastMs`. */
  | { next: 'retry'; atLeastMs?: number };

export interface ConnectionLoopDelegate {
  attempt(): Promise<AttemptOutcome>;
}

export interface ConnectionLoopOptions {
  timers?: Timers;
  random?: () => number;
  backoff?: BackoffPolicy;
  /** Milliseconds, for comparing when runs are due. */
  now: () => number;
  /** Told each wait the loop takes after a failure (the log says it). */
  onBackoff?: (delayMs: number, step: number) => void;
}

export class ConnectionLoop {
  private readonly delegate: ConnectionLoopDelegate;
  private readonly timers: Timers;
  private readonly random: () => number;
  private readonly policy: BackoffPolicy;
  private readonly now: () => number;
  private readonly onBackoff: ((delayMs: number, step: number) => void) | undefined;
  private step = 0;
  private pending: { at: number; cancel: Cancel } | null = null;
  private running: Promise<void> | null = null;
  /** Which run is current: reset() moves it on, so an abandoned attempt's outcome is ignored. */
  private generation = 0;
  private again = false;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(delegate: ConnectionLoopDelegate, options: ConnectionLoopOptions) {
    this.delegate = delegate;
    this.timers = options.timers ?? defaultTimers;
    this.random = options.random ?? Math.random;
    this.policy = options.backoff ?? DEFAULT_BACKOFF;
    this.now = options.now;
    this.onBackoff = options.onBackoff;
  }

  /** Runs an attempt in `ms`, unless one is due sooner; while one runs, once more after it. */
  schedule(ms: number): void {
    if (this.stopped) return;
    const at = this.now() + ms;
    if (this.pending && this.pending.at <= at) return;
    this.pending?.cancel();
    const cancel = this.timers.set(() => {
      if (this.pending?.cancel === cancel) this.pending = null;
      this.run();
    }, ms);
    this.pending = { at, cancel };
  }

  /** Runs an attempt now (not through the timers) and resolves when the loop is idle again. */
  async runNow(): Promise<void> {
    if (this.stopped) return;
    const idle = new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    this.pending?.cancel();
    this.pending = null;
    this.run();
    await idle;
  }

  /** The next failure waits the first backoff step again (the network came back, a new session). */
  resetBackoff(): void {
    this.step = 0;
  }

  /** Forgets the attempt in flight, what was scheduled, and the backoff. */
  reset(): void {
    this.generation += 1;
    this.running = null;
    this.again = false;
    this.pending?.cancel();
    this.pending = null;
    this.step = 0;
    this.wakeIdle();
  }

  /** An attempt is in flight. */
  isRunning(): boolean {
    return this.running !== null;
  }

  /** An attempt waits on a timer. */
  isScheduled(): boolean {
    return this.pending !== null;
  }

  /** How many failures in a row the current backoff counts. */
  backoffStep(): number {
    return this.step;
  }

  /** Resolves when no attempt is running. */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Ends the loop: nothing more runs; resolves once the attempt in flight has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.pending?.cancel();
    this.pending = null;
    await this.whenIdle();
    this.wakeIdle();
  }

  private run(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    const generation = this.generation;
    this.running = this.delegate
      .attempt()
      .catch((): AttemptOutcome => ({ next: 'retry' }))
      .then((outcome) => {
        if (generation !== this.generation) return;
        this.running = null;
        this.follow(outcome);
        if (this.again) {
          this.again = false;
          this.schedule(0);
        } else {
          this.wakeIdle();
        }
      });
  }

  private follow(outcome: AttemptOutcome): void {
    if (this.stopped) return;
    switch (outcome.next) {
      case 'done':
        this.step = 0;
        return;
      case 'stop':
        return;
      case 'wait':
        this.schedule(outcome.ms);
        return;
      case 'retry': {
        const delay = Math.max(
          backoffDelay(this.step, this.random, this.policy),
          outcome.atLeastMs ?? 0,
        );
        this.step += 1;
        this.onBackoff?.(delay, this.step);
        this.schedule(delay);
        return;
      }
    }
  }

  private wakeIdle(): void {
    for (const wake of this.idleWaiters.splice(0)) wake();
  }
}
