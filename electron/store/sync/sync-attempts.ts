// The bounded list of recent sync attempts (push, pull, directory, poke stream): when each began,
// how long it took, how it ended, and why it failed. Never holds a token: errors are redacted text.

import type { SyncAttempt, SyncAttemptKind } from '../../../shared/store-api/contract';
import { RingBuffer, describeError, type Logger } from '../logger';

export type { SyncAttempt, SyncAttemptKind } from '../../../shared/store-api/contract';

export const DEFAULT_ATTEMPTS_KEPT = 50;

/** Ends an attempt: null when it worked, else why it did not. */
export type EndAttempt = (error: unknown) => void;

export interface SyncAttempts {
  /** Starts the clock on one attempt of `kind`. */
  begin(kind: SyncAttemptKind): EndAttempt;
  /** Runs `work` as one attempt of `kind` and records it; answers (or throws) what `work` does. */
  track<T>(kind: SyncAttemptKind, work: () => Promise<T>): Promise<T>;
  /** Newest first. */
  recent(): SyncAttempt[];
}

export function createSyncAttempts(
  log: Logger,
  clock: () => number = Date.now,
  capacity = DEFAULT_ATTEMPTS_KEPT,
): SyncAttempts {
  const ring = new RingBuffer<SyncAttempt>(capacity);
  const begin = (kind: SyncAttemptKind): EndAttempt => {
    const startedAt = clock();
    return (error) => {
      const durationMs = Math.max(0, clock() - startedAt);
      const failed = error !== null && error !== undefined;
      if (failed) log.warn(`${kind} failed after ${durationMs} ms`, error);
      else log.debug(`${kind} done in ${durationMs} ms`);
      ring.push({
        kind,
        startedAt: new Date(startedAt).toISOString(),
        durationMs,
        outcome: failed ? 'failed' : 'ok',
        error: failed ? log.redact(describeError(error)) : null,
      });
    };
  };
  return {
    begin,
    async track(kind, work) {
      const end = begin(kind);
      try {
        const answer = await work();
        end(null);
        return answer;
      } catch (error) {
        end(error ?? new Error('Failed with no reason given.'));
        throw error;
      }
    },
    recent: () => ring.toArray().reverse(),
  };
}
