// The reports bench's history (issue 14): a desk server's own demo weeks, cloned in SQL to a year of
// 1,000,000 interactions, 200,000 visits and 500,000 calls. Each copy is the demo's records moved
// back a whole number of 4-week spans (so hours and weekdays stay the demo's), with new ids and
// numbers and every link to a copied record following it; the records stay valid for the desks
// that pull them. Only the bench calls this, on its throwaway cluster.

/** @typedef {import('pg').Client} PgClient */

/** How far back one copy moves the demo's weeks: 28 days at a time, at most a year by default. */
const SPAN_DAYS = 28;
const SPANS = 13;

/**
 * How the copies are made: `spans` 4-week spans back (copy j moves back j % spans of them: 1 keeps
 * the demo's own dates), `tag` in the copies' ids (`<id>~<tag><j>`: a second batch of copies needs
 * another), and `where`, the demo rows copied, per table (SQL over the demo row's columns).
 * @typedef {object} CloneShape
 * @property {number} spans
 * @property {string} tag
 * @property {Partial<Record<'interactions' | 'visits' | 'calls' | 'incidents', string>>} where
 */

/** @type {CloneShape} */
const YEAR = { spans: SPANS, tag: '', where: {} };

/** A record's time fields, moved back by `iv` (ISO strings as the domain writes them). */
const SHIFT_FUNCTION = `
CREATE OR REPLACE FUNCTION pg_temp.shifted(rec jsonb, keys text[], iv interval) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE k text;
BEGIN
  FOREACH k IN ARRAY keys LOOP
    IF jsonb_typeof(rec->k) = 'string' THEN
      rec := jsonb_set(rec, ARRAY[k], to_jsonb(to_char(((rec->>k)::timestamptz - iv) AT TIME ZONE 'UTC',
        'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')));
    END IF;
  END LOOP;
  RETURN rec;
END $$`;

/** `col - iv` for a timestamptz column, null staying null. */
const back = (/** @type {string} */ column) => `${column} - s.iv`;

/**
 * @param {CloneShape} shape
 * @param {'interactions' | 'visits' | 'calls' | 'incidents'} kind a table
 * @param {string} prefix its numbers' prefix
 * @param {number} copies how many copies of the demo's rows (the demo's own rows are copy 0)
 * @param {string} columns the typed columns copied as they are
 * @param {string} moved the timestamptz columns moved back
 * @param {string} record the record's new JSON, from `r` (the demo row), `j` (the copy) and `s.iv`
 * @param {[name: string, value: string][]} [extras] further columns and their values' SQL
 */
function cloneStatement(shape, kind, prefix, copies, columns, moved, record, extras = []) {
  const names = [
    'id',
    'seq',
    'number',
    ...columns.split(',').map((c) => c.trim()),
    ...moved.split(',').map((c) => c.trim()),
    ...extras.map(([name]) => name),
    'version',
    'change_xid',
    'record',
  ];
  const values = [
    `r.id || '~${shape.tag}' || j`,
    `base.seq + row_number() OVER ()`,
    `'${prefix}' || lpad((base.seq + row_number() OVER ())::text, 7, '0')`,
    ...columns.split(',').map((c) => `r.${c.trim()}`),
    ...moved.split(',').map((c) => back(`r.${c.trim()}`)),
    ...extras.map(([, value]) => value),
    `nextval('record_versions')`,
    `pg_current_xact_id()`,
    record,
  ];
  return `
    INSERT INTO ${kind} (${names.join(', ')})
    SELECT ${values.join(',\n      ')}
    FROM (SELECT * FROM ${kind} WHERE id NOT LIKE '%~%' ${shape.where[kind] ? `AND (${shape.where[kind]})` : ''}) AS r
    CROSS JOIN generate_series(1, ${copies - 1}) AS j
    CROSS JOIN LATERAL (SELECT interval '${SPAN_DAYS} days' * (j % ${shape.spans}) AS iv) AS s
    CROSS JOIN (SELECT max(seq) AS seq FROM ${kind}) AS base`;
}

