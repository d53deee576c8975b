// Migration 0009 (LDAP sync): one row of settings (the bind password kept only here, never sent
// to a browser), the incremental cursor, the last result and the run lease. Never edit once released.

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE ldap_settings (
      id integer PRIMARY KEY CHECK (id = 1),
      settings jsonb NOT NULL,
      bind_password text NOT NULL DEFAULT '',
      change_cursor text,
      last_result jsonb,
      progress jsonb,
      run_owner text,
      run_heartbeat_at timestamptz,
      next_run_at timestamptz,
      updated_at timestamptz NOT NULL
    )`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`DROP TABLE ldap_settings`]);
}
