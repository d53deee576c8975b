// Answers a desk's pull: the interactions, incidents, requests, visits and calls changed since its cursor and its
// last done mutation, read in one statement (one snapshot) so they agree. Never waits for a push.

import { sql, type Kysely, type RawBuilder } from 'kysely';
import { SYNC_LIMITS, type PullRequest, type PullResponse } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import { toNumber } from '../db/values';
import { parsePullState, pullStateSql, type PullState } from './pull-state';
import { changedRowsSql, workedRuleOf, type RecordTable, type WorkedBy } from '../db/record-tables';
import { linkedBehindCursor } from './pull-linked';
import type { RecordTexts } from './record-texts';
import { inDeskScope, scopeGrew, scopeTagOf, type DeskScope, type ScopeTag } from './desk-scope';
import {
  comparePositions,
  decodeRecordCursor,
  encodeRecordCursor,
  laterOf,
  START,
  type ChangePosition,
  type RecordCursor,
} from './change-positions';

/**
 * What the puller may see (decision 0008): every record, or only the incidents and requests it
 * works (a technician); and, with `desk`, only what its desk holds (ADR 0020, desk-scope.ts). The
 * record texts' cache is keyed by version, so it is safe under any scope.
 */
export type PullScope =
  { kind: 'everything'; desk?: DeskScope } | ({ kind: 'worked'; desk?: DeskScope } & WorkedBy);

export const EVERYTHING: PullScope = { kind: 'everything' };

/** The synced record tables a pull reads, each under its answer's field; a row's kind is its index. */
export const PULLED = [
  { table: 'interactions', field: 'interactions' },
  { table: 'incidents', field: 'incidents' },
  { table: 'requests', field: 'requests' },
  { table: 'visits', field: 'visits' },
  { table: 'calls', field: 'calls' },
] as const satisfies readonly { table: RecordTable; field: keyof PullResponse }[];

type PulledField = (typeof PULLED)[number]['field'];

/** A pull from a page's end (version > 0): the answer before said there was more. */
const isCatchUp = (position: RecordCursor): boolean =>
  !position.reset && position.after.version !== 0;

/** A pull's answer with its records still the JSON text the database holds. */
type PullPage = Omit<PullResponse, PulledField> & Record<PulledField, string[]>;

/** One statement per pulled table, joined by UNION ALL, in PULLED's order. */
const unionOf = (part: (table: RecordTable, kind: number) => RawBuilder<unknown>) =>
  sql.join(
    PULLED.map(({ table }, kind) => sql`(${part(table, kind)})`),
    sql` UNION ALL `,
  );

/** The answer as an object (for callers in this process). */
export async function pull(
  db: Kysely<Database>,
  request: PullRequest,
  limit: number = SYNC_LIMITS.recordsPerPull,
  scope: PullScope = EVERYTHING,
): Promise<PullResponse> {
  const page = await readPullPage(db, request, limit, scope);
  // The record columns hold only what the shared mutators produced.
  const parsed = <T>(list: string[]) => list.map((json) => JSON.parse(json) as T);
  return {
    ...page,
    interactions: parsed(page.interactions),
    incidents: parsed(page.incidents),
    requests: parsed(page.requests),
    visits: parsed(page.visits),
    calls: parsed(page.calls),
  };
}

/**
 * The same answer as JSON text, the records spliced in as the database holds them: a pull of
 * hundreds of records then costs no parsing and no stringifying of them in Node.
 */
export async function pullJson(
  db: Kysely<Database>,
  request: PullRequest,
  limit: number = SYNC_LIMITS.recordsPerPull,
  records?: RecordTexts,
  scope: PullScope = EVERYTHING,
  settings?: PullResponse['scope'],
): Promise<string> {
  const page = await readPullPage(db, request, limit, scope, records);
  const rest: Record<string, unknown> = { ...page, ...(settings ? { scope: settings } : {}) };
  for (const { field } of PULLED) delete rest[field];
  const head = JSON.stringify(rest);
  const lists = PULLED.map(({ field }) => `"${field}":[${page[field].join(',')}]`).join(',');
  return `${head.slice(0, -1)},${lists}}`;
}

/** Far enough in the future that a cursor is read as it stands until the database answers. */
const NO_BOUNDS = { next: 2n ** 64n, legacyHead: Number.MAX_SAFE_INTEGER };

