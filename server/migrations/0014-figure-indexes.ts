// Migration 0014: the desk figures over a large history (issue 14's bench: 1,000,000 interactions).
// First-contact resolution stops reading each interaction's JSON: two typed columns say whether it
// made a record and which incidents it is linked to, and each incident keeps its reopen times and
// its interactions (for callbacks due). One covering index per kind on its dated column (on
// incidents, their state; open interactions apart) lets every figure read the index alone.
// Never edit once released.

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `ALTER TABLE interactions
      ADD COLUMN made_record boolean NOT NULL DEFAULT false,
      ADD COLUMN linked_incidents text[]`,
    `ALTER TABLE incidents ADD COLUMN reopened_at timestamptz[], ADD COLUMN related_interactions text[]`,
    `UPDATE interactions SET
      made_record = EXISTS (
        SELECT 1 FROM jsonb_array_elements(COALESCE(record->'relatedRecords', '[]'::jsonb)) AS r(link)
        WHERE r.link->>'relation' = 'created'),
      linked_incidents = (
        SELECT array_agg(r.link->>'id')
        FROM jsonb_array_elements(COALESCE(record->'relatedRecords', '[]'::jsonb)) AS r(link)
        WHERE r.link->>'kind' = 'incident')
      WHERE jsonb_array_length(COALESCE(record->'relatedRecords', '[]'::jsonb)) > 0`,
    `UPDATE incidents SET reopened_at = (
        SELECT array_agg((n.note->>'at')::timestamptz)
        FROM jsonb_array_elements(COALESCE(record->'workNotes', '[]'::jsonb)) AS n(note)
        -- REOPEN_NOTE_PREFIX as it is at this migration (a migration never follows the code).
        WHERE starts_with(n.note->>'text', 'Reopened: ')),
      related_interactions = (
        SELECT array_agg(r.link->>'id')
        FROM jsonb_array_elements(COALESCE(record->'relatedInteractions', '[]'::jsonb)) AS r(link))`,
    `CREATE INDEX interactions_figures_idx ON interactions (opened_at)
      INCLUDE (state, type, location, queue, opened_by, closed_at, handle_time_seconds,
        made_record, linked_incidents)`,
    `DROP INDEX visits_checked_in_at_idx`,
    `CREATE INDEX visits_figures_idx ON visits (checked_in_at)
      INCLUDE (state, location, served_by, called_at, started_at, ended_at, survey_rating)`,
    // Open incidents by priority and age, and callbacks due (Resolved incidents' interactions still
    // open): the indexes alone, not each incident's JSON. Open interactions are few at any time.
    `CREATE INDEX incidents_figures_idx ON incidents (state)
      INCLUDE (priority, opened_at, assigned_to, resolved_at, updated_at, related_interactions)`,
    `CREATE INDEX interactions_open_idx ON interactions (id) INCLUDE (location, queue, type, opened_by)
      WHERE state NOT IN ('Closed Complete', 'Closed Abandoned')`,
    `DROP INDEX calls_rang_at_idx`,
    `CREATE INDEX calls_figures_idx ON calls (rang_at)
      INCLUDE (state, direction, location, queue, answered_by)`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `DROP INDEX calls_figures_idx`,
    `CREATE INDEX calls_rang_at_idx ON calls (rang_at)`,
    `DROP INDEX visits_figures_idx`,
    `CREATE INDEX visits_checked_in_at_idx ON visits (checked_in_at)`,
    `DROP INDEX interactions_open_idx`,
    `DROP INDEX incidents_figures_idx`,
    `DROP INDEX interactions_figures_idx`,
    `ALTER TABLE incidents DROP COLUMN reopened_at, DROP COLUMN related_interactions`,
    `ALTER TABLE interactions DROP COLUMN made_record, DROP COLUMN linked_incidents`,
  ]);
}
