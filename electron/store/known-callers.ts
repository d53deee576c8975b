// The signed-in agent's known callers: the people of the agent's own interactions on this desk,
// ranked by frecency (each interaction counts 1, halved every week of age), so that the caller
// lookup lists them first among the matches of a few letters (docs/decisions/0019, "Known
// callers"). Kept in memory and read again only after a write to the interactions table.

import { Dexie, type ObservabilitySet } from 'dexie';
import type { Interaction } from '../../shared/domain/interaction';
import type { KnownCaller } from '../../shared/domain/directory';
import type { PreferredCallers } from './caller-search';
import type { DeskDb } from './db';
import type { LoadedDirectory } from './loaded-directory';

/** Only interactions opened in this many days count. */
export const KNOWN_WINDOW_DAYS = 90;
/** An interaction's weight halves every this many days. */
export const KNOWN_HALF_LIFE_DAYS = 7;
/** The agent's latest interactions read, at most (a busy agent's 90 days). */
export const KNOWN_SCAN = 1000;
/** The best this many callers are known; the rest of the history is not. */
export const KNOWN_CALLERS_MAX = 100;
/** Read again after this long even without a write: the window moves on. */
const KNOWN_MAX_AGE_MS = 60 * 60 * 1000;

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

/** The known callers as one directory sees them: rows to prefer, and what to say about each. */
export interface KnownCallers {
  preferred: PreferredCallers;
  byRow: ReadonlyMap<number, KnownCaller>;
  byId: ReadonlyMap<string, KnownCaller>;
}

interface Loaded {
  agentId: string;
  generation: number;
  readAt: number;
  ranked: KnownCallerScore[];
  /** For the directory it was last asked with; rebuilt when the directory is replaced. */
  view: { directory: LoadedDirectory; callers: KnownCallers } | null;
}

/**
 * The known callers of one store host, cached. Any write to the interactions table (a command, a
 * pull, an eviction) marks it stale through Dexie's `storagemutated`; the next lookup reads the
 * agent's interactions again (one index range, [openedBy+openedAt]) inside its own query.
 */
export class KnownCallersCache {
  readonly #part: string;
  #generation = 0;
  #loaded: Loaded | null = null;
  readonly #onMutated = (parts: ObservabilitySet): void => {
    if (Object.keys(parts).some((part) => part.startsWith(this.#part))) this.#generation += 1;
  };

  constructor(db: DeskDb) {
    this.#part = `idb://${db.name}/interactions/`;
    Dexie.on('storagemutated', this.#onMutated);
  }

  close(): void {
    Dexie.on.storagemutated.unsubscribe(this.#onMutated);
  }

  async current(
    db: DeskDb,
    agentId: string,
    directory: LoadedDirectory,
    now: Date,
  ): Promise<KnownCallers> {
    let loaded = this.#loaded;
    const fresh =
      loaded !== null &&
      loaded.agentId === agentId &&
      loaded.generation === this.#generation &&
      now.getTime() - loaded.readAt < KNOWN_MAX_AGE_MS;
    if (loaded === null || !fresh) {
      const generation = this.#generation;
      const from = new Date(now.getTime() - KNOWN_WINDOW_DAYS * DAY_MS).toISOString();
      // No promise shared between callers: each runs inside its own live query's Dexie zone.
      const contacts = await db.interactions
        .where('[openedBy+openedAt]')
        .between([agentId, from], [agentId, Dexie.maxKey])
        .reverse()
        .limit(KNOWN_SCAN)
        .toArray();
      loaded = {
        agentId,
        generation,
        readAt: now.getTime(),
        ranked: rankKnownCallers(contacts, now),
        view: null,
      };
      this.#loaded = loaded;
    }
    if (loaded.view?.directory !== directory) {
      loaded.view = { directory, callers: knownIn(directory, loaded.ranked) };
    }
    return loaded.view.callers;
  }
}

function knownIn(directory: LoadedDirectory, ranked: readonly KnownCallerScore[]): KnownCallers {
  const rows: number[] = [];
  const byRow = new Map<number, KnownCaller>();
  const byId = new Map<string, KnownCaller>();
  for (const { id, interactions, lastAt } of ranked) {
    const row = directory.users.indexOf(id);
    if (row === undefined) continue;
    rows.push(row);
    byRow.set(row, { interactions, lastAt });
    byId.set(id, { interactions, lastAt });
  }
  return { preferred: directory.preferredCallers(rows), byRow, byId };
}
