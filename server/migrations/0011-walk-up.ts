// Migration 0011: the walk-up desk (issue 12). Visits are synced records stored as interactions are
// (the record as jsonb, its number, its change position, the columns the queue reads); locations
// get their walk-up settings; users get a badge number the kiosk identifies people by.
// Never edit once released.

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `INSERT INTO numbering (kind, last_value) VALUES ('visit', 1000)`,
    `CREATE TABLE visits (
      id text PRIMARY KEY,
      seq bigint NOT NULL UNIQUE,
      number text NOT NULL UNIQUE,
      state text NOT NULL,
      location text NOT NULL,
      person text,
      assignment_group text,
      assigned_to text,
      opened_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version bigint NOT NULL UNIQUE,
      change_xid xid8 NOT NULL,
      record jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX visits_location_state_idx ON visits (location, state, opened_at)`,
    `CREATE INDEX visits_person_idx ON visits (person, seq)`,
    `CREATE INDEX visits_updated_at_idx ON visits (updated_at)`,
    `CREATE INDEX visits_change_idx ON visits (change_xid, version)`,
    `ALTER TABLE locations
      ADD COLUMN reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
      ADD COLUMN vip_first boolean NOT NULL DEFAULT true,
      ADD COLUMN grace_minutes integer NOT NULL DEFAULT 3,
      ADD COLUMN lobby_names text NOT NULL DEFAULT 'first-name-last-initial',
      ADD COLUMN wait_target_minutes integer NOT NULL DEFAULT 10`,
    `ALTER TABLE users ADD COLUMN badge_number text NOT NULL DEFAULT ''`,
    `CREATE INDEX users_badge_number_idx ON users (badge_number) WHERE badge_number <> ''`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `DROP INDEX users_badge_number_idx`,
    `ALTER TABLE users DROP COLUMN badge_number`,
    `ALTER TABLE locations
      DROP COLUMN reasons, DROP COLUMN vip_first, DROP COLUMN grace_minutes,
      DROP COLUMN lobby_names, DROP COLUMN wait_target_minutes`,
    `DROP TABLE visits`,
    `DELETE FROM numbering WHERE kind = 'visit'`,
  ]);
}
