// Migration 0005: change positions for parallel pushes (ADR 0007). A record's position is the id of
// the transaction that last wrote it (xid8) and a version from a sequence. Never edit once released.

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

const RECORD_TABLES = ['interactions', 'incidents', 'requests'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // Versions no longer come from the locked sync_state row (the directory keeps that counter);
    // the sequence starts past every version handed out so far, so `version` stays unique.
    `CREATE SEQUENCE record_versions AS bigint`,
    `SELECT setval('record_versions', GREATEST((SELECT version FROM sync_state WHERE id = 1), 1))`,
    // Rows written before this migration get transaction 0: older than any horizon, ordered by
    // their version as before, so a desk's cursor from 0004 (a version) reads as (0, version).
    ...RECORD_TABLES.flatMap((table) => [
      `ALTER TABLE ${table} ADD COLUMN change_xid xid8 NOT NULL DEFAULT '0'`,
      `ALTER TABLE ${table} ALTER COLUMN change_xid DROP DEFAULT`,
      `CREATE INDEX ${table}_change_idx ON ${table} (change_xid, version)`,
    ]),
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    ...RECORD_TABLES.flatMap((table) => [
      `DROP INDEX ${table}_change_idx`,
      `ALTER TABLE ${table} DROP COLUMN change_xid`,
    ]),
    `DROP SEQUENCE record_versions`,
  ]);
}
