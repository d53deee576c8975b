// One SQL query per desk figure (ADR 0015), over the typed columns and covering indexes of migrations 0013 and 0014 and, for
// volume, report_hourly. Answers exactly desk-figures.ts's shapes with the same definitions; never
// a second definition: report-queries.test.ts checks each one against deskFigures on the same records.

import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import {
  CALLBACK_AGE_BUCKETS,
  CALLBACK_OVERDUE_HOURS,
  INCIDENT_AGE_BUCKETS,
  RATINGS,
  REOPEN_WINDOW_DAYS,
  type Abandonment,
  type Callbacks,
  type DeskFigures,
  type DurationStats,
  type FigureFilter,
  type FigureName,
  type FirstContactResolution,
  type HandleTime,
  type OpenIncidents,
  type Satisfaction,
  type Volume,
  type WalkUpTimes,
} from '../../shared/domain/desk-figures';
import { CLOSED_STATES, INTERACTION_TYPES } from '../../shared/domain/interaction';
import { PRIORITIES } from '../../shared/domain/priority';
import { OPEN_INCIDENT_STATES } from '../../shared/domain/task-states';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;
type Dimensional = Pick<FigureFilter, 'location' | 'queue' | 'channel' | 'agent'>;
type Row = Record<string, unknown>;

const HOUR_S = 3600;
const DAY_S = 24 * HOUR_S;

const instant = (iso: string) => sql<Date>`${iso}::timestamptz`;
const num = (value: unknown): number => Number(value ?? 0);
const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
const shareOf = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** The dimension filters on an interaction row (`t`): its location, queue, Type and Opened by. */
function interactionPasses(t: string, f: Dimensional): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (f.location !== undefined) parts.push(sql`${sql.ref(`${t}.location`)} = ${f.location}`);
  if (f.queue !== undefined) parts.push(sql`${sql.ref(`${t}.queue`)} = ${f.queue}`);
  if (f.channel !== undefined) parts.push(sql`${sql.ref(`${t}.type`)} = ${f.channel}`);
  if (f.agent !== undefined) parts.push(sql`${sql.ref(`${t}.opened_by`)} = ${f.agent}`);
  return sql<boolean>`(${sql.join(parts, sql` AND `)})`;
}

/** Interactions opened in [from, to) that pass the filter. */
const periodInteractions = (db: Db, f: FigureFilter) =>
  db
    .selectFrom('interactions')
    .where('opened_at', '>=', instant(f.from))
    .where('opened_at', '<', instant(f.to))
    .where(interactionPasses('interactions', f));

/** Visits checked in in [from, to) that pass: Location, Served by; no queue; channel Walk-in. */
function periodVisits(db: Db, f: FigureFilter) {
  let q = db
    .selectFrom('visits')
    .where('checked_in_at', '>=', instant(f.from))
    .where('checked_in_at', '<', instant(f.to));
  if (f.location !== undefined) q = q.where('location', '=', f.location);
  if (f.agent !== undefined) q = q.where('served_by', '=', f.agent);
  if (f.queue !== undefined || (f.channel !== undefined && f.channel !== 'Walk-in'))
    q = q.where(sql<boolean>`false`);
  return q;
}

/** Calls that rang in [from, to) and pass: Location, Queue, Answered by; channel Phone. */
function periodCalls(db: Db, f: FigureFilter) {
  let q = db
    .selectFrom('calls')
    .where('rang_at', '>=', instant(f.from))
    .where('rang_at', '<', instant(f.to));
  if (f.location !== undefined) q = q.where('location', '=', f.location);
  if (f.queue !== undefined) q = q.where('queue', '=', f.queue);
  if (f.agent !== undefined) q = q.where('answered_by', '=', f.agent);
  if (f.channel !== undefined && f.channel !== 'Phone') q = q.where(sql<boolean>`false`);
  return q;
}

/**
 * Count, median and p90 of whole seconds `value` where `when` holds. percentile_cont(0.5) is the
 * house median (the mean of the two middle values); percentile_disc(0.9) is the nearest rank.
 */
