// The directory feed's answers with the read-ahead: the same pages as without it, and never a page
// read before a change that moved the head.

import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import type { DirectoryPage } from '../../shared/sync/protocol';
import { seedDirectory } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { answerFeedPage } from './feed-pages';
import { createFeedReadAhead, type FeedKey, type FeedReadAhead } from './feed-read-ahead';

describeOnDatabases('the directory feed with its read-ahead', (suite) => {
  let started: FeedKey[];
  let inner: FeedReadAhead;
  let readAhead: FeedReadAhead;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    started = [];
    inner = createFeedReadAhead();
    readAhead = {
      take: (key) => inner.take(key),
      start: (key, read) => {
        started.push(key);
        inner.start(key, read);
      },
    };
  });

  const answer = async (cursor: string | undefined, ahead: FeedReadAhead) =>
    JSON.parse(await answerFeedPage(suite.database().db, cursor, 5, ahead)) as DirectoryPage;
  /** The same page with nothing read ahead. */
  const fresh = (cursor: string | undefined) => answer(cursor, createFeedReadAhead());

  it('answers the pages it read ahead, identical to pages read on demand', async () => {
    const pages: DirectoryPage[] = [];
    let cursor: string | undefined;
    do {
      const page = await answer(cursor, readAhead);
      expect(page).toEqual(await fresh(cursor));
      pages.push(page);
      cursor = page.cursor;
    } while (pages.at(-1)?.more);
    expect(pages).toHaveLength(3);
    // Every page after the first was read ahead; none after the last.
    expect(started.map((key) => key.after)).toEqual([5, 10]);
  });

  it('never answers a page read ahead before a change moved the head', async () => {
    const first = await answer(undefined, readAhead);
    const [next] = started;
    if (!next) throw new Error('nothing was read ahead');
    // Read by now (and put back: taking it uses it up).
    const read = await inner.take(next);
    expect(read).not.toBeNull();
    inner.start(next, () => Promise.resolve(read));
    // caller-2 was in the page read ahead; its change gives it a new version at the end.
    const { db } = suite.database();
    await sql`UPDATE users SET name = 'Cyril Renamed', version = 1000 WHERE id = 'caller-2'`.execute(
      db,
    );
    await sql`UPDATE sync_state SET version = 1000`.execute(db);
    const second = await answer(first.cursor, readAhead);
    expect(second).toEqual(await fresh(first.cursor));
    expect(second.users.map((u) => u.id)).toEqual(['caller-3']);
  });
});
