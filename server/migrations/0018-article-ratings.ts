// Migration 0018: agents' verdicts on knowledge articles (issue 16 item 4). One row per article
// revision and agent: a later verdict replaces it. And the interactions resolved with an article
// found by it (a small partial index: most interactions have none). Never edit once released.

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE knowledge_ratings (
      article_id text NOT NULL,
      revision integer NOT NULL,
      agent_id text NOT NULL,
      verdict text NOT NULL CHECK (verdict IN ('helpful', 'not-helpful', 'outdated')),
      comment text,
      rated_at timestamptz NOT NULL,
      PRIMARY KEY (article_id, revision, agent_id),
      FOREIGN KEY (article_id, revision) REFERENCES knowledge_article_versions (article_id, revision)
    )`,
    `CREATE INDEX interactions_resolved_with_idx ON interactions ((record->'resolvedWith'->>'id'))
      WHERE record->'resolvedWith' IS NOT NULL`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `DROP INDEX interactions_resolved_with_idx`,
    `DROP TABLE knowledge_ratings`,
  ]);
}