const durationSelect = (name: string, value: RawBuilder<unknown>, when: RawBuilder<unknown>) => [
  sql<number>`(count(${value}) FILTER (WHERE ${when}))::int`.as(`${name}_count`),
  sql<
    number | null
  >`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${value}) FILTER (WHERE ${when})`.as(
    `${name}_median`,
  ),
  sql<
    number | null
  >`percentile_disc(0.9) WITHIN GROUP (ORDER BY ${value}) FILTER (WHERE ${when})`.as(`${name}_p90`),
];

const durationOf = (row: Row | undefined, name: string): DurationStats => {
  const count = num(row?.[`${name}_count`]);
  return count === 0
    ? { count: 0, median: null, p90: null }
    : {
        count,
        median: numOrNull(row?.[`${name}_median`]),
        p90: numOrNull(row?.[`${name}_p90`]),
      };
};

// ---- volume ----

interface VolumeRow {
  local_hour: number;
  weekday: number;
  channel: string;
  opened: number;
}

function volumeOf(rows: readonly VolumeRow[]): Volume {
  const byChannel = Object.fromEntries(INTERACTION_TYPES.map((t) => [t, 0])) as Volume['byChannel'];
  const byHour = Array.from({ length: 24 }, () => 0);
  const byWeekday = Array.from({ length: 7 }, () => 0);
  let total = 0;
  for (const row of rows) {
    const n = num(row.opened);
    const channel = row.channel as keyof Volume['byChannel'];
    if (channel in byChannel) byChannel[channel] += n;
    byHour[num(row.local_hour)] = (byHour[num(row.local_hour)] ?? 0) + n;
    byWeekday[num(row.weekday)] = (byWeekday[num(row.weekday)] ?? 0) + n;
    total += n;
  }
  return { byChannel, byHour, byWeekday, total };
}

const localHour = (column: RawBuilder<unknown>, tz: string) =>
  sql<number>`extract(hour from ${column} AT TIME ZONE ${tz})::int`.as('local_hour');
const localWeekday = (column: RawBuilder<unknown>, tz: string) =>
  sql<number>`extract(isodow from ${column} AT TIME ZONE ${tz})::int - 1`.as('weekday');

const HOUR_MS = HOUR_S * 1000;
const onWholeHour = (iso: string): boolean => Date.parse(iso) % HOUR_MS === 0;

/**
 * Volume from report_hourly when the period is whole UTC hours and every hour with interactions
 * is one whole local hour in the zone (true of whole-hour zones, across DST changes too); from the
 * interactions themselves otherwise (a zone like Asia/Kolkata splits each UTC hour in two).
 */
export async function volumeFigure(db: Db, f: FigureFilter): Promise<Volume> {
  if (onWholeHour(f.from) && onWholeHour(f.to)) {
    const hour = sql.ref('hour');
    const local = sql`${hour} AT TIME ZONE ${f.timeZone}`;
    let q = db
      .selectFrom('report_hourly')
      .where('hour', '>=', instant(f.from))
      .where('hour', '<', instant(f.to))
      .where('opened', '<>', 0);
    if (f.location !== undefined) q = q.where('location', '=', f.location);
    if (f.queue !== undefined) q = q.where('queue', '=', f.queue);
    if (f.channel !== undefined) q = q.where('channel', '=', f.channel);
    if (f.agent !== undefined) q = q.where('agent', '=', f.agent);
    const rows = await q
      .select([
        localHour(hour, f.timeZone),
        localWeekday(hour, f.timeZone),
        'channel',
        sql<number>`sum(opened)::int`.as('opened'),
        sql<boolean>`bool_and(date_trunc('hour', ${local}) = ${local}
          AND date_trunc('hour', (${hour} + interval '1 hour' - interval '1 microsecond')
            AT TIME ZONE ${f.timeZone}) = ${local})`.as('whole'),
      ])
      .groupBy([sql.raw('1'), sql.raw('2'), sql.raw('3')])
      .execute();
    if (rows.every((r) => r.whole)) return volumeOf(rows);
  }
  return volumeFromInteractions(db, f);
}

