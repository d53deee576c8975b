// The retry schedule: exponential steps, capped, with equal jitter inside [step/2, step].

import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles each attempt, between half the step and the whole step', () => {
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, () => 0.999999))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
    expect(backoffDelay(2, () => 0.5)).toBe(3000);
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    expect(backoffDelay(6, () => 0.999999)).toBe(60_000);
    expect(backoffDelay(500, () => 0)).toBe(30_000);
    expect(backoffDelay(3, () => 1, { baseMs: 100, maxMs: 500 })).toBe(500);
  });

  it('keeps a random source that misbehaves inside the range', () => {
    expect(backoffDelay(0, () => -3)).toBe(500);
    expect(backoffDelay(0, () => 7)).toBe(1000);
  });
});
