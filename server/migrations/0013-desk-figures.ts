// Migration 0013: the desk figures in SQL (issue 14, ADR 0015). The record tables get the typed
// columns the figures filter and measure by (kept by the stores' upserts, filled here from `record`
// for the rows already there), the indexes on each kind's dated column, and `report_hourly`: the
// interactions per UTC hour, location, queue, channel and agent, kept current by the push path.
// Never edit once released.

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

const ts = (field: string) => `(record->>'${field}')::timestamptz`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `ALTER TABLE interactions
      ADD COLUMN type text,
      ADD COLUMN opened_by text,
      ADD COLUMN closed_at timestamptz,
      ADD COLUMN handle_time_seconds integer,
      ADD COLUMN visit_id text,
      ADD COLUMN call_id text,
      ADD COLUMN location text,
      ADD COLUMN queue text`,
    `ALTER TABLE visits
      ADD COLUMN checked_in_at timestamptz,
      ADD COLUMN called_at timestamptz,
      ADD COLUMN started_at timestamptz,
      ADD COLUMN ended_at timestamptz,
      ADD COLUMN served_by text,
      ADD COLUMN survey_rating smallint`,
    `ALTER TABLE calls
      ADD COLUMN rang_at timestamptz,
      ADD COLUMN direction text`,
    `ALTER TABLE incidents
      ADD COLUMN priority smallint,
      ADD COLUMN resolved_at timestamptz`,
    `UPDATE visits SET checked_in_at = ${ts('checkedInAt')}, called_at = ${ts('calledAt')},
      started_at = ${ts('startedAt')}, ended_at = ${ts('endedAt')},
      served_by = record->>'servedBy', survey_rating = (record#>>'{survey,rating}')::smallint`,
    `UPDATE calls SET rang_at = ${ts('rangAt')}, direction = record->>'direction'`,
    `UPDATE incidents SET priority = (record->>'priority')::smallint, resolved_at = ${ts('resolvedAt')}`,
    `UPDATE interactions i SET type = record->>'type', opened_by = record->>'openedBy',
      closed_at = ${ts('closedAt')},
      handle_time_seconds = (record->>'handleTimeSeconds')::integer,
      visit_id = record->>'visit', call_id = record->>'call',
      location = COALESCE(
        (SELECT v.location FROM visits v WHERE v.id = i.record->>'visit'),
        (SELECT c.location FROM calls c WHERE c.id = i.record->>'call')),
      queue = (SELECT c.queue FROM calls c WHERE c.id = i.record->>'call')`,
    // interactions (opened_at, seq) has its index since 0010.
    `CREATE INDEX visits_checked_in_at_idx ON visits (checked_in_at)`,
    `CREATE INDEX calls_rang_at_idx ON calls (rang_at)`,
    // '' stands for "none" in the key: a primary key's columns cannot be null.
    `CREATE TABLE report_hourly (
      hour timestamptz NOT NULL,
      location text NOT NULL,
      queue text NOT NULL,
      channel text NOT NULL,
      agent text NOT NULL,
      opened integer NOT NULL DEFAULT 0,
      handled integer NOT NULL DEFAULT 0,
      handle_seconds bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (hour, location, queue, channel, agent)
    )`,
    `INSERT INTO report_hourly (hour, location, queue, channel, agent, opened, handled, handle_seconds)
      SELECT date_trunc('hour', opened_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
        COALESCE(location, ''), COALESCE(queue, ''), COALESCE(type, ''), COALESCE(opened_by, ''),
        count(*),
        count(*) FILTER (WHERE state IN ('Closed Complete', 'Closed Abandoned')
          AND handle_time_seconds IS NOT NULL),
        COALESCE(sum(handle_time_seconds) FILTER (
          WHERE state IN ('Closed Complete', 'Closed Abandoned')), 0)
      FROM interactions WHERE opened_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `DROP TABLE report_hourly`,
    `DROP INDEX calls_rang_at_idx`,
    `DROP INDEX visits_checked_in_at_idx`,
    `ALTER TABLE incidents DROP COLUMN priority, DROP COLUMN resolved_at`,
    `ALTER TABLE calls DROP COLUMN rang_at, DROP COLUMN direction`,
    `ALTER TABLE visits
      DROP COLUMN checked_in_at, DROP COLUMN called_at, DROP COLUMN started_at,
      DROP COLUMN ended_at, DROP COLUMN served_by, DROP COLUMN survey_rating`,
    `ALTER TABLE interactions
      DROP COLUMN type, DROP COLUMN opened_by, DROP COLUMN closed_at,
      DROP COLUMN handle_time_seconds, DROP COLUMN visit_id, DROP COLUMN call_id,
      DROP COLUMN location, DROP COLUMN queue`,
  ]);
}
