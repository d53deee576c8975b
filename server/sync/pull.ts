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

/** A pull's answer with its records still the JSON text the database holds. */
interface PullPage extends Omit<PullResponse, 'interactions' | 'incidents' | 'requests'> {
  interactions: string[];
  incidents: string[];
  requests: string[];
}

/** The answer as an object (for callers in this process). */
export async function pull(
  db: Kysely<Database>,
  request: PullRequest,
  limit: number = SYNC_LIMITS.interactionsPerPull,
): Promise<PullResponse> {
  const page = await readPullPage(db, request, limit);
  // The record columns hold only what the shared mutators produced.
  const parsed = <T>(list: string[]) => list.map((json) => JSON.parse(json) as T);
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
  return `${head.slice(0, -1)},"interactions":[${interactions.join(',')}],"incidents":[${incidents.join(',')}],"requests":[${requests.join(',')}]}`;
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
  if (!position.reset) return answerOf(read, guess, limit);
  return answerOf(await readPullStatement(db, request, position, limit), position, limit);
}

/** The page's answer: the first `limit` changes and the cursor by the rule of ADR 0007. */
function answerOf(read: PullRead, position: RecordCursor, limit: number): PullPage {
  const { state } = read;
  // The first `limit` of the merged streams (each in position order) are the first `limit` overall.
  const rows = [...read.rows].sort((x, y) => comparePositions(x.position, y.position));
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
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
  const ofKind = (kind: number) => page.flatMap((r) => (r.kind === kind ? [r.json] : []));
  return {
    cursor: encodeRecordCursor(state.databaseId, cursorAt, shown),
    lastMutationId: state.lastMutationId,
    interactions: ofKind(0),
    incidents: ofKind(1),
    requests: ofKind(2),
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
  /** Up to `limit + 1` changes of each kind after the cursor, each kind in position order. */
  rows: { kind: number; json: string; position: ChangePosition }[];
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
    sql`SELECT ${sql.lit(kind)}, record::text, change_xid::text, version,
      NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM (${changedRowsSql(table, after, limit + 1, seen)}) AS c`;
  const { rows } = await sql<{
    kind: number | null;
    json: string | null;
    xid: string | null;
    version: string | number | null;
    database_id: string | null;
    head: string | null;
    horizon: string | null;
    next: string | null;
    running: string[] | null;
    last_mutation_id: string | null;
    refused: string | null;
  }>`SELECT NULL::int AS kind, NULL::text AS json, NULL::text AS xid, NULL::bigint AS version,
      (SELECT value FROM server_meta WHERE key = 'database_id') AS database_id,
      (SELECT version::text FROM sync_state WHERE id = 1) AS head,
      pg_snapshot_xmin(pg_current_snapshot())::text AS horizon,
      pg_snapshot_xmax(pg_current_snapshot())::text AS next,
      ARRAY(SELECT x::text FROM pg_snapshot_xip(pg_current_snapshot()) AS x) AS running,
      (SELECT last_mutation_id::text FROM clients WHERE client_id = ${clientId}) AS last_mutation_id,
      ${refused} AS refused
    UNION ALL (${kindRows('interactions', 0)})
    UNION ALL (${kindRows('incidents', 1)})
    UNION ALL (${kindRows('requests', 2)})`.execute(db);
  const head = rows.find((r) => r.kind === null);
  if (!head?.database_id || head.head === null || head.horizon === null || head.next === null)
    throw new Error('server_meta or sync_state is empty: the database was not migrated');
  const refusedRows = head.refused
    ? (JSON.parse(head.refused) as { mutationId: number | string; reason: unknown }[])
    : [];
  const changes: PullRead['rows'] = [];
  for (const r of rows)
    if (r.kind !== null && r.json !== null && r.xid !== null && r.version !== null)
      changes.push({
        kind: r.kind,
        json: r.json,
        position: { xid: BigInt(r.xid), version: toNumber(r.version) },
      });
  return {
    state: {
      databaseId: head.database_id,
      legacyHead: Number(head.head),
      horizon: BigInt(head.horizon),
      next: BigInt(head.next),
      running: (head.running ?? []).map((x) => BigInt(x)),
      lastMutationId: head.last_mutation_id === null ? 0 : toNumber(head.last_mutation_id),
    },
    rows: changes,
    // The reasons were stored from the shared mutators' refusals.
    refused: refusedRows.map((r) => ({
      mutationId: toNumber(r.mutationId),
      reason: r.reason as StoreError,
    })),
  };
}
