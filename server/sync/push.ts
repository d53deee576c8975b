// Applies a desk's pushed mutations once, in order, as the signed-in agent, with the store host's
// mutators, in one transaction. Never skips a gap, nor a different mutation under a used id.

import type { Kysely, Transaction } from 'kysely';
import type { User } from '../../shared/domain/directory';
import {
  addWorkNote,
  closeInteraction,
  createInteraction,
  updateInteraction,
  type DirectoryRules,
  type Interaction,
} from '../../shared/domain/interaction';
import { serverNumber } from '../../shared/domain/numbering';
import { fail, type StoreError, type StoreResult } from '../../shared/domain/result';
import {
  parsePushedMutation,
  type MutationRefusal,
  type ParsedMutation,
  type PushedMutation,
  type PushRequest,
  type PushResponse,
} from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import { findUnstorableText, storableJson } from '../db/storable-text';
import { toNumber } from '../db/values';
import { sql } from 'kysely';
import { groupMembers } from '../directory/directory-store';
import { ApiError } from '../http/api-error';
import { upsertInteractions, type StoredInteraction } from '../interactions/interaction-store';
import { mutationDigest } from './mutation-digest';
import { lockVersion, saveVersion } from './versions';

export interface PushOutcome extends PushResponse {
  /** Whether any interaction changed, i.e. whether other desks should be poked. */
  changed: boolean;
}

export async function applyPush(
  db: Kysely<Database>,
  push: PushRequest,
  pusher: User,
  now: () => Date,
): Promise<PushOutcome> {
  const first = push.mutations[0];
  const lastInPush = push.mutations.at(-1);
  if (!first || !lastInPush) return { lastMutationId: 0, refused: [], changed: false };

  return db.transaction().execute(async (trx) => {
    // Taken first: pushes queue here, so the client row read next is the latest committed one.
    let version = await lockVersion(trx);
    const client = await trx
      .selectFrom('clients')
      .select('last_mutation_id')
      .where('client_id', '=', push.clientId)
      .executeTakeFirst();
    const last = client ? toNumber(client.last_mutation_id) : 0;
    if (first.mutationId > last + 1) {
      throw new ApiError(
        409,
        'mutation-gap',
        `This desk's changes arrived out of order: the server has up to ${last} and expected ${last + 1} next, not ${first.mutationId}.`,
        { expectedMutationId: last + 1 },
      );
    }

    // Ids this client already used: the same mutations again (a retried batch) are skipped; a
    // different mutation under a used id means two installations share this clientId.
    const earlier =
      last >= first.mutationId
        ? await checkRepeated(trx, push, Math.min(last, lastInPush.mutationId))
        : [];
    const fresh = push.mutations.filter((m) => m.mutationId > last);
    if (fresh.length === 0) return { lastMutationId: last, refused: earlier, changed: false };

    const run = await runMutations(trx, fresh, pusher);
    for (const entry of run.changed) entry.version = ++version;
    await upsertInteractions(trx, run.changed);
    if (run.changed.length > 0) await saveVersion(trx, version);
    if (run.numberUsed !== null) {
      await trx
        .updateTable('numbering')
        .set({ last_value: run.numberUsed })
        .where('kind', '=', 'interaction')
        .execute();
    }
    await recordMutations(trx, push.clientId, fresh, run.refusals, pusher, now());
    await trx
      .insertInto('clients')
      .values({
        client_id: push.clientId,
        last_mutation_id: lastInPush.mutationId,
        last_user_id: pusher.id,
        updated_at: now(),
      })
      .onConflict((oc) =>
        oc.column('client_id').doUpdateSet({
          last_mutation_id: lastInPush.mutationId,
          last_user_id: pusher.id,
          updated_at: now(),
        }),
      )
      .execute();
    const refused = [
      ...earlier,
      ...[...run.refusals].map(([mutationId, reason]) => ({ mutationId, reason })),
    ];
    return { lastMutationId: lastInPush.mutationId, refused, changed: run.changed.length > 0 };
  });
}

/**
 * Compares the push's mutations up to `to` (ids the server has recorded for this client) with
 * what was recorded, by digest. Answers the refusals among them; throws 409 `client-conflict`
 * at the first one that differs (rows recorded before digests existed are taken on trust).
 */
