// Applies a desk's pushed mutations once, in order, as the signed-in agent, with the store host's
// replay (applyCommand), in one transaction. Never skips a gap, nor a new change under a used id.

import { sql, type Kysely, type Transaction } from 'kysely';
import type { CatalogItem } from '../../shared/domain/catalog';
import type { User } from '../../shared/domain/directory';
import type { Incident } from '../../shared/domain/incident';
import type { DirectoryRules, Interaction } from '../../shared/domain/interaction';
import { serverNumber } from '../../shared/domain/numbering';
import type { CatalogRules, Request } from '../../shared/domain/request';
import { fail, type StoreError, type StoreResult } from '../../shared/domain/result';
import {
  applyCommand,
  directoryNeeds,
  RECORD_KINDS,
  recordsOf,
  type KindedRecord,
  type ParsedCommand,
  type RecordKind,
  type RecordRef,
  type RecordSet,
  type RecordTypes,
} from '../../shared/store-api/apply-command';
import {
  parsePushedMutation,
  type MutationRefusal,
  type PushedMutation,
  type PushRequest,
  type PushResponse,
} from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import { findUnstorableText, storableJson } from '../db/storable-text';
import { recordedArgsJson } from './recorded-args';
import { toNumber } from '../db/values';
import { groupMembers, usersById } from '../directory/directory-store';
import { ApiError } from '../http/api-error';
import { upsertInteractions } from '../interactions/interaction-store';
import { upsertIncidents, upsertRequests, type StoredRecord } from '../tasks/task-store';
import { mutationDigest } from './mutation-digest';
import { lockVersion, saveVersion } from './versions';

export interface PushOutcome extends PushResponse {
  /** Whether any record (of any kind) changed, i.e. whether other desks should be poked. */
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
    // One version per changed record, whatever its kind, in the order the push first changed them.
    for (const { stored } of run.changed) stored.version = ++version;
    const byKind = splitByKind(run.changed);
    await upsertInteractions(trx, byKind.interaction);
    await upsertIncidents(trx, byKind.incident);
    await upsertRequests(trx, byKind.request);
    if (run.changed.length > 0) await saveVersion(trx, version);
    for (const [kind, lastValue] of run.numbersUsed) {
      await trx
        .updateTable('numbering')
        .set({ last_value: lastValue })
        .where('kind', '=', kind)
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

type WorkingSet = { [K in RecordKind]: Map<string, StoredRecord<RecordTypes[K]>> };

interface MutationRun {
  /** Every record the push changed, each once, in the order of its first change. */
  changed: KindedStored[];
  refusals: Map<number, StoreError>;
  /** The last number handed out per kind, for the kinds a create used one of. */
  numbersUsed: Map<RecordKind, number>;
}

/** Replays the mutations in memory over the records they touch; writes nothing itself. */
async function runMutations(
  trx: Transaction<Database>,
  mutations: readonly PushedMutation[],
  pusher: User,
): Promise<MutationRun> {
  const parsed = mutations.map((m): StoreResult<ParsedCommand> => {
    const field = findUnstorableText(m.args);
    if (field) {
      return fail('invalid-input', 'Text may not contain the NUL character or broken Unicode.', {
        [field]: 'Remove the NUL character or broken Unicode from this text.',
      });
    }
    return parsePushedMutation(m);
  });
  const commands = parsed.flatMap((p) => (p.ok ? [p.value] : []));
  const working = await loadRecords(trx, commands.flatMap(recordsOf));
  const loaded: KindedRecord[] = [
    ...[...working.interaction.values()].map((s) => ({
      kind: 'interaction' as const,
      record: s.record,
    })),
    ...[...working.incident.values()].map((s) => ({ kind: 'incident' as const, record: s.record })),
    ...[...working.request.values()].map((s) => ({ kind: 'request' as const, record: s.record })),
  ];
  const { directory, catalog } = await loadRules(trx, commands, loaded, pusher);
  const records: RecordSet = {
    get: <K extends RecordKind>(kind: K, id: string) => working[kind].get(id)?.record,
  };
  const counters = await loadCounters(trx);
  const numbersUsed = new Map<RecordKind, number>();
  const lastNumber = (kind: RecordKind): number => {
    const last = numbersUsed.get(kind) ?? counters.get(kind);
    if (last === undefined) throw new Error(`numbering has no row for ${kind}`);
    return last;
  };

  const refusals = new Map<number, StoreError>();
  const changed = new Map<string, KindedStored>();

  for (const [i, mutation] of mutations.entries()) {
    const command = parsed[i];
    if (!command) continue;
    if (!command.ok) {
      refusals.set(mutation.mutationId, command.error);
      continue;
    }
    // Done by whoever the session belongs to: a desk cannot act in someone else's name. The
    // actor the desk claimed stays in the mutations log (actor_id beside pushed_by).
    const applied = applyCommand(command.value, records, {
      now: mutation.at,
      actorId: pusher.id,
      directory,
      catalog,
      numberFor: (kind) => ({
        number: serverNumber(kind, lastNumber(kind) + 1),
        provisional: false,
      }),
    });
    if (!applied.ok) {
      refusals.set(mutation.mutationId, applied.error);
      continue;
    }
    const { created } = applied.value;
    if (created) numbersUsed.set(created, lastNumber(created) + 1);
    for (const change of applied.value.changed) {
      const key = `${change.kind}:${change.record.id}`;
      const stored = keep(working, change, created === change.kind ? lastNumber(created) : null);
      if (!changed.has(key)) changed.set(key, stored);
    }
  }

  return { changed: [...changed.values()], refusals, numbersUsed };
}

type KindedStored = {
  [K in RecordKind]: { kind: K; stored: StoredRecord<RecordTypes[K]> };
}[RecordKind];

/**
 * Puts a changed record in the working set (so later mutations see it) and answers its entry.
 * `seq` is the number a create just used; any other change keeps the record's own.
 */
function keep(working: WorkingSet, change: KindedRecord, seq: number | null): KindedStored {
  switch (change.kind) {
    case 'interaction':
      return { kind: change.kind, stored: put(working.interaction, change.record, seq) };
    case 'incident':
      return { kind: change.kind, stored: put(working.incident, change.record, seq) };
    case 'request':
      return { kind: change.kind, stored: put(working.request, change.record, seq) };
  }
}

function put<T extends { id: string }>(
  map: Map<string, StoredRecord<T>>,
  record: T,
  seq: number | null,
): StoredRecord<T> {
  const current = map.get(record.id);
  if (current) {
    current.record = record;
    return current;
  }
  if (seq === null)
    throw new Error(`a change to ${record.id}, which was neither loaded nor created`);
  const stored = { record, seq, version: 0 };
  map.set(record.id, stored);
  return stored;
}

function splitByKind(entries: readonly KindedStored[]): {
  [K in RecordKind]: StoredRecord<RecordTypes[K]>[];
} {
  const out: { [K in RecordKind]: StoredRecord<RecordTypes[K]>[] } = {
    interaction: [],
    incident: [],
    request: [],
  };
  for (const entry of entries) {
    if (entry.kind === 'interaction') out.interaction.push(entry.stored);
    else if (entry.kind === 'incident') out.incident.push(entry.stored);
    else out.request.push(entry.stored);
  }
  return out;
}

/** The records the commands name, from their three tables. */
async function loadRecords(
  trx: Transaction<Database>,
  refs: readonly RecordRef[],
): Promise<WorkingSet> {
  const working: WorkingSet = { interaction: new Map(), incident: new Map(), request: new Map() };
  const ids = (kind: RecordKind) => [
    ...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id)),
  ];
  const rowsOf = async (table: 'interactions' | 'incidents' | 'requests', wanted: string[]) =>
    wanted.length === 0
      ? []
      : trx.selectFrom(table).select(['id', 'seq', 'record']).where('id', 'in', wanted).execute();
  // The record columns hold only what these same mutators produced.
  for (const row of await rowsOf('interactions', ids('interaction')))
    working.interaction.set(row.id, {
      record: row.record as Interaction,
      seq: toNumber(row.seq),
      version: 0,
    });
  for (const row of await rowsOf('incidents', ids('incident')))
    working.incident.set(row.id, {
      record: row.record as Incident,
      seq: toNumber(row.seq),
      version: 0,
    });
  for (const row of await rowsOf('requests', ids('request')))
    working.request.set(row.id, {
      record: row.record as Request,
      seq: toNumber(row.seq),
      version: 0,
    });
  return working;
}

