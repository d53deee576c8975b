// Answers a desk's pull: the interactions, incidents and requests changed since its cursor and its
// last done mutation, read in one statement (one snapshot) so they agree. Never waits for a push.

import { sql, type Kysely } from 'kysely';
import type { StoreError } from '../../shared/domain/result';
import { SYNC_LIMITS, type PullRequest, type PullResponse } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import { toNumber } from '../db/values';
import { changedRowsSql, type RecordTable } from '../db/record-tables';
import {
  comparePositions,
  decodeRecordCursor,
  encodeRecordCursor,
  laterOf,
  type ChangePosition,
  type RecordCursor,
} from './change-positions';

/** A pull's answer with the records of each kind still one JSON text, comma-joined, as read. */
interface PullPage extends Omit<PullResponse, 'interactions' | 'incidents' | 'requests'> {
  interactions: string;
  incidents: string;
  requests: string;
}

/** The answer as an object (for callers in this process). */
export async function pull(
  db: Kysely<Database>,
  request: PullRequest,
  limit: number = SYNC_LIMITS.interactionsPerPull,
): Promise<PullResponse> {
  const page = await readPullPage(db, request, limit);
  // The record columns hold only what the shared mutators produced.
  const parsed = <T>(list: string) => JSON.parse(`[${list}]`) as T[];
  return {
    ...page,
    interactions: parsed(page.interactions),
    incidents: parsed(page.incidents),
    requests: parsed(page.requests),
  };
}

/**
 * The same answer as JSON text, the records spliced in as the database holds them: a pull of
 * hundreds of records then costs no parsing and no stringifying of them in Node.
 */
export async function pullJson(
  db: Kysely<Database>,
  request: PullRequest,
  limit: number = SYNC_LIMITS.interactionsPerPull,
): Promise<string> {
  const { interactions, incidents, requests, ...rest } = await readPullPage(db, request, limit);
  const head = JSON.stringify(rest);
  return `${head.slice(0, -1)},"interactions":[${interactions}],"incidents":[${incidents}],"requests":[${requests}]}`;
}

/** Far enough in the future that a cursor is read as it stands until the database answers. */
const NO_BOUNDS = { next: 2n ** 64n, legacyHead: Number.MAX_SAFE_INTEGER };

async function readPullPage(
  db: Kysely<Database>,
  request: PullRequest,
  limit: number,
): Promise<PullPage> {
  // The cursor's position is read before the database answers whose cursor it may be; if it
  // turns out to be another database's or from a future this one never reached, the desk
  // starts over with a second read from the start (rare: a restored or replaced database).
  const claimed = request.cursor?.split('.')[0] ?? '';
  const guess = decodeRecordCursor(request.cursor, claimed, NO_BOUNDS);
  const read = await readPullStatement(db, request, guess, limit);
  const position = decodeRecordCursor(request.cursor, read.state.databaseId, read.state);
  if (!position.reset) return answerOf(read, guess);
  return answerOf(await readPullStatement(db, request, position, limit), position);
}

/** The page's answer: the cursor by the rule of ADR 0007, from what one statement read. */
function answerOf(read: PullRead, position: RecordCursor): PullPage {
  const { state, more, last } = read;
  // The cursor never passes the horizon: a push still running (its id ≥ horizon) commits
  // later at a position above it, and the next pull finds it (ADR 0007). A full page ends
  // at its last row if that is below the horizon. Otherwise the cursor is the horizon and
  // says which transactions above it this snapshot showed, so the next pull skips their rows.
  const horizon: ChangePosition = { xid: state.horizon, version: 0 };
  const pageEnd = more && last && last.xid < state.horizon ? last : null;
  const cursorAt = pageEnd ?? laterOf(position.after, horizon);
  const shown =
    !more && comparePositions(cursorAt, horizon) === 0
      ? { until: state.next, running: state.running }
      : undefined;
  return {
    cursor: encodeRecordCursor(state.databaseId, cursorAt, shown),
    lastMutationId: state.lastMutationId,
    interactions: read.interactions,
    incidents: read.incidents,
    requests: read.requests,
    more,
    reset: position.reset,
    refused: read.refused,
  };
}

interface PullState {
  databaseId: string;
  /** The directory's head: the bound of a cursor from before migration 0005. */
  legacyHead: number;
  horizon: bigint;
  next: bigint;
  /** Transactions running when the snapshot was taken (all ≥ horizon). */
  running: bigint[];
  lastMutationId: number;
}