/** Volume counted from the interactions themselves (and the bench's "without report_hourly"). */
export async function volumeFromInteractions(db: Db, f: FigureFilter): Promise<Volume> {
  const openedAt = sql.ref('opened_at');
  const rows = await periodInteractions(db, f)
    .select([
      localHour(openedAt, f.timeZone),
      localWeekday(openedAt, f.timeZone),
      sql<string>`type`.as('channel'),
      sql<number>`count(*)::int`.as('opened'),
    ])
    .groupBy([sql.raw('1'), sql.raw('2'), sql.raw('3')])
    .execute();
  return volumeOf(rows);
}

// ---- first-contact resolution ----

/**
 * An associated incident reopened from the close to 7 days after it: its reopen times (migration
 * 0014, the reopen work notes) against the close. Only interactions linked to an incident look.
 */
const REOPENED_AFTER_CLOSE = sql`(interactions.linked_incidents IS NOT NULL AND EXISTS (
  SELECT 1 FROM incidents AS inc CROSS JOIN LATERAL unnest(inc.reopened_at) AS r(at)
  WHERE inc.id = ANY(interactions.linked_incidents)
    AND r.at >= interactions.closed_at
    AND r.at <= interactions.closed_at + interval '1 day' * ${REOPEN_WINDOW_DAYS}::int))`;

export async function firstContactResolutionFigure(
  db: Db,
  f: FigureFilter,
): Promise<FirstContactResolution> {
  const row = await periodInteractions(db, f)
    .where('state', '=', 'Closed Complete')
    .select([
      sql<number>`count(*)::int`.as('eligible'),
      sql<number>`(count(*) FILTER (WHERE interactions.closed_at IS NOT NULL
        AND NOT interactions.made_record AND NOT ${REOPENED_AFTER_CLOSE}))::int`.as('resolved'),
    ])
    .executeTakeFirst();
  const eligible = num(row?.eligible);
  const resolved = num(row?.resolved);
  return { resolved, eligible, share: shareOf(resolved, eligible) };
}

// ---- handle time ----

export async function handleTimeFigure(db: Db, f: FigureFilter): Promise<HandleTime> {
  const seconds = sql.ref('handle_time_seconds');
  const row = (await periodInteractions(db, f)
    .where('state', 'in', [...CLOSED_STATES])
    .where('handle_time_seconds', 'is not', null)
    .select([
      ...durationSelect('phone', seconds, sql`type = 'Phone'`),
      ...durationSelect('walk_in', seconds, sql`type = 'Walk-in'`),
      ...durationSelect('all', seconds, sql`true`),
    ])
    .executeTakeFirst()) as Row | undefined;
  return {
    phone: durationOf(row, 'phone'),
    walkIn: durationOf(row, 'walk_in'),
    all: durationOf(row, 'all'),
  };
}

// ---- walk-up wait and service ----

/**
 * Seconds between two times as float8: date_part, not extract, which answers numeric and costs
 * four times as much over a year of rows (the times are whole milliseconds: float8 holds them exactly).
 */
const secondsBetween = (from: RawBuilder<unknown>, to: RawBuilder<unknown>) =>
  sql`date_part('epoch', ${to} - ${from})`;

/** Whole seconds between two times, rounded as Math.round does (half up). */
const wholeSeconds = (from: RawBuilder<unknown>, to: RawBuilder<unknown>) =>
  sql`floor(${secondsBetween(from, to)} + 0.5)::int`;

export async function walkUpTimesFigure(db: Db, f: FigureFilter): Promise<WalkUpTimes> {
  const wait = wholeSeconds(sql.ref('checked_in_at'), sql.ref('started_at'));
  // serviceMinutes: from the call (the start when never called) to Done.
  const since = sql`COALESCE(called_at, started_at)`;
  const service = sql`CASE WHEN state = 'Done' AND ended_at >= ${since}
    THEN ${wholeSeconds(since, sql.ref('ended_at'))} END`;
  const row = (await periodVisits(db, f)
    .select([
      ...durationSelect('wait', wait, sql`${wait} >= 0`),
      ...durationSelect('service', service, sql`true`),
    ])
    .executeTakeFirst()) as Row | undefined;
  return { wait: durationOf(row, 'wait'), service: durationOf(row, 'service') };
}

