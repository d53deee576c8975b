// Tests for the median and the nearest-rank percentile: empty lists, one value, even counts and
// the rank edges (p90 of 10 values is the 9th, of 11 the 10th).

import { describe, expect, it } from 'vitest';
import { median, nearestRank } from './percentile';

describe('median', () => {
  it('is null for no values, never NaN', () => {
    expect(median([])).toBeNull();
  });

  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([7])).toBe(7);
    expect(median([3, 1, 2])).toBe(2);
    // sorted 1 2 3 10: (2 + 3) / 2
    expect(median([10, 1, 3, 2])).toBe(2.5);
  });
});

describe('nearestRank', () => {
  const ten = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

  it('is null for no values', () => {
    expect(nearestRank([], 90)).toBeNull();
  });

  it('is the only value of a one-value list, whatever p', () => {
    expect(nearestRank([42], 1)).toBe(42);
    expect(nearestRank([42], 90)).toBe(42);
    expect(nearestRank([42], 100)).toBe(42);
  });

  it('takes the ⌈p/100 × n⌉-th smallest value', () => {
    // ⌈0.9 × 10⌉ = 9 → 90
    expect(nearestRank(ten, 90)).toBe(90);
    // ⌈0.9 × 11⌉ = ⌈9.9⌉ = 10 → 100 (the 10th of 10…110)
    expect(nearestRank([...ten, 110], 90)).toBe(100);
    // ⌈0.5 × 10⌉ = 5 → 50: the nearest-rank median of an even count is a value that occurred
    expect(nearestRank(ten, 50)).toBe(50);
    expect(nearestRank(ten, 100)).toBe(100);
    // ⌈0.01 × 10⌉ = 1 → the smallest
    expect(nearestRank(ten, 1)).toBe(10);
  });

  it('does not depend on the order given', () => {
    expect(nearestRank([100, 10, 90, 20, 80, 30, 70, 40, 60, 50], 90)).toBe(90);
  });
});
