// How the window reads the session's end: expired or signed out (from the store host's endedBy), and
// the banner's words for a session ending within a day. Pure functions, no DOM.

import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../shared/store-api/contract';
import {
  EXPIRY_NOTICE_MS,
  clockTime,
  expiryNote,
  sessionEndOf,
  untilExpiryNoteChanges,
} from './session-end';

const HOUR = 60 * 60 * 1000;
const NOW = new Date('2026-11-24T10:30:00');
const local = (time: string): string => new Date(`2026-11-${time}`).toISOString();

// (2026-11-23) Cast: the contract's SessionState does not have endedBy yet, and this also plays junk.
const state = (status: SessionState['status'], endedBy?: unknown): SessionState =>
  ({
    status,
    agent: null,
    serverUrl: 'http://desk.test',
    expiresAt: null,
    endedBy,
  }) as SessionState;

describe('sessionEndOf', () => {
  it('reads how a signed-out session ended, and nothing else', () => {
    expect(sessionEndOf(state('signed-out', 'expired'))).toBe('expired');
    expect(sessionEndOf(state('signed-out', 'sign-out'))).toBe('sign-out');
    // Never signed in, or a store host that does not say: the Sign in screen, as before.
    expect(sessionEndOf(state('signed-out'))).toBeNull();
    expect(sessionEndOf(state('signed-out', null))).toBeNull();
    expect(sessionEndOf(state('signed-out', 'something else'))).toBeNull();
    // A session kept again has not ended, whatever the last one did.
    expect(sessionEndOf(state('signed-in', 'expired'))).toBeNull();
    expect(sessionEndOf(state('local', 'expired'))).toBeNull();
    expect(sessionEndOf(null)).toBeNull();
  });
});

describe('expiryNote', () => {
  it('says nothing while more than a day is left, or when the session never ends', () => {
    expect(expiryNote(local('25T10:31:00'), NOW)).toBeNull();
    expect(expiryNote(null, NOW)).toBeNull();
    expect(expiryNote('not a time', NOW)).toBeNull();
  });

  it('says the time today, "tomorrow" after midnight, and "ended" once it is past', () => {
    expect(expiryNote(local('24T17:00:00'), NOW)).toBe(
      `Session ends at ${clockTime(new Date(local('24T17:00:00')))} — sign in again to keep syncing`,
    );
    expect(expiryNote(local('25T09:00:00'), NOW)).toBe(
      `Session ends tomorrow at ${clockTime(new Date(local('25T09:00:00')))} — sign in again to keep syncing`,
    );
    expect(expiryNote(local('25T10:30:00'), NOW)).toContain('Session ends tomorrow at');
    expect(expiryNote(local('24T09:00:00'), NOW)).toBe(
      `Session ended at ${clockTime(new Date(local('24T09:00:00')))} — sign in again to keep syncing`,
    );
  });
});

describe('untilExpiryNoteChanges', () => {
  it('waits until the note appears, until midnight turns tomorrow into today, or until the time is up', () => {
    expect(untilExpiryNoteChanges(local('26T10:30:00'), NOW)).toBe(
      2 * 24 * HOUR - EXPIRY_NOTICE_MS,
    );
    expect(untilExpiryNoteChanges(local('24T17:00:00'), NOW)).toBe(6.5 * HOUR);
    expect(untilExpiryNoteChanges(local('25T09:00:00'), NOW)).toBe(13.5 * HOUR);
    expect(untilExpiryNoteChanges(local('24T09:00:00'), NOW)).toBeNull();
    expect(untilExpiryNoteChanges(null, NOW)).toBeNull();
  });
});
