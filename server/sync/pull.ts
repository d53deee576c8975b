// Answers a desk's pull: the interactions, incidents and requests changed since its cursor and its
// last done mutation, read in one snapshot so they always agree. Read-only; never waits for a push.

import { sql, type Kysely, type Transaction } from 'kysely';
import type { StoreError } from '../../shared/domain/result';
import { SYNC_LIMITS, type PullRequest, type PullResponse } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import { toNumber } from '../db/values';
import { together } from '../db/together';
import { changedJsonSince, type WorkedBy } from '../db/record-tables';
import {
  comparePositions,
  decodeRecordCursor,
  encodeRecordCursor,
  laterOf,
  type ChangePosition,
} from './change-positions';

/**
 * What the puller may see (decision 0008): every record, or only the incidents and requests it
 * works (a technician). A cache of answers must key on it as on the cursor.
 */
export type PullScope = { kind: 'everything' } | ({ kind: 'worked' } & WorkedBy);

export const EVERYTHING: PullScope = { kind: 'everything' };

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
  scope: PullScope = EVERYTHING,
): Promise<string> {
  const { interactions, incidents, requests, ...rest } = await readPullPage(
    db,
    request,
    limit,
    scope,
  );
  const head = JSON.stringify(rest);
  return `${head.slice(0, -1)},"interactions":[${interactions.join(',')}],"incidents":[${incidents.join(',')}],"requests":[${requests.join(',')}]}`;
}

async function readPullPage(
  db: Kysely<Database>,
  request: PullRequest,
  limit: number,
  scope: PullScope,
): Promise<PullPage> {
  const worked = scope.kind === 'worked' ? scope : undefined;
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const state = await readPullState(trx, request.clientId);
      const position = decodeRecordCursor(request.cursor, state.databaseId, state);
      const { after, seen } = position;
      // Every change this snapshot shows after the cursor, in position order across the three
      // kinds: the first `limit` of the merged streams are the first `limit` overall. A scope
      // only drops rows (a predicate on each row, never on positions): the cursor still moves by
      // the same rule below, so any row in scope after it is found by this pull or the next one,
      // and the rows dropped are ones this puller never gets. Gap-free as without a scope.
      const [interactions, incidents, requests] = await together([
        changedJsonSince(trx, 'interactions', after, limit + 1, seen, worked),
        changedJsonSince(trx, 'incidents', after, limit + 1, seen, worked),
        changedJsonSince(trx, 'requests', after, limit + 1, seen, worked),
      ]);
      const rows = [
        ...interactions.map((r) => ({ kind: 'interaction', ...r }) as const),
        ...incidents.map((r) => ({ kind: 'incident', ...r }) as const),
        ...requests.map((r) => ({ kind: 'request', ...r }) as const),
      ].sort((a, b) => comparePositions(a.position, b.position));
      const more = rows.length > limit;
      const page = rows.slice(0, limit);
      // The cursor never passes the horizon: a push still running (its id ≥ horizon) commits
      // later at a position above it, and the next pull finds it (ADR 0007). A full page ends
      // at its last row if that is below the horizon. Otherwise the cursor is the horizon and
      // says which transactions above it this snapshot showed, so the next pull skips their rows.
      const horizon: ChangePosition = { xid: state.horizon, version: 0 };
      const last = page.at(-1)?.position;
      const pageEnd = more && last && last.xid < state.horizon ? last : null;
      const cursorAt = pageEnd ?? laterOf(after, horizon);
      const shown =
        !more && comparePositions(cursorAt, horizon) === 0
          ? { until: state.next, running: state.running }
          : undefined;

      let refused: PullResponse['refused'] = [];
      if (
        request.firstPendingMutationId !== undefined &&
        request.firstPendingMutationId <= state.lastMutationId
      ) {
        const refusedRows = await trx
          .selectFrom('mutations')
          .select(['mutation_id', 'reason'])
          .where('client_id', '=', request.clientId)
          .where('status', '=', 'refused')
          .where('mutation_id', '>=', request.firstPendingMutationId)
          .orderBy('mutation_id')
          .limit(SYNC_LIMITS.refusalsPerPull)
          .execute();
        refused = refusedRows.map((r) => ({
          mutationId: toNumber(r.mutation_id),
          reason: r.reason as StoreError,
        }));
      }

      return {
        cursor: encodeRecordCursor(state.databaseId, cursorAt, shown),
        lastMutationId: state.lastMutationId,
        interactions: page.flatMap((r) => (r.kind === 'interaction' ? [r.json] : [])),
        incidents: page.flatMap((r) => (r.kind === 'incident' ? [r.json] : [])),
        requests: page.flatMap((r) => (r.kind === 'request' ? [r.json] : [])),
        more,
        reset: position.reset,
        refused,
      };
    });
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

/** Everything a pull needs before its rows, in one round trip of its snapshot. */
async function readPullState(trx: Transaction<Database>, clientId: string): Promise<PullState> {
  const { rows } = await sql<{
    database_id: string | null;
    head: string | null;
    horizon: string;
    next: string;
    running: string[];
    last_mutation_id: string | null;
  }>`SELECT
      (SELECT value FROM server_meta WHERE key = 'database_id') AS database_id,
      (SELECT version::text FROM sync_state WHERE id = 1) AS head,
      pg_snapshot_xmin(pg_current_snapshot())::text AS horizon,
      pg_snapshot_xmax(pg_current_snapshot())::text AS next,
      ARRAY(SELECT x::text FROM pg_snapshot_xip(pg_current_snapshot()) AS x) AS running,
      (SELECT last_mutation_id::text FROM clients WHERE client_id = ${clientId}) AS last_mutation_id`.execute(
    trx,
  );
  const row = rows[0];
  if (!row?.database_id || row.head === null)
    throw new Error('server_meta or sync_state is empty: the database was not migrated');
  return {
    databaseId: row.database_id,
    legacyHead: Number(row.head),
    horizon: BigInt(row.horizon),
    next: BigInt(row.next),
    running: row.running.map((x) => BigInt(x)),
    lastMutationId: row.last_mutation_id === null ? 0 : toNumber(row.last_mutation_id),
  };
}
