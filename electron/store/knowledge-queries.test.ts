// knowledge.suggest and knowledge.get over what a desk stored from the directory feed: the
// Component's class (from the offline directory) ranks its articles first, and the index follows
// the articles a later directory sync brings (the cursor moved) without a restart.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, expect, it } from 'vitest';
import type { PublishedArticle } from '../../shared/domain/knowledge';
import { openDeskDb, writeMeta, type DeskDb } from './db';
import { loadDirectory } from './directory-store';
import { KnowledgeCache, runKnowledgeQuery } from './knowledge-queries';
import type { LoadedDirectory } from './loaded-directory';
import { readSyncMeta } from './sync/sync-meta';

const NOW = new Date('2026-12-04T09:00:00.000Z');
const opened: DeskDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const article = (id: string, title: string, ciClasses: string[]): PublishedArticle => ({
  id,
  title,
  body: 'Steps that help.',
  keywords: [],
  ciClasses,
  validUntil: null,
  revision: 1,
  publishedAt: '2026-12-01T09:00:00.000Z',
});

async function desk(): Promise<{ db: DeskDb; directory: LoadedDirectory }> {
  const db = await openDeskDb({ name: 'desk', indexedDB: new IDBFactory(), IDBKeyRange });
  opened.push(db);
  const load = await loadDirectory(
    db,
    { users: 30, seed: 1 },
    () => NOW,
    () => undefined,
  );
  await load.persisted;
  return { db, directory: load.directory };
}

it('suggests the articles for the Component’s class first, and follows a directory sync', async () => {
  const { db, directory } = await desk();
  await db.knowledgeArticles.bulkPut([
    article('kb-laptop', 'Slow after the update: laptop', ['Laptop']),
    article('kb-printer', 'Slow after the update: printer', ['Printer']),
  ]);
  const printer = directory.searchConfigurationItems('PRN01', 1)[0];
  expect(printer?.className).toBe('Printer');
  const knowledge = new KnowledgeCache(() => NOW);
  const suggest = async (text: string, componentId: string | null = null) => {
    const answer = await runKnowledgeQuery(
      { db, directory, knowledge, agentId: 'agent-1' },
      { name: 'knowledge.suggest' as const, args: { text, componentId, limit: 3 } },
    );
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value.map((s) => s.id);
  };

  expect(await suggest('slow after update', printer?.id)).toEqual(['kb-printer', 'kb-laptop']);
  const opened = await runKnowledgeQuery(
    { db, directory, knowledge, agentId: 'agent-1' },
    { name: 'knowledge.get' as const, args: { id: 'kb-printer' } },
  );
  expect(opened.ok && opened.value?.title).toBe('Slow after the update: printer');

  // A directory sync stores a new article: the next keystroke finds it.
  await db.knowledgeArticles.put(article('kb-toner', 'Toner is low', ['Printer']));
  expect(await suggest('toner')).toEqual(['kb-toner']);
  // A new revision (as many articles as before) is found once the sync moved the cursor.
  await db.knowledgeArticles.put(article('kb-toner', 'Toner and drum are low', ['Printer']));
  expect(await suggest('drum')).toEqual([]);
  await writeMeta(db, 'sync', { ...(await readSyncMeta(db)), directoryCursor: 'db1.2' });
  expect(await suggest('drum')).toEqual(['kb-toner']);
});
