// Migration 0018 on a database at 0017: a rating names a kept revision, one per agent and
// revision, only the three verdicts; down removes the table.

import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo } from '../db/migrate';
import { describeMigration } from '../testing/test-databases';

const PREVIOUS = '0017-knowledge-articles';
const THIS = '0018-article-ratings';

describeMigration(THIS, (database) => {
  it('keeps one verdict per agent and revision of a kept article, and goes down', async () => {
    const { db } = database();
    await migrateTo(db, PREVIOUS);
    expect(await migrateTo(db, THIS)).toEqual([THIS]);
    await sql`INSERT INTO knowledge_articles (id, state, title, revision, updated_at)
        VALUES ('kb-1', 'published', 'Printer offline', 1, '2026-12-04T09:00Z')`.execute(db);
    await sql`INSERT INTO knowledge_article_versions (article_id, revision, content, author_name,
          saved_at) VALUES ('kb-1', 1, '{}'::jsonb, 'Tess Tech', '2026-12-04T09:00Z')`.execute(db);
    const rate = (revision: number, agent: string, verdict: string) =>
      sql`INSERT INTO knowledge_ratings (article_id, revision, agent_id, verdict, rated_at)
          VALUES ('kb-1', ${revision}, ${agent}, ${verdict}, '2026-12-04T10:00Z')`.execute(db);
    await rate(1, 'agent-1', 'helpful');
    await expect(rate(1, 'agent-1', 'outdated')).rejects.toThrow();
    await expect(rate(1, 'agent-2', 'great')).rejects.toThrow();
    await expect(rate(2, 'agent-2', 'helpful')).rejects.toThrow();
    const rows = await sql<{
      n: string | number;
    }>`SELECT count(*) AS n FROM knowledge_ratings`.execute(db);
    expect(Number(rows.rows[0]?.n)).toBe(1);

    expect(await migrateTo(db, PREVIOUS)).toEqual([THIS]);
    await expect(sql`SELECT 1 FROM knowledge_ratings`.execute(db)).rejects.toThrow();
    expect(await migrateTo(db, THIS)).toEqual([THIS]);
  });
});
