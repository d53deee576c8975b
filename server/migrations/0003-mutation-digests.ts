// Migration 0003: a digest of every recorded mutation, so a push that repeats a (clientId,
// mutationId) with different content is caught rather than skipped. Never edit once released.

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // Null for mutations recorded before this version: those are not compared (see ADR 0004).
    `ALTER TABLE mutations ADD COLUMN digest text`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`ALTER TABLE mutations DROP COLUMN digest`]);
}