async function readPullPage(
  db: Kysely<Database>,
  request: PullRequest,
  limit: number,
  scope: PullScope,
  records?: RecordTexts,
): Promise<PullPage> {
  // A scope only drops rows (a predicate on each row, never on positions): the cursor moves by
  // the same rule, so any row in scope after it is found by this pull or the next one, and the
  // rows dropped are ones this puller never gets. Gap-free as without a scope.
  const worked = scope.kind === 'worked' ? scope : undefined;
  // A desk scope drops rows the same way. A desk starting over (a reset, or `unscoped`: it must
  // learn what a restored server lost) is given everything it may see; a desk whose scope grew
  // since its cursor (another agent, a group joined, a larger N) is given its whole scope again
  // from the start — no reset: it keeps what it holds — and the cursor then names the new scope.
  const deskOf = (position: RecordCursor): DeskScope | undefined =>
    position.reset || request.unscoped === true ? undefined : scope.desk;
  const tagOf = (position: RecordCursor): ScopeTag | undefined => {
    const desk = deskOf(position);
    return desk ? scopeTagOf(desk, worked !== undefined) : undefined;
  };
  const restarted = (position: RecordCursor): RecordCursor =>
    !position.reset && scopeGrew(position.scope, tagOf(position))
      ? { after: START, reset: false }
      : position;
  // The cursor's position is read before the database answers whose cursor it may be; if it
  // turns out to be another database's or from a future this one never reached, the desk
  // starts over with a second read from the start (rare: a restored or replaced database).
  const claimed = request.cursor?.split('.')[0] ?? '';
  const decoded = decodeRecordCursor(request.cursor, claimed, NO_BOUNDS);
  let position = restarted(decoded);
  const statement = (withTexts: boolean) =>
    readPullStatement(db, request, position, limit, withTexts, worked, deskOf(position));
  // With the records' texts at hand, the statement answers positions only: desks pulling after
  // the same poke share them. A catch-up page's thousands of rows are seldom another desk's, and
  // reading their texts by position again cost 0.1-0.2 s a page: its statement carries them.
  const cached = (at: RecordCursor) => records !== undefined && !isCatchUp(at);
  let read = await statement(!cached(position));
  const checked = decodeRecordCursor(request.cursor, read.state.databaseId, read.state);
  if (checked.reset) {
    position = checked;
    read = await statement(!cached(position));
  }
  const tag = tagOf(position);
  // The desk's scope grew: its whole scope starts over, and a desk that can takes a snapshot.
  const rescoped = position !== decoded && !position.reset && request.unscoped !== true;
  const desk = deskOf(position);
  // Records the page brings into the desk's scope that its pulls passed before this catch-up
  // (pull-linked.ts); none from the start, where the stream itself brings them.
  const base = catchUpBase(position);
  const linked = async (page: { rows: ChangeRow[] }) =>
    desk && page.rows.length > 0 && base > 0n
      ? await linkedBehindCursor(
          db,
          PULLED.map((p) => p.table),
          page.rows,
          { after: position.after, base },
          desk,
          worked,
        )
      : new Map<number, string[]>();
  const answer = async (page: { rows: ChangeRow[]; more: boolean }, textOf: TextOf) => ({
    ...answerOf(read.state, page, position, read.refused, textOf, tag, await linked(page), base),
    ...(rescoped ? { rescoped: true as const } : {}),
  });
  if (records && cached(position)) {
    const page = pageOf(read, limit);
    const texts = await recordTextsOf(db, page.rows, records);
    if (texts) return answer(page, texts);
    // A version on the page was overwritten since the statement: one that carries the texts.
    read = await statement(true);
  }
  return answer(pageOf(read, limit), (row) => row.json ?? '');
}

type TextOf = (row: ChangeRow) => string;

/**
 * Where a desk's catch-up started, as the transaction below which every row had been passed by its
 * pulls before it: after a complete pull (a horizon cursor, version 0), the end of what that
 * pull's snapshot showed (`seen.until`; the cursor's own transaction when it was left out, and the
 * stream then sends those rows again itself); on a page's end, the base it carries; on a page's
 * end from before bases, its own transaction (fewer records sent, never more). 0 from the start.
 */
function catchUpBase(position: RecordCursor): bigint {
  if (position.reset) return 0n;
  if (position.after.version === 0) return position.seen?.until ?? position.after.xid;
  return position.base ?? position.after.xid;
}

interface ChangeRow {
  kind: number;
  id: string;
  /** The record as JSON text, when the statement carried it. */
  json: string | null;
  position: ChangePosition;
}

