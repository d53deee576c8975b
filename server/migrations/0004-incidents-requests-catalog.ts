// Migration 0004: incidents, requests and the catalog's request forms (issue 4, ADR 0006). Records
// are stored as interactions are: the record as jsonb plus the columns filters and cursors use.
// Never edit once released.

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // Numbering rows for 'incident' and 'request' exist since 0002.
    `CREATE TABLE incidents (
      id text PRIMARY KEY,
      seq bigint NOT NULL UNIQUE,
      number text NOT NULL UNIQUE,
      state text NOT NULL,
      caller text NOT NULL,
      component text,
      assignment_group text,
      assigned_to text,
      opened_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version bigint NOT NULL UNIQUE,
      record jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX incidents_state_idx ON incidents (state, seq)`,
    `CREATE INDEX incidents_caller_idx ON incidents (caller, seq)`,
    `CREATE INDEX incidents_component_idx ON incidents (component, seq)`,
    `CREATE INDEX incidents_updated_at_idx ON incidents (updated_at)`,

    `CREATE TABLE requests (
      id text PRIMARY KEY,
      seq bigint NOT NULL UNIQUE,
      number text NOT NULL UNIQUE,
      state text NOT NULL,
      requested_for text NOT NULL,
      catalog_item text NOT NULL,
      assignment_group text,
      assigned_to text,
      opened_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version bigint NOT NULL UNIQUE,
      record jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX requests_state_idx ON requests (state, seq)`,
    `CREATE INDEX requests_requested_for_idx ON requests (requested_for, seq)`,
    `CREATE INDEX requests_updated_at_idx ON requests (updated_at)`,

    // Request forms travel with the directory (version from the same change counter).
    `CREATE TABLE catalog_items (
      id text PRIMARY KEY,
      name text NOT NULL,
      category text NOT NULL,
      active boolean NOT NULL,
      version bigint NOT NULL,
      record jsonb NOT NULL
    )`,
    `CREATE INDEX catalog_items_version_idx ON catalog_items (version)`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `DROP TABLE catalog_items`,
    `DROP TABLE requests`,
    `DROP TABLE incidents`,
  ]);
}
