// What the server keeps of each desk's pushes: the client's last mutationId (its row is the lock
// that makes one desk's pushes take turns) and every mutation applied or refused, with its digest.

import { sql, type Transaction } from 'kysely';
import type { User } from '../../shared/domain/directory';
import type { StoreError } from '../../shared/domain/result';
import type { MutationRefusal, PushedMutation, PushRequest } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import { storableJson } from '../db/storable-text';
import { recordedArgsJson } from './recorded-args';
import { toNumber } from '../db/values';
import { ApiError } from '../http/api-error';
import { mutationDigest } from './mutation-digest';

/**
 * Locks the client's row until the transaction ends (creating it at 0 the first time) and answers
 * its last mutationId: a second push of the same desk waits here and then reads the first's. A
 * clientId is one agent's stream of changes: it belongs to the agent who first pushed it, and a
 * change is applied only with its author's token (403, nothing applied, otherwise).
 */
export async function lockClient(
  trx: Transaction<Database>,
  clientId: string,
  pusher: User,
  now: Date,
  mutations: readonly Pick<PushedMutation, 'mutationId' | 'actorId'>[] = [],
): Promise<number> {
  const foreign = mutations.find((m) => m.actorId !== pusher.id);
  if (foreign)
    throw new ApiError(
      403,
      'forbidden',
      `Change ${foreign.mutationId} was made by another agent (${foreign.actorId}): a change is applied only when the agent who made it is signed in. Nothing of this push was applied.`,
    );
  // ON CONFLICT DO UPDATE waits for a concurrent writer of the row and answers its committed value.
  const { rows } = await sql<{ last_mutation_id: string | number; last_user_id: string }>`
    INSERT INTO clients (client_id, last_mutation_id, last_user_id, updated_at)
    VALUES (${clientId}, 0, ${pusher.id}, ${now})
    ON CONFLICT (client_id) DO UPDATE SET client_id = clients.client_id
    RETURNING last_mutation_id, last_user_id`.execute(trx);
  const row = rows[0];
  if (!row) throw new Error('the clients upsert answered no row');
  // Refused pushes save nothing, so the row still names the agent who pushed first.
  if (row.last_user_id !== pusher.id)
    throw new ApiError(
      403,
      'forbidden',
      `This desk's change stream (${clientId}) belongs to another agent: each agent's changes are sent under their own client id. Nothing of this push was applied.`,
    );
  return toNumber(row.last_mutation_id);
}

export async function saveClient(
  trx: Transaction<Database>,
  clientId: string,
  lastMutationId: number,
  pusher: User,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('clients')
    .set({ last_mutation_id: lastMutationId, last_user_id: pusher.id, updated_at: now })
    .where('client_id', '=', clientId)
    .execute();
}

/**
 * Compares the push's mutations up to `to` (ids the server has recorded for this client) with
 * what was recorded, by digest. Answers the refusals among them; throws 409 `client-conflict`
 * at the first one that differs (rows recorded before digests existed are taken on trust).
 */
export async function checkRepeated(
  trx: Transaction<Database>,
  push: PushRequest,
  to: number,
): Promise<MutationRefusal[]> {
  const from = push.mutations[0]?.mutationId ?? 1;
  const rows = await trx
    .selectFrom('mutations')
    .select(['mutation_id', 'digest', 'status', 'reason'])
    .where('client_id', '=', push.clientId)
    .where('mutation_id', '>=', from)
    .where('mutation_id', '<=', to)
    .execute();
  const recorded = new Map(rows.map((r) => [toNumber(r.mutation_id), r]));
  const refused: MutationRefusal[] = [];
  for (const mutation of push.mutations) {
    if (mutation.mutationId > to) break;
    const row = recorded.get(mutation.mutationId);
    if (!row) continue;
    if (row.digest !== null && row.digest !== mutationDigest(mutation)) {
      throw new ApiError(
        409,
        'client-conflict',
        `Another installation has used this desk's id (${push.clientId}) for different changes: the server holds another change as number ${mutation.mutationId}. Nothing of this push was applied; the desk must take a new id and send its waiting changes again.`,
        { firstConflictingMutationId: mutation.mutationId, refused },
      );
    }
    if (row.status === 'refused')
      refused.push({ mutationId: mutation.mutationId, reason: row.reason as StoreError });
  }
  return refused;
}

/**
 * Records each mutation as sent (`at` is the desk's) with what became of it: refused with the
 * reason, or applied at `applied_at`, `clock_adjusted` when that is not the desk's time.
 */
export async function recordMutations(
  trx: Transaction<Database>,
  clientId: string,
  mutations: readonly PushedMutation[],
  run: {
    refusals: ReadonlyMap<number, StoreError>;
    appliedAt: ReadonlyMap<number, { at: string; adjusted: boolean }>;
  },
  pusher: User,
  receivedAt: Date,
): Promise<void> {
  const { refusals, appliedAt } = run;
  const CHUNK = 200;
  for (let i = 0; i < mutations.length; i += CHUNK) {
    await trx
      .insertInto('mutations')
      .values(
        mutations.slice(i, i + CHUNK).map((m) => {
          const reason = refusals.get(m.mutationId);
          const applied = appliedAt.get(m.mutationId);
          return {
            client_id: clientId,
            mutation_id: m.mutationId,
            name: m.name,
            // As sent, for the record (refused args bounded: recorded-args.ts), cleaned to be storable.
            args: sql<string>`${recordedArgsJson(m.args, reason !== undefined)}::jsonb`,
            at: m.at,
            applied_at: applied?.at ?? null,
            clock_adjusted: applied?.adjusted ?? false,
            actor_id: m.actorId,
            pushed_by: pusher.id,
            status: reason ? ('refused' as const) : ('applied' as const),
            reason: reason ? sql<string>`${storableJson(reason)}::jsonb` : null,
            received_at: receivedAt,
            digest: mutationDigest(m),
          };
        }),
      )
      .execute();
  }
}
