// Answers a desk's pull: the interactions, incidents and requests changed since its cursor and its
// last done mutation, read in one snapshot so they always agree. Read-only; never waits for a push.

import type { Kysely } from 'kysely';
import type { StoreError } from '../../shared/domain/result';
import { SYNC_LIMITS, type PullRequest, type PullResponse } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import { toNumber } from '../db/values';
import { changedInteractionsSince } from '../interactions/interaction-store';
import { changedIncidentsSince, changedRequestsSince } from '../tasks/task-store';
import { decodeCursor, encodeCursor, readDatabaseId, readHead } from './cursor';

export async function pull(
  db: Kysely<Database>,
  request: PullRequest,
  limit: number = SYNC_LIMITS.interactionsPerPull,
): Promise<PullResponse> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const databaseId = await readDatabaseId(trx);
      const head = await readHead(trx);
      const position = decodeCursor(request.cursor, databaseId, head);
      const client = await trx
        .selectFrom('clients')
        .select('last_mutation_id')
        .where('client_id', '=', request.clientId)
        .executeTakeFirst();
      const lastMutationId = client ? toNumber(client.last_mutation_id) : 0;
      // One version orders all three kinds: the first `limit` changes of the merged streams are
      // the first `limit` changes overall, so no change below the page's cursor is left out.
      const rows = [
        ...(await changedInteractionsSince(trx, position.after, limit + 1)).map(
          (r) => ({ kind: 'interaction', ...r }) as const,
        ),
        ...(await changedIncidentsSince(trx, position.after, limit + 1)).map(
          (r) => ({ kind: 'incident', ...r }) as const,
        ),
        ...(await changedRequestsSince(trx, position.after, limit + 1)).map(
          (r) => ({ kind: 'request', ...r }) as const,
        ),
      ].sort((a, b) => a.version - b.version);
      const more = rows.length > limit;
      const page = rows.slice(0, limit);
      // When everything fits, the head is safe: every change up to it is visible in this snapshot.
      const cursorVersion = more
        ? (page.at(-1)?.version ?? position.after)
        : Math.max(head, position.after);

      let refused: PullResponse['refused'] = [];
      if (
        request.firstPendingMutationId !== undefined &&
        request.firstPendingMutationId <= lastMutationId
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
        cursor: encodeCursor(databaseId, cursorVersion),
        lastMutationId,
        interactions: page.flatMap((r) => (r.kind === 'interaction' ? [r.record] : [])),
        incidents: page.flatMap((r) => (r.kind === 'incident' ? [r.record] : [])),
        requests: page.flatMap((r) => (r.kind === 'request' ? [r.record] : [])),
        more,
        reset: position.reset,
        refused,
      };
    });
}