/** The copy's id of a linked record: `id~<tag>j` when that kind has a copy j, else null. */
const linked = (
  /** @type {CloneShape} */ shape,
  /** @type {string} */ field,
  /** @type {number} */ copies,
) =>
  `CASE WHEN r.record->>'${field}' IS NULL THEN NULL
    WHEN j < ${copies} THEN to_jsonb((r.record->>'${field}') || '~${shape.tag}' || j) END`;

/**
 * The demo's rows (those whose id has no `~`) copied as `shape` says: calls, visits, incidents and
 * interactions, each copy's links following it. Numbers continue from each table's highest.
 * @param {PgClient} db
 * @param {CloneShape} shape
 * @param {{ interactions: number; visits: number; calls: number }} copies per kind (copy 0 is the demo's own)
 * @param {(text: string) => void} say
 */
export async function cloneDemoRows(db, shape, copies, say) {
  await db.query(SHIFT_FUNCTION);
  const timed = timedOn(db, say);
  await timed(
    'calls',
    cloneStatement(
      shape,
      'calls',
      'CAL',
      copies.calls,
      'integration, state, location, caller, queue, direction, answered_by, assignment_group, assigned_to',
      'opened_at, updated_at, rang_at',
      `pg_temp.shifted(r.record || jsonb_build_object('id', r.id || '~${shape.tag}' || j,
        'number', 'CAL' || lpad((base.seq + row_number() OVER ())::text, 7, '0'),
        'callId', (r.record->>'callId') || '~${shape.tag}' || j,
        'interaction', ${linked(shape, 'interaction', copies.interactions)}),
        ARRAY['rangAt', 'answeredAt', 'endedAt', 'openedAt', 'updatedAt'], s.iv)`,
      [['call_id', `r.call_id || '~${shape.tag}' || j`]],
    ),
  );
  await timed(
    'visits',
    cloneStatement(
      shape,
      'visits',
      'VIS',
      copies.visits,
      'state, location, person, assignment_group, assigned_to, served_by, survey_rating',
      'opened_at, updated_at, checked_in_at, called_at, started_at, ended_at',
      `pg_temp.shifted(r.record || jsonb_build_object('id', r.id || '~${shape.tag}' || j,
        'number', 'VIS' || lpad((base.seq + row_number() OVER ())::text, 7, '0'),
        'interaction', ${linked(shape, 'interaction', copies.interactions)}),
        ARRAY['checkedInAt', 'calledAt', 'startedAt', 'endedAt', 'openedAt', 'updatedAt'], s.iv)`,
    ),
  );
  // An incident's interactions are copied as often as it is: its links follow its copy.
  await timed(
    'incidents',
    cloneStatement(
      shape,
      'incidents',
      'INC',
      copies.interactions,
      'state, caller, component, assignment_group, assigned_to, priority',
      'opened_at, updated_at, resolved_at',
      `pg_temp.shifted(r.record || jsonb_build_object('id', r.id || '~${shape.tag}' || j,
        'number', 'INC' || lpad((base.seq + row_number() OVER ())::text, 7, '0'),
        'relatedInteractions', (SELECT COALESCE(jsonb_agg(l || jsonb_build_object('id', (l->>'id') || '~${shape.tag}' || j)), '[]'::jsonb)
          FROM jsonb_array_elements(COALESCE(r.record->'relatedInteractions', '[]'::jsonb)) AS l)),
        ARRAY['openedAt', 'updatedAt', 'resolvedAt'], s.iv)`,
      [
        [
          'reopened_at',
          `CASE WHEN r.reopened_at IS NOT NULL THEN ARRAY(SELECT t - s.iv FROM unnest(r.reopened_at) AS t) END`,
        ],
        [
          'related_interactions',
          `CASE WHEN r.related_interactions IS NOT NULL THEN ARRAY(SELECT t || '~${shape.tag}' || j FROM unnest(r.related_interactions) AS t) END`,
        ],
      ],
    ),
  );
  await timed(
    'interactions',
    cloneStatement(
      shape,
      'interactions',
      'IMS',
      copies.interactions,
      'state, opened_for, assignment_group, assigned_to, type, opened_by, handle_time_seconds, location, queue, made_record',
      'opened_at, updated_at, closed_at',
      `pg_temp.shifted(r.record || jsonb_build_object('id', r.id || '~${shape.tag}' || j,
        'number', 'IMS' || lpad((base.seq + row_number() OVER ())::text, 7, '0'),
        'visit', ${linked(shape, 'visit', copies.visits)},
        'call', ${linked(shape, 'call', copies.calls)},
        'relatedRecords', (SELECT COALESCE(jsonb_agg(l || jsonb_build_object('id', (l->>'id') || '~${shape.tag}' || j)), '[]'::jsonb)
          FROM jsonb_array_elements(COALESCE(r.record->'relatedRecords', '[]'::jsonb)) AS l)),
        ARRAY['openedAt', 'updatedAt', 'closedAt'], s.iv)`,
      [
        ['visit_id', `CASE WHEN j < ${copies.visits} THEN r.visit_id || '~${shape.tag}' || j END`],
        ['call_id', `CASE WHEN j < ${copies.calls} THEN r.call_id || '~${shape.tag}' || j END`],
        [
          'linked_incidents',
          `CASE WHEN r.linked_incidents IS NOT NULL THEN ARRAY(SELECT t || '~${shape.tag}' || j FROM unnest(r.linked_incidents) AS t) END`,
        ],
      ],
    ),
  );
}