interface PullRead {
  state: PullState;
  interactions: string;
  incidents: string;
  requests: string;
  more: boolean;
  /** The position of the page's last row, if it has any. */
  last: ChangePosition | null;
  refused: PullResponse['refused'];
}

/**
 * Everything a pull answers, in one statement and so in one snapshot S (a statement sees one,
 * as a REPEATABLE READ transaction would, in one round trip): the horizon and running
 * transactions of S, the client's last mutationId, and every change S shows after the cursor, in
 * position order across the three kinds (the first `limit` of the merged streams are the first
 * `limit` overall), each kind's records joined into one JSON text.
 */
async function readPullStatement(
  db: Kysely<Database>,
  request: PullRequest,
  { after, seen }: RecordCursor,
  limit: number,
): Promise<PullRead> {
  const { clientId, firstPendingMutationId } = request;
  const refused =
    firstPendingMutationId === undefined
      ? sql`NULL::text`
      : sql`(SELECT json_agg(json_build_object('mutationId', mutation_id, 'reason', reason)
          ORDER BY mutation_id)::text
        FROM (SELECT mutation_id, reason FROM mutations
          WHERE client_id = ${clientId} AND status = 'refused'
            AND mutation_id >= ${firstPendingMutationId}
            AND mutation_id <= (SELECT last_mutation_id FROM clients WHERE client_id = ${clientId})
          ORDER BY mutation_id LIMIT ${SYNC_LIMITS.refusalsPerPull}) AS r)`;
  const kindRows = (table: RecordTable, kind: number) =>
    sql`(SELECT ${kind} AS kind, c.* FROM (${changedRowsSql(table, after, limit + 1, seen)}) AS c)`;
  const records = (kind: number) =>
    sql`(SELECT string_agg(record::text, ',' ORDER BY change_xid, version)
      FROM page WHERE kind = ${kind})`;
  const { rows } = await sql<{
    database_id: string | null;
    head: string | null;
    horizon: string;
    next: string;
    running: string[];
    last_mutation_id: string | null;
    more: boolean;
    interactions: string | null;
    incidents: string | null;
    requests: string | null;
    last_xid: string | null;
    last_version: string | number | null;
    refused: string | null;
  }>`WITH changed AS MATERIALIZED (
      ${kindRows('interactions', 0)} UNION ALL ${kindRows('incidents', 1)}
      UNION ALL ${kindRows('requests', 2)}
    ), page AS MATERIALIZED (
      SELECT * FROM changed ORDER BY change_xid, version LIMIT ${limit}
    ), last AS (
      SELECT change_xid, version FROM page ORDER BY change_xid DESC, version DESC LIMIT 1
    )
    SELECT
      (SELECT value FROM server_meta WHERE key = 'database_id') AS database_id,
      (SELECT version::text FROM sync_state WHERE id = 1) AS head,
      pg_snapshot_xmin(pg_current_snapshot())::text AS horizon,
      pg_snapshot_xmax(pg_current_snapshot())::text AS next,
      ARRAY(SELECT x::text FROM pg_snapshot_xip(pg_current_snapshot()) AS x) AS running,
      (SELECT last_mutation_id::text FROM clients WHERE client_id = ${clientId}) AS last_mutation_id,
      (SELECT count(*) FROM changed) > ${limit} AS more,
      ${records(0)} AS interactions,
      ${records(1)} AS incidents,
      ${records(2)} AS requests,
      (SELECT change_xid::text FROM last) AS last_xid,
      (SELECT version FROM last) AS last_version,
      ${refused} AS refused`.execute(db);
  const row = rows[0];
  if (!row?.database_id || row.head === null)
    throw new Error('server_meta or sync_state is empty: the database was not migrated');
  const refusedRows = row.refused
    ? (JSON.parse(row.refused) as { mutationId: number | string; reason: unknown }[])
    : [];
  return {
    state: {
      databaseId: row.database_id,
      legacyHead: Number(row.head),
      horizon: BigInt(row.horizon),
      next: BigInt(row.next),
      running: row.running.map((x) => BigInt(x)),
      lastMutationId: row.last_mutation_id === null ? 0 : toNumber(row.last_mutation_id),
    },
    interactions: row.interactions ?? '',
    incidents: row.incidents ?? '',
    requests: row.requests ?? '',
    more: row.more,
    last:
      row.last_xid === null || row.last_version === null
        ? null
        : { xid: BigInt(row.last_xid), version: toNumber(row.last_version) },
    // The reasons were stored from the shared mutators' refusals.
    refused: refusedRows.map((r) => ({
      mutationId: toNumber(r.mutationId),
      reason: r.reason as StoreError,
    })),
  };
}
