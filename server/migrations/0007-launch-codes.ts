// Migration 0007: single-use launch codes (decision 0008, "Sessions"): a launcher hands the app a
// code, never a token; any instance can exchange it once. Only its hash is kept. Never edit once released.

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE launch_codes (
      code_hash text PRIMARY KEY,
      user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    )`,
    `CREATE INDEX launch_codes_user_idx ON launch_codes (user_id)`,
    `CREATE INDEX launch_codes_expires_idx ON launch_codes (expires_at)`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`DROP TABLE launch_codes`]);
}
