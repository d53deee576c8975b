// Frecency of the callers an agent dealt with: each interaction counts 1, halved every week of
// age, over the last 90 days, and a contact of the last hours counts more (a caller rings back
// soon after a call far more often than days later); the caller lookup lists the best first
// (docs/decisions/0019, "Known callers first"). Pure: the caller passes the interactions and "now".

import type { KnownCaller } from './directory';
import type { Interaction } from './interaction';

/** Only interactions opened in this many days count. */
export const KNOWN_WINDOW_DAYS = 90;
/** An interaction's weight halves every this many days. */
export const KNOWN_HALF_LIFE_DAYS = 7;
/** The best this many callers are known; the rest of the history is not. */
export const KNOWN_CALLERS_MAX = 100;
/**
 * A contact of the last hours adds this much more, halved every KNOWN_RECENT_HALF_LIFE_HOURS: a
 * call of ten minutes ago (about 2.9 in all) ranks with a caller of three calls this week, and by
 * the next day the extra is gone (under 0.001).
 */
export const KNOWN_RECENT_WEIGHT = 2;
export const KNOWN_RECENT_HALF_LIFE_HOURS = 2;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** What one interaction `age` ms old adds to its caller's score. */
export function contactWeight(age: number): number {
  const ms = Math.max(0, age);
  return (
    0.5 ** (ms / DAY_MS / KNOWN_HALF_LIFE_DAYS) +
    KNOWN_RECENT_WEIGHT * 0.5 ** (ms / HOUR_MS / KNOWN_RECENT_HALF_LIFE_HOURS)
  );
}

export interface KnownCallerScore extends KnownCaller {
  id: string;
  score: number;
}

type Contact = Pick<Interaction, 'openedFor' | 'openedAt'>;

/**
 * The callers of these interactions, best first: the sum of `contactWeight` over their
 * interactions of the last KNOWN_WINDOW_DAYS, ties to the latest contact, then to the id. The
 * hours' extra decays faster than the weeks' part, so the order moves with the clock: whoever
 * keeps it reads it again every few minutes (electron/store/known-callers.ts).
 */
export function rankKnownCallers(
  contacts: readonly Contact[],
  now: Date,
  max = KNOWN_CALLERS_MAX,
): KnownCallerScore[] {
  const at = now.getTime();
  const from = at - KNOWN_WINDOW_DAYS * DAY_MS;
  const byId = new Map<string, KnownCallerScore>();
  for (const { openedFor, openedAt } of contacts) {
    const opened = Date.parse(openedAt);
    if (openedFor === null || Number.isNaN(opened) || opened < from) continue;
    const weight = contactWeight(at - opened);
    const known = byId.get(openedFor);
    if (known === undefined) {
      byId.set(openedFor, { id: openedFor, score: weight, interactions: 1, lastAt: openedAt });
    } else {
      known.score += weight;
      known.interactions += 1;
      if (openedAt > known.lastAt) known.lastAt = openedAt;
    }
  }
  return [...byId.values()]
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.lastAt < b.lastAt ? 1 : a.lastAt > b.lastAt ? -1 : 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .slice(0, max);
}