// ---- abandonment ----

export async function abandonmentFigure(db: Db, f: FigureFilter): Promise<Abandonment> {
  const [calls, visits] = await Promise.all([
    periodCalls(db, f)
      .where('direction', '=', 'in')
      .where('state', 'in', ['Missed', 'Answered', 'Ended'])
      .select([
        sql<number>`count(*)::int`.as('total'),
        sql<number>`(count(*) FILTER (WHERE state = 'Missed'))::int`.as('missed'),
      ])
      .executeTakeFirst(),
    periodVisits(db, f)
      .where('state', 'in', ['Done', 'Left', 'No-show'])
      .select([
        sql<number>`count(*)::int`.as('total'),
        sql<number>`(count(*) FILTER (WHERE state = 'Left'))::int`.as('left'),
        sql<number>`(count(*) FILTER (WHERE state = 'No-show'))::int`.as('no_show'),
      ])
      .executeTakeFirst(),
  ]);
  const missed = num(calls?.missed);
  const callTotal = num(calls?.total);
  const left = num(visits?.left);
  const noShow = num(visits?.no_show);
  const visitTotal = num(visits?.total);
  return {
    calls: { missed, total: callTotal, share: shareOf(missed, callTotal) },
    visits: { left, noShow, total: visitTotal, share: shareOf(left + noShow, visitTotal) },
  };
}

// ---- callbacks due (now) ----

/** Counts of `age` (seconds) under each bound, in order, and over the last: the age buckets. */
const bucketCounts = (age: RawBuilder<unknown>, bounds: readonly number[]): RawBuilder<number>[] =>
  [...bounds, Infinity].map((bound, n) => {
    const lower = n === 0 ? sql`true` : sql`${age} >= ${bounds[n - 1]}::float8`;
    const upper = bound === Infinity ? sql`true` : sql`${age} < ${bound}::float8`;
    return sql<number>`(count(*) FILTER (WHERE ${lower} AND ${upper}))::int`;
  });
const bucketColumns = (age: RawBuilder<unknown>, bounds: readonly number[]) =>
  bucketCounts(age, bounds).map((count, n) => count.as(`bucket_${n}`));

const bucketsOf = <K extends string>(row: Row | undefined, keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k, n) => [k, num(row?.[`bucket_${n}`])])) as Record<K, number>;

export async function callbacksFigure(db: Db, f: FigureFilter, now: string): Promise<Callbacks> {
  const age = sql`GREATEST(0, ${secondsBetween(sql`COALESCE(inc.resolved_at, inc.updated_at)`, sql`${now}::timestamptz`)})`;
  // Open interactions come from their partial index (migration 0014): its predicate, word for word.
  const open = sql.raw(`i.state NOT IN (${CLOSED_STATES.map((s) => `'${s}'`).join(', ')})`);
  const { rows } = await sql<Row>`
    SELECT count(*)::int AS due,
      (count(*) FILTER (WHERE ${age} >= ${CALLBACK_OVERDUE_HOURS * HOUR_S}::float8))::int AS overdue,
      ${sql.join(
        bucketCounts(age, [4 * HOUR_S, DAY_S, 3 * DAY_S]).map(
          (count, n) => sql`${count} AS ${sql.raw(`bucket_${n}`)}`,
        ),
      )}
    FROM incidents AS inc
    CROSS JOIN LATERAL unnest(inc.related_interactions) AS r(id)
    JOIN interactions AS i ON i.id = r.id
    WHERE inc.state = 'Resolved'
      AND ${open}
      AND ${interactionPasses('i', f)}`.execute(db);
  const row = rows[0];
  return {
    due: num(row?.due),
    overdue: num(row?.overdue),
    ages: bucketsOf(row, CALLBACK_AGE_BUCKETS),
  };
}

// ---- open incidents (now) ----

