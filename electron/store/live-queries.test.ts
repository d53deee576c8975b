// Tests for the live queries' clock: a clock-bound query (the walk-up queue's estimate) is re-run on
// its interval while it has subscribers, and its timer stops with the last of them.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../shared/domain/result';
import { LiveQueries } from './live-queries';
import { createLogger } from './logger';
import type { ParsedQuery } from './store-queries';

const queue: ParsedQuery = { name: 'walkUp.queue', args: { location: 'loc-hq' } };
const locations: ParsedQuery = { name: 'walkUp.locations', args: {} };

afterEach(() => {
  vi.useRealTimers();
});

describe('LiveQueries with a clock-bound query', () => {
  it('re-runs it every interval while subscribed, and stops after the last unsubscribes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const live = new LiveQueries(createLogger(), [{ name: 'walkUp.queue', everyMs: 30_000 }]);
    let runs = 0;
    const run = () => Promise.resolve(ok(++runs));
    const seen: unknown[] = [];
    const first = live.subscribe(queue, run, (r) => seen.push(r));
    const second = live.subscribe(queue, run, (r) => seen.push(r));
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(vi.getTimerCount()).toBe(1);

    vi.advanceTimersByTime(30_000);
    await vi.waitFor(() => expect(seen).toHaveLength(4));
    first();
    expect(vi.getTimerCount()).toBe(1);
    second();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(runs).toBe(4);
  });

  it('keeps no timer for a query that does not move with the clock', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const live = new LiveQueries(createLogger(), [{ name: 'walkUp.queue', everyMs: 30_000 }]);
    const seen: unknown[] = [];
    live.subscribe(
      locations,
      () => Promise.resolve(ok([])),
      (r) => seen.push(r),
    );
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(vi.getTimerCount()).toBe(0);
    live.close();
  });
});
