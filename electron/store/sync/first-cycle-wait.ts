// How long a desk that opens signed in lets its window's first screen go before its first sync
// (decision 0016): until a window says it has drawn it, or the wait is over. Keeps time only.

/** The wait the app's store hosts give a window (SyncOptions.firstSyncWaitMs). */
export const FIRST_SYNC_WAIT_MS = 3000;

export class FirstCycleWait {
  /** Until when (monotonic ms) the first cycle waits; past: no more. */
  private until = 0;

  private readonly monotonic: () => number;

  constructor(monotonic: () => number) {
    this.monotonic = monotonic;
  }

  /** The desk opened: its first cycle waits `ms` (0: not at all). */
  open(ms: number): void {
    this.until = this.monotonic() + ms;
  }

  /** What is left of the wait: the delay for a cycle asked now; 0 once over. */
  left(): number {
    return Math.max(0, this.until - this.monotonic());
  }

  /** A window has drawn its first screen: ends the wait; answers whether it was still on. */
  end(): boolean {
    if (this.left() === 0) return false;
    this.until = 0;
    return true;
  }
}
