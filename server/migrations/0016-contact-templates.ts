// Migration 0016: contact templates (issue 16, item 3). One table for a location's templates and an
// agent's own, each change taking the next value of its own sequence (the desks' digest reads it).
// Nothing is ever deleted from it: a retired or deleted template keeps its row, inactive.
// Never edit once released.

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE SEQUENCE contact_template_versions`,
    `CREATE TABLE contact_templates (
      id text PRIMARY KEY,
      scope text NOT NULL CHECK (scope IN ('location', 'agent')),
      location text,
      owner text,
      name text NOT NULL,
      type text,
      component text,
      assignment_group text,
      short_description text NOT NULL DEFAULT '',
      description text NOT NULL DEFAULT '',
      closes_at_once boolean NOT NULL DEFAULT false,
      active boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL,
      version bigint NOT NULL DEFAULT nextval('contact_template_versions'),
      CHECK ((scope = 'location') = (location IS NOT NULL)),
      CHECK ((scope = 'agent') = (owner IS NOT NULL))
    )`,
    `CREATE INDEX contact_templates_location_idx ON contact_templates (location) WHERE location IS NOT NULL`,
    `CREATE INDEX contact_templates_owner_idx ON contact_templates (owner) WHERE owner IS NOT NULL`,
    // One active template of a name per location, and per agent.
    `CREATE UNIQUE INDEX contact_templates_location_name_idx
      ON contact_templates (location, lower(name)) WHERE active AND location IS NOT NULL`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `DROP TABLE contact_templates`,
    `DROP SEQUENCE contact_template_versions`,
  ]);
}
