// What no API can write, for the sync scope tests (ADR 0020): the past. With the desk server stopped,
// its PGlite database is opened here and records are moved back in time, or an old closed interaction
// is copied into years of history; then the server starts again on the same data. Test-only: a server
// numbers and stamps every record it is sent with its own now, so old work can only be made this way.

import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { DeskServerProcess } from './desk-server';

/** A timestamptz as the domain writes its times in a record: 2026-12-05T09:30:00.000Z. */
const iso = (expression: string): string =>
  `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Stops the server, lends its database to `work`, closes it and starts the server again (same port,
 * same data). Nothing is open on the server meanwhile, so a desk sees the change only as a fresh pull
 * does.
 */
export async function whileStopped<T>(
  server: DeskServerProcess,
  work: (db: PGlite) => Promise<T>,
): Promise<T> {
  await server.stop();
  const db = await PGlite.create({ dataDir: path.join(server.dataDir, 'pglite') });
  let result: T;
  try {
    result = await work(db);
  } finally {
    await db.close();
  }
  await server.restart();
  return result;
}

/** The number of the one interaction whose short description is `words`. */
export async function numberOf(db: PGlite, words: string): Promise<string> {
  const { rows } = await db.query<{ number: string }>(
    `SELECT number FROM interactions WHERE record->>'shortDescription' = $1`,
    [words],
  );
  const found = rows[0];
  if (rows.length !== 1 || !found) throw new Error(`${rows.length} interactions say "${words}"`);
  return found.number;
}

/**
 * Moves interactions (by number) back `days` days, as if they had been opened, last changed and
 * closed then: the columns the pull filters on and the record's own times alike.
 */
export async function ageInteractions(
  db: PGlite,
  numbers: readonly string[],
  days: number,
): Promise<void> {
  const back = (column: string) => `${column} - $2::float8 * interval '1 day'`;
  const { affectedRows } = await db.query(
    `UPDATE interactions SET
        opened_at = ${back('opened_at')},
        updated_at = ${back('updated_at')},
        closed_at = ${back('closed_at')},
        record = record || jsonb_build_object(
          'openedAt', ${iso(back('opened_at'))},
          'updatedAt', ${iso(back('updated_at'))},
          'closedAt', CASE WHEN closed_at IS NULL THEN NULL ELSE ${iso(back('closed_at'))} END)
      WHERE number = ANY($1)`,
    [numbers, days],
  );
  if (affectedRows !== numbers.length)
    throw new Error(`aged ${affectedRows ?? 0} of ${numbers.length} interactions`);
}

export interface ClosedHistory {
  /** The closed interaction copied (its number); it stays as it was. */
  template: string;
  count: number;
  /** The newest copy was closed this many days ago; the oldest `years` years before it. */
  newestDaysAgo: number;
  years: number;
}

/**
 * Copies a closed interaction `count` times, evenly over `years` years ending `newestDaysAgo` days
 * ago, each with its own id, number and times (ten minutes from opened to closed) and the template's
 * short description with " #n" after it; moves the interaction numbering past them and analyzes the
 * table, as a server that grew this way would be. Answers the numbers of the oldest and newest copy.
 */
export async function copyIntoHistory(
  db: PGlite,
  history: ClosedHistory,
): Promise<{ oldest: string; newest: string }> {
  const spanSeconds = Math.round(history.years * 365.25 * 86_400);
  const at = `now() - $3::float8 * interval '1 day' - (($2::int - j) * ${spanSeconds}::float8 / $2::int) * interval '1 second'`;
  const number = `'IMS' || lpad((base.seq + j)::text, 7, '0')`;
  const template = await db.query<{ id: string }>('SELECT id FROM interactions WHERE number = $1', [
    history.template,
  ]);
  const templateId = template.rows[0]?.id;
  if (templateId === undefined) throw new Error(`no interaction ${history.template} to copy`);
  await db.transaction(async (tx) => {
    const { affectedRows } = await tx.query(
      `INSERT INTO interactions (id, seq, number, state, opened_for, assignment_group, assigned_to,
          type, opened_by, handle_time_seconds, location, queue, made_record, visit_id, call_id,
          linked_incidents, opened_at, updated_at, closed_at, version, change_xid, record)
        SELECT r.id || '-h' || j, base.seq + j, ${number}, r.state, r.opened_for,
          r.assignment_group, r.assigned_to, r.type, r.opened_by, r.handle_time_seconds, NULL, NULL,
          false, NULL, NULL, NULL, t.at, t.at + interval '10 minutes', t.at + interval '10 minutes',
          nextval('record_versions'), pg_current_xact_id(),
          r.record || jsonb_build_object('id', r.id || '-h' || j, 'number', ${number},
            'openedAt', ${iso('t.at')}, 'updatedAt', ${iso("t.at + interval '10 minutes'")},
            'closedAt', ${iso("t.at + interval '10 minutes'")},
            'shortDescription', (r.record->>'shortDescription') || ' #' || j,
            'visit', NULL, 'call', NULL, 'relatedRecords', '[]'::jsonb)
        FROM interactions r
        CROSS JOIN (SELECT max(seq) AS seq FROM interactions) AS base
        CROSS JOIN generate_series(1, $2::int) AS j
        CROSS JOIN LATERAL (SELECT ${at} AS at) AS t
        WHERE r.number = $1 AND r.closed_at IS NOT NULL`,
      [history.template, history.count, history.newestDaysAgo],
    );
    if (affectedRows !== history.count)
      throw new Error(
        `copied ${affectedRows ?? 0} of ${history.count}: is ${history.template} closed?`,
      );
    await tx.query(
      `UPDATE numbering SET last_value = GREATEST(last_value, (SELECT max(seq) FROM interactions))
        WHERE kind = 'interaction'`,
    );
  });
  await db.exec('ANALYZE interactions');
  const { rows } = await db.query<{ oldest: string; newest: string }>(
    `SELECT (SELECT number FROM interactions WHERE id = $1) AS oldest,
        (SELECT number FROM interactions WHERE id = $2) AS newest`,
    [`${templateId}-h1`, `${templateId}-h${history.count}`],
  );
  const found = rows[0];
  if (!found?.oldest || !found.newest) throw new Error('the copies are not there');
  return found;
}
