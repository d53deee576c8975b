// The scope bench's history (issue 15): a desk server's own demo weeks cloned in SQL
// (bench/reports-load.mjs) to five years of a busy desk, most old work closed as it would be by
// now; and a week of that desk's work written while a desk is offline. Every row written here
// takes a new version and the writing transaction's id, so the pull sees it as any change
// (server/sync/change-positions.ts). Only the bench calls this, on its throwaway cluster.

import { execFileSync } from 'node:child_process';
import { cloneDemoRows, loadReportHistory } from './reports-load.mjs';

/** @typedef {import('pg').Client} PgClient */

/** Five years of 4-week spans: copy j of the demo's weeks moves back j % 65 of them. */
const FIVE_YEARS_SPANS = 65;
/** One copy in this many keeps its old open work open (a long-running problem, a stalled request). */
const KEEP_OPEN_EVERY = 50;
/** Work opened longer ago than this (the demo's own weeks are younger) is closed by now. */
const OLD = `now() - interval '28 days'`;

/** A row's new position in the pull order: what every write on the server does. */
const MOVED = `version = nextval('record_versions'), change_xid = pg_current_xact_id()`;

/** A copied row of an old span whose copy keeps nothing open. */
const oldCopy = `id LIKE '%~%' AND opened_at < ${OLD}
  AND split_part(id, '~', 2)::int % ${KEEP_OPEN_EVERY} <> 0`;

/** Closes what five years later is closed: every kind's open work in the old copies. */
const CLOSE_OLD_WORK = /** @type {const} */ ([
  [
    'incidents closed',
    `UPDATE incidents SET state = 'Closed', ${MOVED},
      record = record || jsonb_build_object('state', 'Closed', 'closedAt', record->'updatedAt',
        'closedBy', COALESCE(record->'assignedTo', record->'closedBy'))
    WHERE ${oldCopy} AND state NOT IN ('Closed', 'Canceled')`,
  ],
  [
    'interactions closed',
    `UPDATE interactions SET state = 'Closed Complete', closed_at = updated_at, ${MOVED},
      record = record || jsonb_build_object('state', 'Closed Complete', 'closedAt', record->'updatedAt',
        'closedBy', COALESCE(record->'assignedTo', record->'openedBy'))
    WHERE ${oldCopy} AND state NOT IN ('Closed Complete', 'Closed Abandoned')`,
  ],
  [
    'visits ended',
    `UPDATE visits SET state = 'Left', ended_at = updated_at, ${MOVED},
      record = record || jsonb_build_object('state', 'Left', 'endedAt', record->'updatedAt')
    WHERE ${oldCopy} AND state IN ('Waiting', 'Called', 'In service')`,
  ],
  [
    'calls ended',
    `UPDATE calls SET state = 'Ended', ${MOVED},
      record = record || jsonb_build_object('state', 'Ended', 'endedAt', record->'updatedAt')
    WHERE ${oldCopy} AND state IN ('Ringing', 'Answered')`,
  ],
]);

/** Interactions not closed, incidents not Closed or Canceled: the open work a desk always holds. */
const OPEN_COUNTS = `SELECT
  (SELECT count(*) FROM interactions WHERE state NOT IN ('Closed Complete', 'Closed Abandoned'))::int AS interactions,
  (SELECT count(*) FROM incidents WHERE state NOT IN ('Closed', 'Canceled'))::int AS incidents,
  (SELECT count(*) FROM interactions WHERE updated_at > now() - interval '30 days')::int AS "recentInteractions"`;

