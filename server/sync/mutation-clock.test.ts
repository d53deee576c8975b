import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../shared/domain/interaction';
import { boundedAt, CLOCK_BOUNDS, clockNoteId, markedChanges } from './mutation-clock';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('a desk time within the server’s bounds', () => {
  it('keeps a time within bounds exactly as the desk wrote it', () => {
    expect(boundedAt('2026-12-01T13:00:00+01:00', NOW)).toEqual({
      at: '2026-12-01T13:00:00+01:00',
      adjusted: false,
    });
    expect(boundedAt(iso(NOW.getTime() + CLOCK_BOUNDS.aheadMs), NOW).adjusted).toBe(false);
  });

  it('pulls a future time back to now plus the skew, an ancient one up to the offline limit', () => {
    expect(boundedAt('9999-12-31T23:59:59Z', NOW)).toEqual({
      at: iso(NOW.getTime() + CLOCK_BOUNDS.aheadMs),
      adjusted: true,
    });
    expect(boundedAt('1999-01-01T00:00:00Z', NOW)).toEqual({
      at: iso(NOW.getTime() - CLOCK_BOUNDS.offlineMs),
      adjusted: true,
    });
  });

  it('never puts a change before the record it changes was opened; the upper bound wins a tie', () => {
    const opened = '2026-12-01T11:00:00.000Z';
    expect(boundedAt('2026-11-30T00:00:00Z', NOW, [opened])).toEqual({
      at: opened,
      adjusted: true,
    });
    expect(boundedAt('2026-11-30T00:00:00Z', NOW, ['9999-01-01T00:00:00Z']).at).toBe(
      iso(NOW.getTime() + CLOCK_BOUNDS.aheadMs),
    );
  });
});

describe('the clock mark', () => {
  const record = { id: 'i-1', workNotes: [] } as unknown as Interaction;

  it('adds one work note to the named record only when the time was moved', () => {
    const mark = { clientId: 'desk-a', mutationId: 3, deskAt: '1999-01-01T00:00:00Z' };
    const changes = [{ kind: 'interaction' as const, record }];
    expect(markedChanges(changes, { at: 'x', adjusted: false }, mark)).toEqual(changes);
    const [marked] = markedChanges(
      changes,
      { at: '2026-11-01T12:00:00.000Z', adjusted: true },
      mark,
    );
    expect(marked && 'workNotes' in marked.record ? marked.record.workNotes : []).toEqual([
      expect.objectContaining({ id: clockNoteId('desk-a', 3), at: '2026-11-01T12:00:00.000Z' }),
    ]);
  });

  it('names its note within an Id’s 64 characters, apart per desk and mutation', () => {
    const id = clockNoteId('d'.repeat(64), Number.MAX_SAFE_INTEGER);
    expect(id.length).toBeLessThanOrEqual(64);
    expect(clockNoteId('desk-a', 1)).not.toBe(clockNoteId('desk-b', 1));
  });
});
