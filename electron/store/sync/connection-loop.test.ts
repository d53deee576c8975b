// The one retry loop, on fake time: backoff grows to its cap and never passes the jitter ceiling,
// a failure's Retry-After is honoured, a network that returns is tried at once, runs never overlap.

import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_BACKOFF } from './backoff';
import { ConnectionLoop, type AttemptOutcome } from './connection-loop';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A loop whose attempts answer from `outcomes` (the last one repeats), with their start times. */
function loopOf(outcomes: AttemptOutcome[], random: () => number = () => 0) {
  const starts: number[] = [];
  const waits: number[] = [];
  const loop = new ConnectionLoop(
    {
      attempt: () => {
        starts.push(Date.now());
        return Promise.resolve(outcomes.length > 1 ? outcomes.shift()! : outcomes[0]!);
      },
    },
    { now: () => Date.now(), random, onBackoff: (ms) => waits.push(ms) },
  );
  return { loop, starts, waits };
}

describe('the connection loop', () => {
  it('backs off exponentially after each failure, up to the cap', async () => {
    const { loop, waits, starts } = loopOf([{ next: 'retry' }]);
    loop.schedule(0);
    for (let i = 0; i < 9; i++) await vi.runOnlyPendingTimersAsync();
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    // Each attempt starts when its wait is over, not sooner.
    expect(starts.slice(1, 4).map((at, i) => at - starts[i]!)).toEqual([500, 1000, 2000]);
    await loop.stop();
  });

  it('never waits past the jitter ceiling (the step), nor under half of it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), {
          minLength: 1,
          maxLength: 12,
        }),
        async (draws) => {
          let i = 0;
          const { loop, waits } = loopOf([{ next: 'retry' }], () => draws[i++ % draws.length]!);
          loop.schedule(0);
          for (let n = 0; n < draws.length; n++) await vi.runOnlyPendingTimersAsync();
          waits.forEach((ms, step) => {
            const ceiling = Math.min(DEFAULT_BACKOFF.maxMs, DEFAULT_BACKOFF.baseMs * 2 ** step);
            expect(ms).toBeLessThanOrEqual(ceiling);
            expect(ms).toBeGreaterThanOrEqual(ceiling / 2);
          });
          await loop.stop();
        },
      ),
      { numRuns: 50 },
    );
  });

  it('waits at least what the server asked (Retry-After) even early in the backoff', async () => {
    const { loop, waits } = loopOf([{ next: 'retry', atLeastMs: 7000 }, { next: 'done' }]);
    await loop.runNow();
    expect(waits).toEqual([7000]);
    await vi.advanceTimersByTimeAsync(6999);
    expect(loop.isScheduled()).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(loop.isScheduled()).toBe(false);
  });

  it('starts over after a success, and when told the network came back tries at once', async () => {
    const outcomes: AttemptOutcome[] = [
      { next: 'retry' },
      { next: 'retry' },
      { next: 'retry' },
      { next: 'retry' },
    ];
    const { loop, waits, starts } = loopOf(outcomes);
    await loop.runNow();
    await vi.runOnlyPendingTimersAsync();
    await vi.runOnlyPendingTimersAsync();
    expect(waits).toEqual([500, 1000, 2000]);
    // The network is back (an `online` event): no waiting out the 2 s step.
    const before = Date.now();
    loop.resetBackoff();
    loop.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(starts.at(-1)).toBe(before);
    expect(waits.at(-1)).toBe(500);
    await loop.stop();
  });

  it('keeps the backoff while waiting (offline), and does nothing more after stop', async () => {
    const { loop, starts, waits } = loopOf([{ next: 'retry' }, { next: 'wait', ms: 5000 }]);
    await loop.runNow();
    await vi.advanceTimersByTimeAsync(500);
    expect(loop.backoffStep()).toBe(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(starts).toHaveLength(3);
    expect(waits).toEqual([500]);
    await loop.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(starts).toHaveLength(3);
  });

  it('never runs two attempts at once; a schedule meanwhile runs once more after', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const loop = new ConnectionLoop(
      {
        attempt: async () => {
          running += 1;
          runs += 1;
          most = Math.max(most, running);
          await new Promise((resolve) => setTimeout(resolve, 100));
          running -= 1;
          return { next: 'done' };
        },
      },
      { now: () => Date.now() },
    );
    const first = loop.runNow();
    loop.schedule(0);
    loop.schedule(0);
    await vi.advanceTimersByTimeAsync(300);
    // runNow resolves once the loop is idle: after the run asked for meanwhile, too.
    await first;
    expect(runs).toBe(2);
    expect(most).toBe(1);
  });

  it('never postpones a run due sooner', async () => {
    const { loop, starts } = loopOf([{ next: 'done' }]);
    loop.schedule(50);
    loop.schedule(10_000);
    await vi.advanceTimersByTimeAsync(50);
    expect(starts).toHaveLength(1);
    loop.schedule(10_000);
    loop.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(starts).toHaveLength(2);
    await loop.stop();
  });

  it('reset() forgets the attempt in flight: its outcome schedules nothing', async () => {
    let finish: (outcome: AttemptOutcome) => void = () => undefined;
    const loop = new ConnectionLoop(
      { attempt: () => new Promise<AttemptOutcome>((resolve) => (finish = resolve)) },
      { now: () => Date.now() },
    );
    void loop.runNow();
    expect(loop.isRunning()).toBe(true);
    loop.reset();
    expect(loop.isRunning()).toBe(false);
    finish({ next: 'retry' });
    await vi.advanceTimersByTimeAsync(0);
    expect(loop.isScheduled()).toBe(false);
  });
});