/** @param {PgClient} db @param {(text: string) => void} say */
const runTimed = (db, say) => async (/** @type {string} */ what, /** @type {string} */ sql) => {
  const started = performance.now();
  const { rowCount } = await db.query(sql);
  say(`  ${what}: ${rowCount ?? 0} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return rowCount ?? 0;
};

/** Moves each kind's counter past its highest number, as if the server had numbered the copies. */
async function moveNumbering(/** @type {PgClient} */ db) {
  for (const [kind, table] of /** @type {const} */ ([
    ['interaction', 'interactions'],
    ['visit', 'visits'],
    ['call', 'calls'],
    ['incident', 'incidents'],
  ]))
    await db.query(
      `UPDATE numbering SET last_value = GREATEST(last_value, (SELECT max(seq) FROM ${table}))
        WHERE kind = $1`,
      [kind],
    );
}

/**
 * Five years of history from the demo's weeks (already seeded by the server's `--demo`): about
 * `interactions` interactions, a fifth as many visits and half as many calls (the reports bench's
 * mix), incidents as the demo escalates them; then the old copies' open work closed, but one copy
 * in 50, and the table vacuumed and its statistics taken again.
 * @param {PgClient} db
 * @param {{ interactions: number }} target
 * @param {(text: string) => void} say
 */
export async function loadScopeHistory(db, target, say) {
  const loaded = await loadReportHistory(
    db,
    {
      interactions: target.interactions,
      visits: Math.round(target.interactions / 5),
      calls: Math.round(target.interactions / 2),
    },
    say,
    { spans: FIVE_YEARS_SPANS, tag: '', where: {} },
  );
  const timed = runTimed(db, say);
  for (const [what, sql] of CLOSE_OLD_WORK) await timed(what, sql);
  // Five years of history as autovacuum keeps any database that old: the rows' commit hints set and
  // the versions the closing left behind gone. Loaded in a minute and only analyzed, its first
  // reader (the fresh desk's snapshot) set the hints of every row it read and wrote those pages
  // back (ADR 0020, "The snapshot streams from its first ids").
  await timed('VACUUM ANALYZE', 'VACUUM ANALYZE');
  const open = (await db.query(OPEN_COUNTS)).rows[0];
  return {
    interactions: loaded.interactions,
    incidents: loaded.incidents,
    visits: loaded.visits,
    calls: loaded.calls,
    openInteractions: Number(open.interactions),
    openIncidents: Number(open.incidents),
    recentInteractions: Number(open.recentInteractions),
  };
}

/**
 * Gives the newest interaction a word no other record has (an agent edited its short description),
 * and answers its number: what a search for the desk's latest work looks for.
 * @param {PgClient} db @param {string} word
 * @returns {Promise<{ number: string; id: string }>}
 */
export async function markNewestInteraction(db, word) {
  const { rows } = await db.query(
    `UPDATE interactions SET ${MOVED}, updated_at = now(),
      record = record || jsonb_build_object(
        'shortDescription', (record->>'shortDescription') || ' ' || $1::text,
        'updatedAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    WHERE id = (SELECT id FROM interactions ORDER BY opened_at DESC, seq DESC LIMIT 1)
    RETURNING number, id`,
    [word],
  );
  const row = rows[0];
  if (!row) throw new Error('No interaction to mark.');
  return { number: String(row.number), id: String(row.id) };
}

/**
 * A week of the desk's work written on the server: the demo's last 7 days of interactions copied
 * (with the incidents they escalated) until about `interactions` new ones, at the demo's own
 * times; then `updates` changes to records the desk holds (the most recently changed open
 * incidents and interactions, taken up again). Then the statistics, as autovacuum would.
 * @param {PgClient} db
 * @param {{ interactions: number; updates: number }} week
 * @param {(text: string) => void} say
 */
export async function writeWeek(db, week, say) {
  const lastWeek = `opened_at > now() - interval '7 days'`;
  const perCopy = Number(
    (
      await db.query(
        `SELECT count(*)::int AS n FROM interactions WHERE id NOT LIKE '%~%' AND ${lastWeek}`,
      )
    ).rows[0].n,
  );
  if (perCopy === 0) throw new Error('The demo has no interaction in its last 7 days.');
  const copies = Math.ceil(week.interactions / perCopy) + 1;
  await cloneDemoRows(
    db,
    {
      spans: 1,
      tag: 'w',
      where: {
        interactions: lastWeek,
        incidents: `related_interactions && ARRAY(SELECT id FROM interactions
          WHERE id NOT LIKE '%~%' AND ${lastWeek})`,
      },
    },
    // No visits or calls copied (1 = the demo's own only): the copies' links to them are left out.
    { interactions: copies, visits: 1, calls: 1 },
    say,
  );
  const timed = runTimed(db, say);
  const half = Math.ceil(week.updates / 2);
  const now = `to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const incidentUpdates = await timed(
    'incidents taken up again',
    `UPDATE incidents SET ${MOVED}, updated_at = now(),
      record = record || jsonb_build_object('updatedAt', ${now})
    WHERE id IN (SELECT id FROM incidents WHERE state NOT IN ('Closed', 'Canceled')
      ORDER BY updated_at DESC LIMIT ${half})`,
  );
  const interactionUpdates = await timed(
    'interactions taken up again',
    `UPDATE interactions SET ${MOVED}, updated_at = now(),
      record = record || jsonb_build_object('updatedAt', ${now})
    WHERE id IN (SELECT id FROM interactions WHERE id NOT LIKE '%~w%'
      ORDER BY updated_at DESC LIMIT ${week.updates - half})`,
  );
  await moveNumbering(db);
  await timed('ANALYZE', 'ANALYZE interactions, incidents');
  const count = async (/** @type {string} */ table) =>
    Number(
      (await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE id LIKE '%~w%'`)).rows[0].n,
    );
  return {
    interactions: await count('interactions'),
    incidents: await count('incidents'),
    updates: incidentUpdates + interactionUpdates,
  };
}

/**
 * Writes the loader's work to disk before a desk is timed: PostgreSQL's dirty pages (CHECKPOINT)
 * and the kernel's (sync). The desk server's disk is another machine's in a real desk; here the
 * kernel's writeback of a bulk load that had just ended ran during the timed catch-up (4.4 s of
 * its threads' CPU in one 5 s catch-up).
 * @param {PgClient} db
 * @param {(text: string) => void} say
 */
export async function settleDisk(db, say) {
  const started = performance.now();
  await db.query('CHECKPOINT');
  execFileSync('sync');
  say(
    `  written to disk (CHECKPOINT, sync) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
