// Migration 0006: the mutations log keeps when each applied change counts as having happened (the
// desk's `at` within the server's bounds) and marks the ones moved. Never edit once released.

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // Rows from before: applied at their desk time as far as anyone knows, never marked.
    `ALTER TABLE mutations ADD COLUMN applied_at text`,
    `ALTER TABLE mutations ADD COLUMN clock_adjusted boolean NOT NULL DEFAULT false`,
    // An administrator looks for desks with a wrong clock: the few marked rows, newest first.
    `CREATE INDEX mutations_clock_adjusted_idx ON mutations (received_at) WHERE clock_adjusted`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `DROP INDEX mutations_clock_adjusted_idx`,
    `ALTER TABLE mutations DROP COLUMN clock_adjusted`,
    `ALTER TABLE mutations DROP COLUMN applied_at`,
  ]);
}
