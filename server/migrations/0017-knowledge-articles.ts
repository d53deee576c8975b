// Migration 0017: knowledge articles (issue 16 item 4). One row per article (its state, the
// revision desks hold, a directory version so the feed can carry it) and every revision kept with
// who wrote it and when it was submitted and published. Never edit once released.

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE knowledge_articles (
      id text PRIMARY KEY,
      state text NOT NULL CHECK (state IN ('draft', 'in-review', 'published', 'retired')),
      title text NOT NULL,
      revision integer NOT NULL CHECK (revision > 0),
      published_revision integer,
      version bigint NOT NULL DEFAULT 0,
      published jsonb,
      updated_at timestamptz NOT NULL
    )`,
    `CREATE INDEX knowledge_articles_version_idx ON knowledge_articles (version)`,
    `CREATE TABLE knowledge_article_versions (
      article_id text NOT NULL REFERENCES knowledge_articles (id),
      revision integer NOT NULL,
      content jsonb NOT NULL,
      author_id text,
      author_name text NOT NULL,
      saved_at timestamptz NOT NULL,
      submitted_at timestamptz,
      published_at timestamptz,
      PRIMARY KEY (article_id, revision)
    )`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `DROP TABLE knowledge_article_versions`,
    `DROP TABLE knowledge_articles`,
  ]);
}
