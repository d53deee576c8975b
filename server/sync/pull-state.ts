// What a pull or a snapshot answers besides its rows, read in the same snapshot: the database's id,
// the snapshot's horizon and running transactions (the cursor, ADR 0007), the desk's last done
// mutation and its refusals. One SQL expression, so it joins any statement or transaction.

import { sql, type RawBuilder } from 'kysely';
import type { StoreError } from '../../shared/domain/result';
import { SYNC_LIMITS, type PullResponse } from '../../shared/sync/protocol';
import { toNumber } from '../db/values';

export interface PullState {
  databaseId: string;
  /** The directory's head: the bound of a cursor from before migration 0005. */
  legacyHead: number;
  horizon: bigint;
  next: bigint;
  /** Transactions running when the snapshot was taken (all ≥ horizon). */
  running: bigint[];
  lastMutationId: number;
}

/** The state as one JSON text, for `clientId` and its refusals from `firstPendingMutationId` on. */
export function pullStateSql(request: {
  clientId: string;
  firstPendingMutationId?: number | undefined;
}): RawBuilder<string> {
  const { clientId, firstPendingMutationId } = request;
  const refused =
    firstPendingMutationId === undefined
      ? sql`NULL`
      : sql`(SELECT json_agg(json_build_object('mutationId', mutation_id, 'reason', reason)
          ORDER BY mutation_id)
        FROM (SELECT mutation_id, reason FROM mutations
          WHERE client_id = ${clientId} AND status = 'refused'
            AND mutation_id >= ${firstPendingMutationId}
            AND mutation_id <= (SELECT last_mutation_id FROM clients WHERE client_id = ${clientId})
          ORDER BY mutation_id LIMIT ${SYNC_LIMITS.refusalsPerPull}) AS r)`;
  return sql<string>`json_build_object(
        'databaseId', (SELECT value FROM server_meta WHERE key = 'database_id'),
        'head', (SELECT version::text FROM sync_state WHERE id = 1),
        'horizon', pg_snapshot_xmin(pg_current_snapshot())::text,
        'next', pg_snapshot_xmax(pg_current_snapshot())::text,
        'running', ARRAY(SELECT x::text FROM pg_snapshot_xip(pg_current_snapshot()) AS x),
        'lastMutationId', (SELECT last_mutation_id::text FROM clients WHERE client_id = ${clientId}),
        'refused', ${refused})::text`;
}

/** The state and refusals from pullStateSql's text; throws when the database was not migrated. */
export function parsePullState(text: string | null | undefined): {
  state: PullState;
  refused: PullResponse['refused'];
} {
  const read = text
    ? (JSON.parse(text) as {
        databaseId: string | null;
        head: string | null;
        horizon: string;
        next: string;
        running: string[];
        lastMutationId: string | null;
        refused: { mutationId: number | string; reason: unknown }[] | null;
      })
    : null;
  if (!read?.databaseId || read.head === null)
    throw new Error('server_meta or sync_state is empty: the database was not migrated');
  return {
    state: {
      databaseId: read.databaseId,
      legacyHead: Number(read.head),
      horizon: BigInt(read.horizon),
      next: BigInt(read.next),
      running: read.running.map((x) => BigInt(x)),
      lastMutationId: read.lastMutationId === null ? 0 : toNumber(read.lastMutationId),
    },
    // The reasons were stored from the shared mutators' refusals.
    refused: (read.refused ?? []).map((r) => ({
      mutationId: toNumber(r.mutationId),
      reason: r.reason as StoreError,
    })),
  };
}
