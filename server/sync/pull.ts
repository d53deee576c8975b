// Answers a desk's pull: the interactions changed since its cursor and its last done mutation,
// read in one snapshot so the two always agree. Read-only; it never waits for a push.

import type { Kysely } from 'kysely';
import type { StoreError } from '../../shared/domain/result';
import { SYNC_LIMITS, type PullRequest, type PullResponse } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import { toNumber } from '../db/values';
import { changedSince } from '../interactions/interaction-store';
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
      const rows = await changedSince(trx, position.after, limit + 1);
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
        interactions: page.map((r) => r.record),
        more,
        reset: position.reset,
        refused,
      };
    });
}
