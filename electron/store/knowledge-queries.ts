// Answers knowledge.suggest and knowledge.get from the published articles the directory sync
// stored: the in-memory index is rebuilt from Dexie only when the directory cursor moved (a sync
// brought articles), so a keystroke costs a meta read, a count and the search. Never writes.

import { ratingKey } from '../../shared/domain/article-rating';
import { ok, type StoreResult } from '../../shared/domain/result';
import type { QueryArgs } from '../../shared/store-api/contract';
import type { KnowledgeQueryOutputs } from '../../shared/store-api/knowledge-contract';
import type { DeskDb } from './db';
import { KnowledgeIndex } from './knowledge-index';
import type { LoadedDirectory } from './loaded-directory';
import { readSyncMeta } from './sync/sync-meta';

export type KnowledgeQuery =
  | { name: 'knowledge.suggest'; args: QueryArgs<'knowledge.suggest'> }
  | { name: 'knowledge.get'; args: QueryArgs<'knowledge.get'> }
  | { name: 'knowledge.myRating'; args: QueryArgs<'knowledge.myRating'> };

export const isKnowledgeQuery = (query: { name: string }): query is KnowledgeQuery =>
  query.name === 'knowledge.suggest' ||
  query.name === 'knowledge.get' ||
  query.name === 'knowledge.myRating';

/** The desk's calendar date, as an article's valid-until is written. */
const calendarDate = (now: Date): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/** The store host's one knowledge index, loaded on first use and again after a directory sync. */
export class KnowledgeCache {
  readonly #index: KnowledgeIndex;
  /** The directory cursor and article count the index was loaded at; undefined before the first load. */
  #loadedAt: string | undefined;

  constructor(now: () => Date) {
    this.#index = new KnowledgeIndex(() => calendarDate(now()));
  }

  async index(db: DeskDb): Promise<KnowledgeIndex> {
    // The cursor moves with every directory sync; the count catches the demo desk's seeding.
    const cursor = `${(await readSyncMeta(db)).directoryCursor ?? ''}|${await db.knowledgeArticles.count()}`;
    if (this.#loadedAt !== cursor) {
      // No promise shared between callers: each runs inside its own live query's Dexie zone.
      const articles = await db.knowledgeArticles.toArray();
      this.#index.replaceAll(articles);
      this.#loadedAt = cursor;
    }
    return this.#index;
  }
}

export interface KnowledgeState {
  db: DeskDb;
  directory: LoadedDirectory;
  knowledge: KnowledgeCache;
  /** The signed-in agent, whose verdicts knowledge.myRating answers. */
  agentId: string;
}

type Answer<Q extends KnowledgeQuery> = StoreResult<KnowledgeQueryOutputs[Q['name']]>;

export async function runKnowledgeQuery<Q extends KnowledgeQuery>(
  state: KnowledgeState,
  query: Q,
): Promise<Answer<Q>> {
  // Narrowed by name; the casts only restate what the name already says.
  const known: KnowledgeQuery = query;
  if (known.name === 'knowledge.myRating') {
    const { id, revision } = known.args;
    const kept = await state.db.articleRatings.get(
      ratingKey({ article: id, revision, agent: state.agentId }),
    );
    return ok(
      kept ? { verdict: kept.verdict, comment: kept.comment, at: kept.at } : null,
    ) as Answer<Q>;
  }
  const index = await state.knowledge.index(state.db);
  if (known.name === 'knowledge.get') return ok(index.get(known.args.id) ?? null) as Answer<Q>;
  const { text, componentId, limit } = known.args;
  const ciClass = componentId
    ? (state.directory.getConfigurationItem(componentId)?.className ?? null)
    : null;
  return ok(index.suggest({ text, ciClass, limit })) as Answer<Q>;
}
