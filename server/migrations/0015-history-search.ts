// Migration 0015: the server's history search (issue 15 item 2). Each record kind gets its words
// as a generated tsvector (short description and description, the 'simple' configuration: no
// stemming, any language) with a GIN index, and users get one over their names for "by caller".
// Full text search is built into PostgreSQL and PGlite alike, so no extension. Never edit once released.

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/** The words of a record row: frozen with this migration (a migration never follows the code). */
const RECORD_WORDS = `to_tsvector('simple'::regconfig,
  coalesce(record->>'shortDescription', '') || ' ' || coalesce(record->>'description', ''))`;

const TABLES = ['interactions', 'incidents', 'requests'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    ...TABLES.flatMap((table) => [
      `ALTER TABLE ${table} ADD COLUMN history_words tsvector
        GENERATED ALWAYS AS (${RECORD_WORDS}) STORED`,
      `CREATE INDEX ${table}_history_words_idx ON ${table} USING gin (history_words)`,
    ]),
    `CREATE INDEX users_history_words_idx ON users USING gin (
      to_tsvector('simple'::regconfig, name || ' ' || user_name))`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `DROP INDEX users_history_words_idx`,
    ...TABLES.map((table) => `ALTER TABLE ${table} DROP COLUMN history_words`),
  ]);
}