async function loadCounters(trx: Transaction<Database>): Promise<Map<RecordKind, number>> {
  const rows = await trx
    .selectFrom('numbering')
    .select(['kind', 'last_value'])
    .where('kind', 'in', [...RECORD_KINDS])
    .execute();
  return new Map(rows.map((r) => [r.kind as RecordKind, toNumber(r.last_value)]));
}

/**
 * The directory facts the mutators ask about, loaded up front because they are synchronous:
 * the members of every group involved (a catalog item's fulfillment group included), the
 * catalog items named, and the names of the people a work note may name.
 */
async function loadRules(
  trx: Transaction<Database>,
  commands: readonly ParsedCommand[],
  loaded: readonly KindedRecord[],
  pusher: User,
): Promise<{ directory: DirectoryRules; catalog: CatalogRules }> {
  const needs = directoryNeeds(commands, loaded);
  const items = new Map<string, CatalogItem>();
  if (needs.catalogItemIds.length > 0) {
    const rows = await trx
      .selectFrom('catalog_items')
      .select(['id', 'record'])
      .where('id', 'in', needs.catalogItemIds)
      .execute();
    for (const row of rows) items.set(row.id, row.record as CatalogItem);
  }
  const groupIds = new Set(needs.groupIds);
  for (const item of items.values()) if (item.fulfillmentGroup) groupIds.add(item.fulfillmentGroup);
  const members = await groupMembers(trx, [...groupIds]);
  // Associating names the interaction's caller in the incident's work note, as the desk does.
  const callerIds = new Set<string>();
  for (const { kind, record } of loaded)
    if (kind === 'interaction' && record.openedFor) callerIds.add(record.openedFor);
  for (const { name, args } of commands)
    if (name === 'interaction.create' && args.openedFor) callerIds.add(args.openedFor);
  // A user-reference answer must name a known user, as on the desk: the answers' id-shaped
  // values are looked up with the callers (a text answer simply finds nobody).
  for (const { args } of commands) {
    const answers = [
      'answers' in args ? args.answers : undefined,
      'changes' in args && args.changes && 'answers' in args.changes
        ? args.changes.answers
        : undefined,
    ];
    for (const given of answers)
      for (const value of Object.values(given ?? {}))
        if (typeof value === 'string' && value.length > 0 && value.length <= 64)
          callerIds.add(value);
  }
  callerIds.delete(pusher.id);
  const names = await usersById(trx, [...callerIds]);
  return {
    directory: {
      isGroupMember: (groupId, userId) => members.get(groupId)?.includes(userId) ?? false,
      userName: (userId) =>
        userId === pusher.id ? pusher.name : (names.get(userId)?.name ?? userId),
    },
    catalog: {
      catalogItem: (id) => items.get(id) ?? null,
      isKnownUser: (id) => id === pusher.id || names.has(id),
    },
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
            // As sent, for the record (refused args bounded: recorded-args.ts), cleaned to be storable.
            args: sql<string>`${recordedArgsJson(m.args, reason !== undefined)}::jsonb`,
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
