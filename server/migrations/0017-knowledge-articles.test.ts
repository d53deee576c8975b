// Migration 0017 on a database at 0016: the article and revision tables exist and take a row,
// a state outside the four is refused, and down removes both.

import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo } from '../db/migrate';
import { describeMigration } from '../testing/test-databases';

const PREVIOUS = '0016-contact-templates';
const THIS = '0017-knowledge-articles';

describeMigration(THIS, (database) => {
  it('adds knowledge articles with their kept revisions, and goes down', async () => {
    const { db } = database();
    await migrateTo(db, PREVIOUS);
    expect(await migrateTo(db, THIS)).toEqual([THIS]);
    await sql`INSERT INTO knowledge_articles (id, state, title, revision, updated_at)
        VALUES ('kb-1', 'draft', 'Printer offline', 1, '2026-12-04T09:00Z')`.execute(db);
    await sql`INSERT INTO knowledge_article_versions (article_id, revision, content, author_name,
          saved_at)
        VALUES ('kb-1', 1, '{"title":"Printer offline"}'::jsonb, 'Tess Tech', '2026-12-04T09:00Z')`.execute(
      db,
    );
    const row = await sql<{ version: string | number; published: unknown }>`SELECT version,
        published FROM knowledge_articles`.execute(db);
    expect(row.rows.map((r) => [Number(r.version), r.published])).toEqual([[0, null]]);
    await expect(sql`UPDATE knowledge_articles SET state = 'gone'`.execute(db)).rejects.toThrow();
    await expect(
      sql`INSERT INTO knowledge_article_versions (article_id, revision, content, author_name,
          saved_at) VALUES ('kb-none', 1, '{}'::jsonb, 'x', now())`.execute(db),
    ).rejects.toThrow();

    expect(await migrateTo(db, PREVIOUS)).toEqual([THIS]);
    await expect(sql`SELECT 1 FROM knowledge_articles`.execute(db)).rejects.toThrow();
    expect(await migrateTo(db, THIS)).toEqual([THIS]);
  });
});
