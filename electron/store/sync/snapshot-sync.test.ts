// A snapshot's progress is told at most once a second (each telling re-reads every window's status,
// which waits on the pages' writes): its start and end always, the count carried by the next one.

import { describe, expect, it } from 'vitest';
import { PROGRESS_EVERY_MS, throttledProgress, type SnapshotProgress } from './snapshot-sync';

describe('a snapshot’s progress', () => {
  it('is told at its start, then at most once a second, and always at its end', () => {
    let now = 0;
    const told: (SnapshotProgress | null)[] = [];
    const progress = throttledProgress(
      (p) => told.push(p),
      () => now,
    );
    progress({ done: 0, total: 10_000 });
    // Pages every 300 ms: the ones within a second of the last telling are dropped.
    for (const done of [2_000, 4_000, 6_000, 8_000]) {
      now += 300;
      progress({ done, total: 10_000 });
    }
    now += 300;
    progress(null);
    expect(told).toEqual([{ done: 0, total: 10_000 }, { done: 8_000, total: 10_000 }, null]);
    expect(PROGRESS_EVERY_MS).toBe(1_000);
    // A second snapshot after the end starts told again at once.
    progress({ done: 0, total: 5 });
    expect(told.at(-1)).toEqual({ done: 0, total: 5 });
  });
});
