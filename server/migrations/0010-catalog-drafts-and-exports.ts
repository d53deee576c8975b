// Migration 0010: a published catalog item's unpublished revision, the index the CSV export walks
// (opened_at, seq) and its single-use download links (hash only). Never edit once released.

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // Edits of a published or retired form wait here until Publish; desks keep the published one.
    `ALTER TABLE catalog_items ADD COLUMN draft_record jsonb`,
    // The export reads a date range in keyset pages: (opened_at, seq) is its order and its cursor.
    `CREATE INDEX interactions_opened_at_idx ON interactions (opened_at, seq)`,
    `CREATE INDEX incidents_opened_at_idx ON incidents (opened_at, seq)`,
    `CREATE INDEX requests_opened_at_idx ON requests (opened_at, seq)`,
    `CREATE TABLE export_links (
      code_hash text PRIMARY KEY,
      user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      kind text NOT NULL,
      from_date text NOT NULL,
      to_date text NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    )`,
    `CREATE INDEX export_links_expires_idx ON export_links (expires_at)`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `DROP TABLE export_links`,
    `DROP INDEX requests_opened_at_idx`,
    `DROP INDEX incidents_opened_at_idx`,
    `DROP INDEX interactions_opened_at_idx`,
    `ALTER TABLE catalog_items DROP COLUMN draft_record`,
  ]);
}
