// Answers for the next key: a lookup asks the store host ahead of time what each likely next key
// would find, so the answer to a keystroke is on screen before any message could arrive.

/** The keys a lookup is answered ahead for, as the directory search folds them (case aside). */
export const LOOKAHEAD_KEYS = 'abcdefghijklmnopqrstuvwxyz0123456789 .@-';

/** What the store host answers: each key's hits, as indexes into one list of the hits seen. */
export interface Lookahead<T> {
  /** The text the keys follow. */
  query: string;
  hits: T[];
  next: { key: string; hits: number[] }[];
}

/**
 * The lookahead key that turns `previous` into `typed`, or null when `typed` is not `previous`
 * plus one such key. Upper case reads as lower case: the directory search folds case.
 */
export function lookaheadKey(previous: string, typed: string): string | null {
  if (typed.length !== previous.length + 1 || !typed.startsWith(previous)) return null;
  const key = typed.charAt(typed.length - 1).toLowerCase();
  return LOOKAHEAD_KEYS.includes(key) ? key : null;
}

/** Builds the answer from a search, keeping each distinct hit once (by its key). */
export function lookaheadOf<T>(
  query: string,
  search: (text: string) => T[],
  keyOf: (hit: T) => string,
): Lookahead<T> {
  const hits: T[] = [];
  const indexOf = new Map<string, number>();
  const next = [...LOOKAHEAD_KEYS].map((key) => ({
    key,
    hits: search(query + key).map((hit) => {
      const id = keyOf(hit);
      let index = indexOf.get(id);
      if (index === undefined) {
        index = hits.push(hit) - 1;
        indexOf.set(id, index);
      }
      return index;
    }),
  }));
  return { query, hits, next };
}

/** The hits `typed` would find, if the lookahead answered for it; null otherwise. */
export function hitsAhead<T>(ahead: Lookahead<T> | null, typed: string): T[] | null {
  if (ahead === null) return null;
  const key = lookaheadKey(ahead.query, typed);
  if (key === null) return null;
  const entry = ahead.next.find((n) => n.key === key);
  if (!entry) return null;
  const found: T[] = [];
  for (const index of entry.hits) {
    const hit = ahead.hits[index];
    if (hit === undefined) return null;
    found.push(hit);
  }
  return found;
}
