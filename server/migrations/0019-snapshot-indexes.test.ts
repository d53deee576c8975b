// Migration 0019 on a database at 0018: the open incidents, visits and calls get their partial
// indexes (a first sync's snapshot reads them), and down drops them again.

import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo } from '../db/migrate';
import { describeMigration } from '../testing/test-databases';

const PREVIOUS = '0018-article-ratings';
const THIS = '0019-snapshot-indexes';

describeMigration(THIS, (database) => {
  it('adds the open-record indexes and goes down', async () => {
    const { db } = database();
    await migrateTo(db, PREVIOUS);
    const indexes = async () =>
      (
        await sql<{ indexname: string }>`SELECT indexname FROM pg_indexes
            WHERE indexname IN ('incidents_open_idx', 'visits_open_idx', 'calls_open_idx')
            ORDER BY indexname`.execute(db)
      ).rows.map((r) => r.indexname);
    expect(await indexes()).toEqual([]);
    expect(await migrateTo(db, THIS)).toEqual([THIS]);
    expect(await indexes()).toEqual(['calls_open_idx', 'incidents_open_idx', 'visits_open_idx']);
    expect(await migrateTo(db, PREVIOUS)).toEqual([THIS]);
    expect(await indexes()).toEqual([]);
    expect(await migrateTo(db, THIS)).toEqual([THIS]);
  });
});
