// When a pushed change counts as having happened: the desk's `at` kept within what the server's
// clock allows, and the work note that marks a change whose time was moved. Pure; reads no clock.

import { createHash } from 'node:crypto';
import type { KindedRecord, RecordRef, RecordSet } from '../../shared/commands/record-set';
import type { WorkNote } from '../../shared/domain/work-note';

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export const CLOCK_BOUNDS = {
  /** How far ahead of the server a desk's clock may run: a clock that is merely a little off. */
  aheadMs: 2 * MINUTE_MS,
  /**
   * How long a change may have waited in an outbox: a session's lifetime (30 days), the longest a
   * desk can stay offline and still push with the token that made the change.
   */
  offlineMs: 30 * DAY_MS,
} as const;

/** The time a change is applied at, and whether it is not the desk's. */
export interface AppliedTime {
  at: string;
  adjusted: boolean;
}

/**
 * The desk's `at` when it lies between the bounds, else the nearest bound: never after the server's
 * now plus `aheadMs`, never before the server's now minus `offlineMs`, nor before any of `notBefore`
 * (when the records the change touches were opened: a change cannot precede what it changes). When
 * those disagree (a record opened "in the future" before these bounds existed), the upper bound wins.
 * An `at` within bounds is kept as the desk wrote it (its offset included).
 */
export function boundedAt(
  deskAt: string,
  serverNow: Date,
  notBefore: readonly string[] = [],
): AppliedTime {
  const now = serverNow.getTime();
  const upper = now + CLOCK_BOUNDS.aheadMs;
  let lower = now - CLOCK_BOUNDS.offlineMs;
  for (const time of notBefore) {
    const t = Date.parse(time);
    if (Number.isFinite(t)) lower = Math.max(lower, t);
  }
  lower = Math.min(lower, upper);
  const desk = Date.parse(deskAt);
  const kept = Number.isFinite(desk) ? Math.min(upper, Math.max(lower, desk)) : now;
  return kept === desk
    ? { at: deskAt, adjusted: false }
    : { at: new Date(kept).toISOString(), adjusted: true };
}

/** Who a clock mark's work note is by: the server, not the agent (no user has this id). */
export const CLOCK_NOTE_AUTHOR = { id: 'deskpad-server', name: 'Desk server' } as const;

/** A note id no desk picks (desks use their record ids and UUIDs), within the 64 characters of an Id. */
export const clockNoteId = (clientId: string, mutationId: number): string =>
  `clock-${createHash('sha256').update(`${clientId}\n${mutationId}`).digest('hex').slice(0, 32)}`;

/**
 * The record a change is named by, with a work note saying the desk's time was not used: fulfillers
 * see it where they read the record (the desk, and the read API's `include=workNotes`).
 */
export function withClockNote(
  change: KindedRecord,
  noteId: string,
  deskAt: string,
  applied: string,
): KindedRecord {
  // A visit or a call has no notes: its times are simply the server's.
  if (change.kind === 'visit' || change.kind === 'call') return change;
  if (change.record.workNotes.some((n) => n.id === noteId)) return change;
  const note: WorkNote = {
    id: noteId,
    author: CLOCK_NOTE_AUTHOR.id,
    authorName: CLOCK_NOTE_AUTHOR.name,
    at: applied,
    text: `The desk's clock gave this change the time ${deskAt}, which the desk server cannot accept; it is recorded at ${applied} instead.`,
  };
  const workNotes = [...change.record.workNotes, note];
  switch (change.kind) {
    case 'interaction':
      return { kind: change.kind, record: { ...change.record, workNotes } };
    case 'incident':
      return { kind: change.kind, record: { ...change.record, workNotes } };
    case 'request':
      return { kind: change.kind, record: { ...change.record, workNotes } };
  }
  return change;
}

/** A changed record as the server writes it: updated at the server's now, whatever the desk said. */
export function stampedNow<T extends KindedRecord>(change: T, serverNow: Date): T {
  return { ...change, record: { ...change.record, updatedAt: serverNow.toISOString() } };
}

/** When the records a change touches were opened (those there yet): the change cannot be earlier. */
export const openedTimes = (records: RecordSet, refs: readonly RecordRef[]): string[] =>
  refs.flatMap((ref) => {
    const record = records.get(ref.kind, ref.id);
    return record ? [record.openedAt] : [];
  });

/**
 * A change's records as the server keeps them: when its time was moved, the record it is named by
 * (the first) carries the clock note. Unchanged when the time is the desk's.
 */
export function markedChanges(
  changed: readonly KindedRecord[],
  when: AppliedTime,
  mark: { clientId: string; mutationId: number; deskAt: string },
): KindedRecord[] {
  const [named, ...rest] = changed;
  if (!when.adjusted || !named) return [...changed];
  const noteId = clockNoteId(mark.clientId, mark.mutationId);
  return [withClockNote(named, noteId, mark.deskAt, when.at), ...rest];
}