export async function openIncidentsFigure(
  db: Db,
  f: FigureFilter,
  now: string,
): Promise<OpenIncidents> {
  const { agent, ...where } = f;
  let q: SelectQueryBuilder<Database, 'incidents', object> = db
    .selectFrom('incidents')
    .where('state', 'in', [...OPEN_INCIDENT_STATES]);
  if (agent !== undefined) q = q.where('assigned_to', '=', agent);
  // Location, queue or channel: a linked interaction that passes.
  if (where.location !== undefined || where.queue !== undefined || where.channel !== undefined)
    q = q.where(sql<boolean>`EXISTS (
      SELECT 1 FROM jsonb_array_elements(incidents.record->'relatedInteractions') AS r(link)
      JOIN interactions AS i ON i.id = r.link->>'id'
      WHERE ${interactionPasses('i', where)})`);
  const age = sql`GREATEST(0, ${secondsBetween(sql.ref('opened_at'), sql`${now}::timestamptz`)})`;
  const row = (await q
    .select([
      sql<number>`count(*)::int`.as('total'),
      ...PRIORITIES.map((p) =>
        sql<number>`(count(*) FILTER (WHERE priority = ${p}::int))::int`.as(`priority_${p}`),
      ),
      ...bucketColumns(age, [DAY_S, 3 * DAY_S, 7 * DAY_S]),
    ])
    .executeTakeFirst()) as Row | undefined;
  return {
    total: num(row?.total),
    byPriority: Object.fromEntries(
      PRIORITIES.map((p) => [p, num(row?.[`priority_${p}`])]),
    ) as OpenIncidents['byPriority'],
    ageBuckets: bucketsOf(row, INCIDENT_AGE_BUCKETS),
  };
}

// ---- satisfaction ----

export async function satisfactionFigure(db: Db, f: FigureFilter): Promise<Satisfaction> {
  const row = (await periodVisits(db, f)
    .where('survey_rating', 'is not', null)
    .select([
      sql<number>`count(*)::int`.as('responses'),
      sql<number | null>`avg(survey_rating::float8)`.as('average'),
      ...RATINGS.map((r) =>
        sql<number>`(count(*) FILTER (WHERE survey_rating = ${r}::int))::int`.as(`rating_${r}`),
      ),
    ])
    .executeTakeFirst()) as Row | undefined;
  const responses = num(row?.responses);
  return {
    responses,
    average: responses === 0 ? null : numOrNull(row?.average),
    distribution: Object.fromEntries(
      RATINGS.map((r) => [r, num(row?.[`rating_${r}`])]),
    ) as Satisfaction['distribution'],
  };
}

// ---- by name, and all of them ----

/** Each figure's query; `now` (ISO) is read by the figures that are "now", not dated. */
export const FIGURE_QUERIES: {
  readonly [K in FigureName]: (db: Db, f: FigureFilter, now: string) => Promise<DeskFigures[K]>;
} = {
  volume: volumeFigure,
  firstContactResolution: firstContactResolutionFigure,
  handleTime: handleTimeFigure,
  walkUpTimes: walkUpTimesFigure,
  abandonment: abandonmentFigure,
  callbacks: callbacksFigure,
  openIncidents: openIncidentsFigure,
  satisfaction: satisfactionFigure,
};

/**
 * One figure in its own transaction, with the settings a report over a year wants: sorts for the
 * medians in memory (work_mem 32 MB, PostgreSQL's default 4 MB spills a year of handle times to
 * disk) and no JIT (compiling costs more than it saves on these queries). Both last until the
 * transaction ends: the pool's other work keeps the server's own settings.
 */
export function figureInSql<K extends FigureName>(
  db: Kysely<Database>,
  name: K,
  f: FigureFilter,
  now: string,
): Promise<DeskFigures[K]> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('work_mem', '32MB', true), set_config('jit', 'off', true)`.execute(
      trx,
    );
    return FIGURE_QUERIES[name](trx, f, now);
  });
}

/** Every figure, as deskFigures answers them. */
export async function deskFiguresInSql(
  db: Kysely<Database>,
  f: FigureFilter,
  now: string,
): Promise<DeskFigures> {
  const names = Object.keys(FIGURE_QUERIES) as FigureName[];
  const values = await Promise.all(names.map((name) => figureInSql(db, name, f, now)));
  return Object.fromEntries(names.map((name, n) => [name, values[n]])) as unknown as DeskFigures;
}
