// What the window reads from the session besides who is signed in: how it ended (the agent signed
// out, or it expired by itself) and when it is about to end, in the agent's words. Pure; never reads the clock.

import type { SessionState } from '../../shared/store-api/contract';

/**
 * `sign-out`: an agent signed out on purpose (the Sign in screen); `expired`: the desk server stopped
 * taking the token (it expired or was revoked) while the desk kept working; null: nobody has signed in yet.
 */
export type SessionEnd = 'sign-out' | 'expired' | null;

/** A session ending within this long is mentioned in the banner. */
export const EXPIRY_NOTICE_MS = 24 * 60 * 60 * 1000;

export const SESSION_WORDS = {
  ended: 'Your session ended: sign in to sync. Your changes stay on this desk.',
  signOutOffline:
    'This desk is offline, and signing in again needs the desk server. Stay signed in and keep working: everything you save stays on this desk. Sign out once the desk server can be reached.',
  signOutEverywhere:
    'Sign out everywhere also ends your sessions on every other desk and browser (a lost laptop, a shared PC).',
} as const;

/** How a signed-out session ended, from the store host's `SessionState.endedBy` (absent: never signed in). */
export function sessionEndOf(session: SessionState | null): SessionEnd {
  if (session?.status !== 'signed-out') return null;
  // A store host of another version may say something this window does not know: never signed in.
  const { endedBy } = session;
  return endedBy === 'expired' || endedBy === 'sign-out' ? endedBy : null;
}

const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** "17:00", as the desk's clock shows it. */
export const clockTime = (at: Date): string => clock.format(at);

const nextDay = (now: Date): Date => new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);

const sameDay = (a: Date, b: Date): boolean =>
  a.getFullYear() === b.getFullYear() &&
  a.getMonth() === b.getMonth() &&
  a.getDate() === b.getDate();

const expiryOf = (expiresAt: string | null): Date | null => {
  if (!expiresAt) return null;
  const at = new Date(expiresAt);
  return Number.isNaN(at.getTime()) ? null : at;
};

/**
 * "Session ends at 17:00 — sign in again to keep syncing" once the kept session has less than a day
 * left (a day away reads "tomorrow at 09:00"); null while it has more, or when it never ends.
 */
export function expiryNote(expiresAt: string | null, now: Date): string | null {
  const at = expiryOf(expiresAt);
  if (!at) return null;
  const left = at.getTime() - now.getTime();
  if (left > EXPIRY_NOTICE_MS) return null;
  // The store host learns it at its next sync; meanwhile the clock already says so.
  if (left <= 0) return `Session ended at ${clockTime(at)} — sign in again to keep syncing`;
  const when = sameDay(at, now)
    ? `at ${clockTime(at)}`
    : sameDay(at, nextDay(now))
      ? `tomorrow at ${clockTime(at)}`
      : `at ${at.toLocaleString()}`;
  return `Session ends ${when} — sign in again to keep syncing`;
}

/**
 * How long until expiryNote may say something else: it appears, "tomorrow" becomes today at
 * midnight, or the time is up. Null when it never will.
 */
export function untilExpiryNoteChanges(expiresAt: string | null, now: Date): number | null {
  const at = expiryOf(expiresAt);
  if (!at) return null;
  const left = at.getTime() - now.getTime();
  if (left <= 0) return null;
  if (left > EXPIRY_NOTICE_MS) return left - EXPIRY_NOTICE_MS;
  return Math.min(left, nextDay(now).getTime() - now.getTime());
}