async function checkRepeated(
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

interface MutationRun {
  changed: StoredInteraction[];
  refusals: Map<number, StoreError>;
  /** The last interaction number handed out, or null when none was. */
  numberUsed: number | null;
}

/** Replays the mutations in memory over the records they touch; writes nothing itself. */
async function runMutations(
  trx: Transaction<Database>,
  mutations: readonly PushedMutation[],
  pusher: User,
): Promise<MutationRun> {
  const parsed = mutations.map((m): StoreResult<ParsedMutation> => {
    const field = findUnstorableText(m.args);
    if (field) {
      return fail('invalid-input', 'Text may not contain the NUL character or broken Unicode.', {
        [field]: 'Remove the NUL character or broken Unicode from this text.',
      });
    }
    return parsePushedMutation(m);
  });
  const ids = [...new Set(parsed.flatMap((p) => (p.ok ? [p.value.args.id] : [])))];
  const working = new Map<string, StoredInteraction>();
  if (ids.length > 0) {
    const rows = await trx
      .selectFrom('interactions')
      .select(['id', 'seq', 'record'])
      .where('id', 'in', ids)
      .execute();
    // The record column holds only what these same mutators produced.
    for (const row of rows)
      working.set(row.id, {
        record: row.record as Interaction,
        seq: toNumber(row.seq),
        version: 0,
      });
  }
  const rules = await loadRules(trx, parsed, working, pusher);
  const refusals = new Map<number, StoreError>();
  const changed = new Set<StoredInteraction>();
  let nextNumber: number | null = null;

  for (const [i, mutation] of mutations.entries()) {
    const command = parsed[i];
    if (!command) continue;
    if (!command.ok) {
      refusals.set(mutation.mutationId, command.error);
      continue;
    }
    // Done by whoever the session belongs to: a desk cannot act in someone else's name. The
    // actor the desk claimed stays in the mutations log (actor_id beside pushed_by).
    const ctx = { now: mutation.at, actorId: pusher.id, directory: rules };
    const current = working.get(command.value.args.id);
    if (command.value.name === 'interaction.create') {
      // The desk chose the id when the form opened: a create seen before is the same record.
      if (current) continue;
      nextNumber ??= await lastNumber(trx);
      const created = createInteraction(
        command.value.args,
        serverNumber('interaction', nextNumber + 1),
        false,
        ctx,
      );
      if (!created.ok) {
        refusals.set(mutation.mutationId, created.error);
        continue;
      }
      nextNumber += 1;
      const stored = { record: created.value, seq: nextNumber, version: 0 };
      working.set(created.value.id, stored);
      changed.add(stored);
      continue;
    }
    if (!current) {
      refusals.set(mutation.mutationId, {
        code: 'not-found',
        message: 'The interaction this change belongs to never reached the server.',
      });
      continue;
    }
    const result = mutate(current.record, command.value, ctx);
    if (!result.ok) {
      refusals.set(mutation.mutationId, result.error);
      continue;
    }
    if (result.value !== current.record) {
      current.record = result.value;
      changed.add(current);
    }
  }
  return { changed: [...changed], refusals, numberUsed: nextNumber };
}

function mutate(
  current: Interaction,
  command: Exclude<ParsedMutation, { name: 'interaction.create' }>,
  ctx: { now: string; actorId: string; directory: DirectoryRules },
): StoreResult<Interaction> {
  switch (command.name) {
    case 'interaction.update':
      return updateInteraction(current, command.args.changes, ctx);
    case 'interaction.addWorkNote':
      return addWorkNote(current, command.args, ctx);
    case 'interaction.close':
      return closeInteraction(current, command.args, ctx);
  }
}

async function lastNumber(trx: Transaction<Database>): Promise<number> {
  const row = await trx
    .selectFrom('numbering')
    .select('last_value')
    .where('kind', '=', 'interaction')
    .executeTakeFirstOrThrow();
  return toNumber(row.last_value);
}

/** The directory facts the mutators ask about, loaded up front because they are synchronous. */
async function loadRules(
  trx: Transaction<Database>,
  parsed: readonly StoreResult<ParsedMutation>[],
  working: ReadonlyMap<string, StoredInteraction>,
  pusher: User,
): Promise<DirectoryRules> {
  const groupIds = new Set<string>();
  for (const stored of working.values())
    if (stored.record.assignmentGroup) groupIds.add(stored.record.assignmentGroup);
  for (const p of parsed) {
    if (!p.ok) continue;
    const { name, args } = p.value;
    if (name === 'interaction.create' && args.assignmentGroup) groupIds.add(args.assignmentGroup);
    if (
      (name === 'interaction.update' || name === 'interaction.close') &&
      args.changes?.assignmentGroup
    ) {
      groupIds.add(args.changes.assignmentGroup);
    }
  }
  const members = await groupMembers(trx, [...groupIds]);
  return {
    isGroupMember: (groupId, userId) => members.get(groupId)?.includes(userId) ?? false,
    // Only the pusher acts (work-note authors, openedBy, closedBy).
    userName: (userId) => (userId === pusher.id ? pusher.name : userId),
  };
}

async function recordMutations(
  trx: Transaction<Database>,
  clientId: string,
  mutations: readonly PushedMutation[],
  refusals: ReadonlyMap<number, StoreError>,
  pusher: User,
  receivedAt: Date,
): Promise<void> {
  const CHUNK = 200;
  for (let i = 0; i < mutations.length; i += CHUNK) {
    await trx
      .insertInto('mutations')
      .values(
        mutations.slice(i, i + CHUNK).map((m) => {
          const reason = refusals.get(m.mutationId);
          return {
            client_id: clientId,
            mutation_id: m.mutationId,
            name: m.name,
            // As sent, for the record; a refused mutation's text may need cleaning to be stored.
            args: sql<string>`${storableJson(m.args ?? null)}::jsonb`,
            at: m.at,
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
