// Frecency of the callers an agent dealt with: each interaction counts 1, halved every week of
// age, over the last 90 days; the caller lookup lists the best first (docs/decisions/0019, "Known
// callers first"). Pure: the caller passes the interactions and "now".

import type { KnownCaller } from './directory';
import type { Interaction } from './interaction';

/** Only interactions opened in this many days count. */
export const KNOWN_WINDOW_DAYS = 90;
/** An interaction's weight halves every this many days. */
export const KNOWN_HALF_LIFE_DAYS = 7;
/** The best this many callers are known; the rest of the history is not. */
export const KNOWN_CALLERS_MAX = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface KnownCallerScore extends KnownCaller {
  id: string;
  score: number;
}

type Contact = Pick<Interaction, 'openedFor' | 'openedAt'>;

/**
 * The callers of these interactions, best first: the sum of 0.5^(age in days / half-life) over
 * their interactions of the last KNOWN_WINDOW_DAYS, ties to the latest contact, then to the id.
 * Decay is the same for everyone, so the order stays right as time passes; only the window moves.
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
    const weight = 0.5 ** (Math.max(0, at - opened) / DAY_MS / KNOWN_HALF_LIFE_DAYS);
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
