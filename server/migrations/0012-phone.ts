// Migration 0012: the phone desk (issue 13). Calls are synced records stored as visits are (the
// record as jsonb, its number, its change position, the columns the caller log reads), keyed on the
// phone system's call id per integration; integrations are the CTI tokens an administrator
// creates (only the token's hash is kept); phone queues map a phone system's queue name to a group
// of agents; locations get a block list and their wrap-up codes. Never edit once released.

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `INSERT INTO numbering (kind, last_value) VALUES ('call', 1000)`,
    `CREATE TABLE integrations (
      id text PRIMARY KEY,
      name text NOT NULL,
      kind text NOT NULL DEFAULT 'cti',
      token_hash text NOT NULL UNIQUE,
      location text,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      last_used_at timestamptz,
      version bigint NOT NULL DEFAULT 0
    )`,
    `CREATE UNIQUE INDEX integrations_live_name_idx ON integrations (lower(name)) WHERE revoked_at IS NULL`,
    `CREATE TABLE phone_queues (
      id text PRIMARY KEY,
      name text NOT NULL,
      group_id text NOT NULL,
      version bigint NOT NULL DEFAULT 0
    )`,
    `CREATE UNIQUE INDEX phone_queues_name_idx ON phone_queues (lower(name))`,
    `CREATE TABLE calls (
      id text PRIMARY KEY,
      seq bigint NOT NULL UNIQUE,
      number text NOT NULL UNIQUE,
      integration text NOT NULL,
      call_id text NOT NULL,
      state text NOT NULL,
      location text,
      caller text,
      queue text,
      answered_by text,
      assignment_group text,
      assigned_to text,
      opened_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version bigint NOT NULL UNIQUE,
      change_xid xid8 NOT NULL,
      record jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (integration, call_id)
    )`,
    `CREATE INDEX calls_opened_at_idx ON calls (opened_at)`,
    `CREATE INDEX calls_caller_idx ON calls (caller, seq)`,
    `CREATE INDEX calls_updated_at_idx ON calls (updated_at)`,
    `CREATE INDEX calls_change_idx ON calls (change_xid, version)`,
    `CREATE TABLE cti_events (
      id bigserial PRIMARY KEY,
      integration text NOT NULL,
      call_id text NOT NULL,
      event text NOT NULL,
      body jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      outcome text NOT NULL
    )`,
    `CREATE INDEX cti_events_call_idx ON cti_events (integration, call_id, id)`,
    `ALTER TABLE locations
      ADD COLUMN blocked_numbers jsonb NOT NULL DEFAULT '[]'::jsonb,
      ADD COLUMN wrap_up_codes jsonb NOT NULL DEFAULT '[]'::jsonb`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `ALTER TABLE locations DROP COLUMN blocked_numbers, DROP COLUMN wrap_up_codes`,
    `DROP TABLE cti_events`,
    `DROP TABLE calls`,
    `DROP TABLE phone_queues`,
    `DROP TABLE integrations`,
    `DELETE FROM numbering WHERE kind = 'call'`,
  ]);
}
