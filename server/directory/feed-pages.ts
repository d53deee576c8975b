// Answers the desks' directory feed (GET /api/v1/directory): the page after a cursor as JSON text,
// from the read-ahead when it holds that page at the current head. Read-only.

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { decodeCursor, encodeCursor, readDatabaseId, readHead } from '../sync/cursor';
import { directoryFeedPage, type DirectoryFeedPage } from './directory-feed';
import type { FeedKey, FeedReadAhead } from './feed-read-ahead';

type Db = Kysely<Database>;

interface Snapshot {
  databaseId: string;
  head: number;
}

async function readSnapshot(db: Db | Transaction<Database>): Promise<Snapshot> {
  return { databaseId: await readDatabaseId(db), head: await readHead(db) };
}

/** A DirectoryPage (shared/sync/protocol.ts), its rows spliced in as the database wrote them. */
function pageBody(page: DirectoryFeedPage, at: Snapshot, after: number, reset: boolean): string {
  const cursor = encodeCursor(
    at.databaseId,
    page.more ? page.lastVersion : Math.max(at.head, after),
  );
  return `{"users":${page.users},"groups":${page.groups},"configurationItems":${page.configurationItems},"catalogItems":${page.catalogItems},"knowledgeArticles":${page.knowledgeArticles},"locations":${page.locations},"cursor":${JSON.stringify(cursor)},"more":${page.more},"reset":${reset}}`;
}

/** The page for `key`, read in one snapshot; null when the head has moved since. */
async function readAheadPage(db: Db, key: FeedKey): Promise<DirectoryFeedPage | null> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const at = await readSnapshot(trx);
      if (at.databaseId !== key.databaseId || at.head !== key.head) return null;
      return directoryFeedPage(trx, key.after, key.limit);
    });
}

export async function answerFeedPage(
  db: Db,
  cursor: string | undefined,
  limit: number,
  readAhead: FeedReadAhead,
): Promise<string> {
  // Outside any transaction, and cheap: a page read ahead at this very head is the page a
  // snapshot taken now would give, since every committed change moves the head.
  const now = await readSnapshot(db);
  const position = decodeCursor(cursor, now.databaseId, now.head);
  const key: FeedKey = { ...now, after: position.after, limit };
  let answer: { body: string; next: FeedKey | null };
  const ready = await readAhead.take(key);
  if (ready) {
    answer = {
      body: pageBody(ready, now, position.after, position.reset),
      next: ready.more ? { ...key, after: ready.lastVersion } : null,
    };
  } else {
    // One snapshot: the page, the head and the group members agree with each other.
    answer = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const at = await readSnapshot(trx);
        const { after, reset } = decodeCursor(cursor, at.databaseId, at.head);
        const page = await directoryFeedPage(trx, after, limit);
        return {
          body: pageBody(page, at, after, reset),
          next: page.more ? { ...at, after: page.lastVersion, limit } : null,
        };
      });
  }
  const next = answer.next;
  if (next) readAhead.start(next, () => readAheadPage(db, next));
  return answer.body;
}
