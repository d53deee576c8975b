// The signed-in agent's known callers: the people of the agent's own interactions on this desk,
// ranked by frecency (shared/domain/known-callers.ts), so that the caller lookup lists them first
// among the matches of a few letters (docs/decisions/0019, "Known callers first"). Kept in memory
// and read again only after the interactions moved.

import type { KnownCaller } from '../../shared/domain/directory';
import {
  KNOWN_WINDOW_DAYS,
  rankKnownCallers,
  type KnownCallerScore,
} from '../../shared/domain/known-callers';
import type { PreferredCallers } from './caller-search';
import type { DeskDb } from './db';
import { agentInteractions } from './interaction-lists';
import { recordIndexOf } from './record-index-upkeep';
import type { LoadedDirectory } from './loaded-directory';

/** The agent's latest interactions read, at most (a busy agent's 90 days). */
export const KNOWN_SCAN = 1000;
/** Read again after this long even without a write: the last hours' extra fades, the window moves. */
export const KNOWN_MAX_AGE_MS = 5 * 60 * 1000;

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
 * The known callers of one store host, cached. The agent's interactions are read from the record
 * index (interaction-lists.ts), so it is the index saying interactions moved (a command, a pull, an
 * eviction, another window's write once the index has read it) that marks the cache stale; the next
 * lookup reads them again. Dexie's `storagemutated` would say so before the index has another
 * window's writes, and a lookup in between would keep what the index held before.
 */
export class KnownCallersCache {
  #generation = 0;
  #loaded: Loaded | null = null;
  readonly #stop: () => void;

  constructor(db: DeskDb) {
    this.#stop = recordIndexOf(db).onInteractionsChanged(() => {
      this.#generation += 1;
    });
  }

  close(): void {
    this.#stop();
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
      const from = new Date(now.getTime() - KNOWN_WINDOW_DAYS * 86_400_000).toISOString();
      // No promise shared between callers: each runs inside its own live query's Dexie zone.
      const contacts = await agentInteractions(db, 'opened', agentId, {
        since: from,
        limit: KNOWN_SCAN,
      });
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
