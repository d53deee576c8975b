// The list of sync attempts: each with its kind, start, duration and outcome, newest first,
// bounded, and its error redacted like a log line.

import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { createSyncAttempts } from './sync-attempts';

describe('sync attempts', () => {
  it('records how each attempt went and how long it took, newest first', async () => {
    let now = Date.parse('2026-11-24T10:00:00.000Z');
    const attempts = createSyncAttempts(createLogger(), () => now);
    await attempts.track('push', () => {
      now += 120;
      return Promise.resolve(3);
    });
    await expect(
      attempts.track('pull', () => {
        now += 40;
        return Promise.reject(new Error('The desk server cannot be reached.'));
      }),
    ).rejects.toThrow('cannot be reached');
    expect(attempts.recent()).toEqual([
      {
        kind: 'pull',
        startedAt: '2026-11-24T10:00:00.120Z',
        durationMs: 40,
        outcome: 'failed',
        error: 'The desk server cannot be reached.',
      },
      {
        kind: 'push',
        startedAt: '2026-11-24T10:00:00.000Z',
        durationMs: 120,
        outcome: 'ok',
        error: null,
      },
    ]);
  });

  it('keeps only the newest attempts', () => {
    const attempts = createSyncAttempts(createLogger(), () => 0, 5);
    for (let i = 0; i < 20; i++) attempts.begin(i % 2 ? 'push' : 'poke')(null);
    expect(attempts.recent()).toHaveLength(5);
  });

  it('never keeps a token in an error', () => {
    const log = createLogger();
    log.addSecret('dpt_secret-token-1234567890');
    const attempts = createSyncAttempts(log);
    attempts.begin('directory')(new Error('refused dpt_secret-token-1234567890'));
    expect(attempts.recent()[0]?.error).toBe('refused [redacted]');
  });
});
