// Migration 0008: an organization's own directory and its administration (issue 11): account
// states, external keys, E.164 phones, catalog drafts, locations, the audit log, setup codes. Never edit once released.

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // Deactivated users (active = false) leave the caller lookup but keep their names on records;
    // sign_in_disabled is an administrator's "disable" of an agent account.
    `ALTER TABLE users
      ADD COLUMN active boolean NOT NULL DEFAULT true,
      ADD COLUMN sign_in_disabled boolean NOT NULL DEFAULT false,
      ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
      ADD COLUMN last_sign_in_at timestamptz,
      ADD COLUMN external_key text,
      ADD COLUMN source text NOT NULL DEFAULT 'local',
      ADD COLUMN phone_e164 text NOT NULL DEFAULT '',
      ADD COLUMN mobile text NOT NULL DEFAULT '',
      ADD COLUMN mobile_e164 text NOT NULL DEFAULT ''`,
    `CREATE UNIQUE INDEX users_external_key_idx ON users (external_key) WHERE external_key IS NOT NULL`,
    `CREATE INDEX users_phone_e164_idx ON users (phone_e164) WHERE phone_e164 <> ''`,
    `CREATE INDEX users_mobile_e164_idx ON users (mobile_e164) WHERE mobile_e164 <> ''`,
    `ALTER TABLE groups
      ADD COLUMN external_key text,
      ADD COLUMN source text NOT NULL DEFAULT 'local',
      ADD COLUMN active boolean NOT NULL DEFAULT true`,
    `CREATE UNIQUE INDEX groups_external_key_idx ON groups (external_key) WHERE external_key IS NOT NULL`,
    `ALTER TABLE configuration_items
      ADD COLUMN external_key text,
      ADD COLUMN active boolean NOT NULL DEFAULT true`,
    `CREATE UNIQUE INDEX configuration_items_external_key_idx
      ON configuration_items (external_key) WHERE external_key IS NOT NULL`,
    `ALTER TABLE catalog_items
      ADD COLUMN state text NOT NULL DEFAULT 'published'
        CHECK (state IN ('draft', 'published', 'retired'))`,
    `CREATE TABLE locations (
      id text PRIMARY KEY,
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      active boolean NOT NULL DEFAULT true,
      version bigint NOT NULL
    )`,
    `CREATE UNIQUE INDEX locations_name_idx ON locations (lower(name))`,
    `CREATE INDEX locations_version_idx ON locations (version)`,
    `CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      actor_id text,
      actor_name text NOT NULL,
      action text NOT NULL,
      target_kind text NOT NULL,
      target_id text NOT NULL,
      target_name text NOT NULL DEFAULT '',
      before jsonb,
      after jsonb
    )`,
    `CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC)`,
    `CREATE INDEX audit_log_target_idx ON audit_log (target_kind, target_id)`,
    `CREATE INDEX audit_log_actor_idx ON audit_log (actor_id)`,
    `CREATE TABLE setup_codes (
      code_hash text PRIMARY KEY,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    )`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `DROP TABLE setup_codes`,
    `DROP TABLE audit_log`,
    `DROP TABLE locations`,
    `ALTER TABLE catalog_items DROP COLUMN state`,
    `ALTER TABLE configuration_items DROP COLUMN external_key, DROP COLUMN active`,
    `ALTER TABLE groups DROP COLUMN external_key, DROP COLUMN source, DROP COLUMN active`,
    `ALTER TABLE users
      DROP COLUMN active, DROP COLUMN sign_in_disabled, DROP COLUMN must_change_password,
      DROP COLUMN last_sign_in_at, DROP COLUMN external_key, DROP COLUMN source,
      DROP COLUMN phone_e164, DROP COLUMN mobile, DROP COLUMN mobile_e164`,
  ]);
}
