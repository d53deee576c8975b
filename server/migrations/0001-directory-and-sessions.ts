// Migration 0001: the directory (users, groups, configuration items), sign-in and the global
// change version. Never edit once released: add a new migration instead.

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE server_meta (key text PRIMARY KEY, value text NOT NULL)`,
    // Cursors carry this id, so a desk can tell when it talks to a different (reset) database.
    `INSERT INTO server_meta (key, value) VALUES ('database_id', replace(gen_random_uuid()::text, '-', ''))`,

    `CREATE TABLE sync_state (id smallint PRIMARY KEY CHECK (id = 1), version bigint NOT NULL)`,
    `INSERT INTO sync_state (id, version) VALUES (1, 0)`,

    `CREATE TABLE users (
      id text PRIMARY KEY,
      user_name text NOT NULL,
      first_name text NOT NULL,
      last_name text NOT NULL,
      name text NOT NULL,
      email text NOT NULL,
      phone text NOT NULL,
      employee_id text NOT NULL,
      department text NOT NULL,
      location text NOT NULL,
      vip boolean NOT NULL DEFAULT false,
      roles text[] NOT NULL DEFAULT '{}',
      password_hash text,
      version bigint NOT NULL
    )`,
    `CREATE UNIQUE INDEX users_user_name_key ON users (lower(user_name))`,
    `CREATE INDEX users_version_idx ON users (version)`,
    `CREATE INDEX users_name_idx ON users (name, id)`,

    `CREATE TABLE groups (
      id text PRIMARY KEY,
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      version bigint NOT NULL
    )`,
    `CREATE INDEX groups_version_idx ON groups (version)`,
    `CREATE TABLE group_members (
      group_id text NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
      user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      PRIMARY KEY (group_id, user_id)
    )`,
    `CREATE INDEX group_members_user_idx ON group_members (user_id)`,

    `CREATE TABLE configuration_items (
      id text PRIMARY KEY,
      name text NOT NULL,
      class_name text NOT NULL,
      parent_id text,
      location text NOT NULL DEFAULT '',
      version bigint NOT NULL
    )`,
    `CREATE INDEX configuration_items_parent_idx ON configuration_items (parent_id)`,
    `CREATE INDEX configuration_items_version_idx ON configuration_items (version)`,
    `CREATE INDEX configuration_items_name_idx ON configuration_items (name, id)`,

    `CREATE TABLE sessions (
      token_hash text PRIMARY KEY,
      user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    )`,
    `CREATE INDEX sessions_user_idx ON sessions (user_id)`,
    `CREATE INDEX sessions_expires_idx ON sessions (expires_at)`,

    `CREATE TABLE login_failures (
      key text PRIMARY KEY,
      failures integer NOT NULL,
      first_failed_at timestamptz NOT NULL
    )`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `DROP TABLE login_failures`,
    `DROP TABLE sessions`,
    `DROP TABLE configuration_items`,
    `DROP TABLE group_members`,
    `DROP TABLE groups`,
    `DROP TABLE users`,
    `DROP TABLE sync_state`,
    `DROP TABLE server_meta`,
  ]);
}