/** Runs a statement and says how many rows it wrote in how long. */
const timedOn =
  (/** @type {PgClient} */ db, /** @type {(text: string) => void} */ say) =>
  async (/** @type {string} */ what, /** @type {string} */ statement) => {
    const started = performance.now();
    const { rowCount } = await db.query(statement);
    say(
      `  ${what}: ${rowCount ?? 0} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  };

/**
 * Clones the demo history (already in the database, the server's own `--demo` seed) to about the
 * asked counts, rebuilds report_hourly from the interactions, moves the numbering past the copies
 * and VACUUM ANALYZEs, as a database that grew this way over a year would be (`shape`: over
 * another length of time, bench/scope-load.mjs's five years).
 * @param {PgClient} db
 * @param {{ interactions: number; visits: number; calls: number }} target
 * @param {(text: string) => void} say
 * @param {CloneShape} [shape]
 */
export async function loadReportHistory(db, target, say, shape = YEAR) {
  const count = async (/** @type {string} */ table) =>
    Number(
      (await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE id NOT LIKE '%~%'`)).rows[0].n,
    );
  const demo = {
    interactions: await count('interactions'),
    visits: await count('visits'),
    calls: await count('calls'),
    incidents: await count('incidents'),
  };
  if (demo.interactions === 0 || demo.visits === 0 || demo.calls === 0)
    throw new Error(`The demo history is empty: ${JSON.stringify(demo)}`);
  const copies = {
    interactions: Math.ceil(target.interactions / demo.interactions),
    visits: Math.ceil(target.visits / demo.visits),
    calls: Math.ceil(target.calls / demo.calls),
  };
  await cloneDemoRows(db, shape, copies, say);
  const timed = timedOn(db, say);
  await timed('report_hourly', `DELETE FROM report_hourly`);
  // The same roll-up as migration 0013's, over every interaction now there.
  await timed(
    'report_hourly',
    `INSERT INTO report_hourly (hour, location, queue, channel, agent, opened, handled, handle_seconds)
      SELECT date_trunc('hour', opened_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
        COALESCE(location, ''), COALESCE(queue, ''), COALESCE(type, ''), COALESCE(opened_by, ''),
        count(*),
        count(*) FILTER (WHERE state IN ('Closed Complete', 'Closed Abandoned')
          AND handle_time_seconds IS NOT NULL),
        COALESCE(sum(handle_time_seconds) FILTER (
          WHERE state IN ('Closed Complete', 'Closed Abandoned')), 0)
      FROM interactions GROUP BY 1, 2, 3, 4, 5`,
  );
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
  await timed('VACUUM ANALYZE', 'VACUUM ANALYZE');
  const total = async (/** @type {string} */ table) =>
    Number((await db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);
  return {
    demo,
    copies,
    interactions: await total('interactions'),
    visits: await total('visits'),
    calls: await total('calls'),
    incidents: await total('incidents'),
  };
}
