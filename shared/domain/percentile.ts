// The house's order statistics: the median and the nearest-rank percentile of a list of numbers.
// Pure; every figure, estimate and board that says "median" or "90th percentile" reads these.

/** The median: the middle value, or the mean of the two middle values of an even count; null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? null)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The nearest-rank `p`th percentile (0 < p ≤ 100): the smallest value with at least p % of the
 * values at or below it, i.e. the ⌈p/100 × n⌉-th smallest. Always a value that occurred; null when empty.
 */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? null;
}
