// How long the sync runner waits before trying again after a failure: exponential, capped, with
// "equal jitter" so a room of desks coming back at once does not retry in step. Pure.

export interface BackoffPolicy {
  /** The first wait's ceiling, in milliseconds. */
  baseMs: number;
  /** No wait is longer than this. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, maxMs: 60_000 };

/**
 * The wait before retry number `attempt` (0 for the first retry): half the exponential step for
 * sure, the other half at random, so it lies in [step/2, step]. `random` returns [0, 1).
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(Math.max(0, attempt), 30));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(step / 2 + (step / 2) * r);
}
