// Migration 0002: interactions as the server holds them, record numbering, and what each desk
// has pushed (its last mutationId, every mutation applied or refused). Never edit once released.

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // Counters in a table, not sequences: they roll back with the push, so numbers have no holes.
    `CREATE TABLE numbering (kind text PRIMARY KEY, last_value bigint NOT NULL)`,
    // Server numbers start at 0001001 (FIRST_SERVER_NUMBER - 1 here, frozen with this migration).
    `INSERT INTO numbering (kind, last_value) VALUES ('interaction', 1000), ('incident', 1000), ('request', 1000)`,

    `CREATE TABLE interactions (
      id text PRIMARY KEY,
      seq bigint NOT NULL UNIQUE,
      number text NOT NULL UNIQUE,
      state text NOT NULL,
      opened_for text,
      assignment_group text,
      assigned_to text,
      opened_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version bigint NOT NULL UNIQUE,
      record jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX interactions_state_idx ON interactions (state, seq)`,
    `CREATE INDEX interactions_opened_for_idx ON interactions (opened_for, seq)`,
    `CREATE INDEX interactions_updated_at_idx ON interactions (updated_at)`,

    `CREATE TABLE clients (
      client_id text PRIMARY KEY,
      last_mutation_id bigint NOT NULL,
      last_user_id text NOT NULL,
      updated_at timestamptz NOT NULL
    )`,

    // The primary key is the last guard of exactly-once: a mutation can be recorded only once.
    `CREATE TABLE mutations (
      client_id text NOT NULL,
      mutation_id bigint NOT NULL,
      name text NOT NULL,
      args jsonb NOT NULL,
      at text NOT NULL,
      actor_id text NOT NULL,
      pushed_by text NOT NULL,
      status text NOT NULL CHECK (status IN ('applied', 'refused')),
      reason jsonb,
      received_at timestamptz NOT NULL,
      PRIMARY KEY (client_id, mutation_id)
    )`,
    `CREATE INDEX mutations_refused_idx ON mutations (client_id, mutation_id) WHERE status = 'refused'`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `DROP TABLE mutations`,
    `DROP TABLE clients`,
    `DROP TABLE interactions`,
    `DROP TABLE numbering`,
  ]);
}