/** The first `limit` of the merged streams (each in position order) are the first `limit` overall. */
function pageOf(read: PullRead, limit: number): { rows: ChangeRow[]; more: boolean } {
  const rows = [...read.rows].sort((x, y) => comparePositions(x.position, y.position));
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

/**
 * The JSON text of each row on the page: from the texts this server has read before (a row
 * version never changes: a write makes a new version), the others read by position in one
 * statement. Null if one of them is gone (overwritten since the page's snapshot).
 */
async function recordTextsOf(
  db: Kysely<Database>,
  rows: readonly ChangeRow[],
  records: RecordTexts,
): Promise<((row: ChangeRow) => string) | null> {
  const found = new Map<number, string>();
  const missing: ChangeRow[] = [];
  for (const row of rows) {
    const text = records.get(row.position.version);
    if (text === undefined) missing.push(row);
    else found.set(row.position.version, text);
  }
  if (missing.length > 0) {
    const select = (table: RecordTable, kind: number) => {
      const of = missing.filter((r) => r.kind === kind);
      return sql`SELECT version, record::text AS json FROM ${sql.table(table)}
        WHERE (change_xid, version) IN (SELECT * FROM unnest(
          ${of.map((r) => r.position.xid.toString())}::xid8[],
          ${of.map((r) => r.position.version)}::bigint[]))`;
    };
    const { rows: read } = await sql<{ version: string | number; json: string }>`
      ${unionOf(select)}`.execute(db);
    for (const row of read) {
      const version = toNumber(row.version);
      found.set(version, row.json);
      records.put(version, row.json);
    }
  }
  if (rows.some((row) => !found.has(row.position.version))) return null;
  return (row) => found.get(row.position.version) ?? '';
}

/** The page's answer, with the cursor by the rule of ADR 0007. */
function answerOf(
  state: PullState,
  { rows: page, more }: { rows: ChangeRow[]; more: boolean },
  position: RecordCursor,
  refused: PullResponse['refused'],
  textOf: (row: ChangeRow) => string,
  scope: ScopeTag | undefined,
  linked: ReadonlyMap<number, readonly string[]>,
  base: bigint,
): PullPage {
  // The cursor never passes the horizon: a push still running (its id ≥ horizon) commits
  // later at a position above it, and the next pull finds it (ADR 0007). A full page ends
  // at its last row if that is below the horizon. Otherwise the cursor is the horizon and
  // says which transactions above it this snapshot showed, so the next pull skips their rows.
  const horizon: ChangePosition = { xid: state.horizon, version: 0 };
  const last = page.at(-1)?.position;
  const pageEnd = more && last && last.xid < state.horizon ? last : null;
  const cursorAt = pageEnd ?? laterOf(position.after, horizon);
  const shown =
    !more && comparePositions(cursorAt, horizon) === 0
      ? { until: state.next, running: state.running }
      : undefined;
  const ofKind = (kind: number) => [
    ...page.flatMap((r) => (r.kind === kind ? [textOf(r)] : [])),
    ...(linked.get(kind) ?? []),
  ];
  return {
    // A page's end carries where this catch-up started; a horizon is where the next one starts.
    cursor: encodeRecordCursor(
      state.databaseId,
      cursorAt,
      shown,
      scope,
      pageEnd ? base : undefined,
    ),
    lastMutationId: state.lastMutationId,
    interactions: ofKind(0),
    incidents: ofKind(1),
    requests: ofKind(2),
    visits: ofKind(3),
    calls: ofKind(4),
    more,
    reset: position.reset,
    refused,
  };
}

interface PullRead {
  state: PullState;
  /** Up to `limit + 1` changes of each kind after the cursor, each kind in position order. */
  rows: ChangeRow[];
  refused: PullResponse['refused'];
}

/**
 * Everything a pull answers, in one statement and so in one snapshot S (a statement sees one,
 * as a REPEATABLE READ transaction would, in one round trip): a first row with the horizon and
 * running transactions of S and the client's last mutationId, then every change S shows after
 * the cursor, up to `limit + 1` of each kind in position order.
 */
async function readPullStatement(
  db: Kysely<Database>,
  request: PullRequest,
  { after, seen }: RecordCursor,
  limit: number,
  withTexts: boolean,
  worked: WorkedBy | undefined,
  desk: DeskScope | undefined,
): Promise<PullRead> {
  const text = withTexts ? sql`record::text` : sql`NULL`;
  // Visits and calls are never scoped to a technician's work (workedRuleOf): one a technician
  // checks in comes back numbered, and its queue is whole.
  const kindRows = (table: RecordTable, kind: number) =>
    sql`SELECT ${sql.lit(kind)}, ${text}, change_xid::text, version, NULL, id
      FROM (${changedRowsSql(
        table,
        after,
        limit + 1,
        seen,
        workedRuleOf(table, worked),
        desk ? (alias) => inDeskScope(table, alias, desk) : undefined,
      )}) AS c`;
  // The first row holds the snapshot's state as one JSON text; the others are changes.
  const { rows } = await sql<{
    kind: number | null;
    json: string | null;
    xid: string | null;
    version: string | number | null;
    state: string | null;
    id: string | null;
  }>`SELECT NULL::int AS kind, NULL::text AS json, NULL::text AS xid, NULL::bigint AS version,
      ${pullStateSql(request)} AS state, NULL::text AS id
    UNION ALL ${unionOf(kindRows)}`.execute(db);
  const { state, refused } = parsePullState(rows.find((r) => r.kind === null)?.state);
  const changes: ChangeRow[] = [];
  for (const r of rows)
    if (r.kind !== null && r.xid !== null && r.version !== null && r.id !== null)
      changes.push({
        kind: r.kind,
        id: r.id,
        json: r.json,
        position: { xid: BigInt(r.xid), version: toNumber(r.version) },
      });
  return {
    state,
    rows: changes,
    refused,
  };
}
