// Migration 0019: a first sync's snapshot reads a desk's scope by index (ADR 0020, issue 15 item 3).
// The rows in scope by themselves are the open ones and those changed in the last N days
// (updated_at is indexed since 0002/0004/0011/0012; open interactions since 0014, open requests by
// their state since 0004): open incidents, visits and calls get a partial index each, whose
// predicate is the scope's own (server/sync/desk-scope.ts), so a snapshot never reads the history
// whole. Never edit once released.

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE INDEX incidents_open_idx ON incidents (id) WHERE state NOT IN ('Closed', 'Canceled')`,
    `CREATE INDEX visits_open_idx ON visits (id) WHERE ended_at IS NULL`,
    `CREATE INDEX calls_open_idx ON calls (id)
      WHERE (record->>'endedAt') IS NULL AND location IS NOT NULL`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `DROP INDEX calls_open_idx`,
    `DROP INDEX visits_open_idx`,
    `DROP INDEX incidents_open_idx`,
  ]);
}
