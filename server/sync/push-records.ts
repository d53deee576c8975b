// What a push reads and writes besides its own log: the records its commands touch (locked, in one
// order for every push) and the directory facts the mutators ask about. Never decides a change.

import { sql, type Transaction } from 'kysely';
import type { CatalogItem } from '../../shared/domain/catalog';
import type { User } from '../../shared/domain/directory';
import type { Incident } from '../../shared/domain/incident';
import type { DirectoryRules, Interaction } from '../../shared/domain/interaction';
import type { CatalogRules, Request } from '../../shared/domain/request';
import type { Call } from '../../shared/domain/call';
import type { Visit } from '../../shared/domain/visit';
import {
  RecordMap,
  type KindedRecord,
  type RecordKind,
  type RecordRef,
} from '../../shared/commands/record-set';
import { directoryNeeds, type ParsedCommand } from '../../shared/store-api/apply-command';
import type { RecordTable } from '../db/record-tables';
import type { Database } from '../db/schema';
import { toNumber } from '../db/values';
import { together } from '../db/together';
import { groupMembers, usersById } from '../directory/directory-store';
import { upsertInteractions } from '../interactions/interaction-store';
import { upsertIncidents, upsertRequests } from '../tasks/task-store';
import { upsertCalls } from '../phone/call-store';
import { upsertVisits } from '../walk-up/visit-store';
import { referencedIds, type KnownReferences } from './push-references';
import { splitByKind, type KindedStored, type WorkingSet } from './push-replay';

const TABLE_OF: { [K in RecordKind]: RecordTable } = {
  interaction: 'interactions',
  incident: 'incidents',
  request: 'requests',
  visit: 'visits',
  call: 'calls',
};

/**
 * Loads the records the commands name and locks their rows until the transaction ends, so two
 * pushes touching one record take turns while others run at once. Every push locks in the same
 * order (kind, then id), so two pushes never wait for each other in a circle.
 */
export async function lockRecords(
  trx: Transaction<Database>,
  refs: readonly RecordRef[],
): Promise<WorkingSet> {
  const working: WorkingSet = new RecordMap();
  const idsOf = (kind: RecordKind) =>
    [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))].sort();
  const rowsOf = async (kind: RecordKind) => {
    const ids = idsOf(kind);
    if (ids.length === 0) return [];
    // ORDER BY under FOR UPDATE: rows are locked as the sort hands them out, in id order.
    const { rows } = await sql<{ id: string; seq: string | number; record: unknown }>`
      SELECT id, seq, record FROM ${sql.table(TABLE_OF[kind])}
      WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`.execute(trx);
    return rows;
  };
  // One kind after the other (not sent together), so the order of the locks is always this one.
  const interactions = await rowsOf('interaction');
  const incidents = await rowsOf('incident');
  const requests = await rowsOf('request');
  const visits = await rowsOf('visit');
  const calls = await rowsOf('call');
  // The record columns hold only what these same mutators produced.
  for (const row of interactions)
    working.put({ kind: 'interaction', record: row.record as Interaction, seq: toNumber(row.seq) });
  for (const row of incidents)
    working.put({ kind: 'incident', record: row.record as Incident, seq: toNumber(row.seq) });
  for (const row of requests)
    working.put({ kind: 'request', record: row.record as Request, seq: toNumber(row.seq) });
  for (const row of visits)
    working.put({ kind: 'visit', record: row.record as Visit, seq: toNumber(row.seq) });
  for (const row of calls)
    working.put({ kind: 'call', record: row.record as Call, seq: toNumber(row.seq) });
  return working;
}

/** The loaded records with their kinds, as directoryNeeds reads them. */
export const kindedRecords = (working: WorkingSet): KindedRecord[] => [...working.values()];

/**
 * Writes the changed records at new change positions: the ones this push created are inserted
 * (a row with the same id, committed meanwhile by another desk, is a unique violation and the
 * push runs again), the others replace their locked rows.
 */
export async function writeChanged(
  trx: Transaction<Database>,
  changed: readonly KindedStored[],
): Promise<void> {
  // Created rows in id order: two pushes creating the same ids wait for each other in one order.
  const byId = (a: KindedStored, b: KindedStored) =>
    a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0;
  const byKind = splitByKind([...changed].sort(byId));
  await together([
    upsertIncidents(trx, byKind.incident.created, 'fail'),
    upsertIncidents(trx, byKind.incident.updated),
    upsertRequests(trx, byKind.request.created, 'fail'),
    upsertRequests(trx, byKind.request.updated),
    upsertVisits(trx, byKind.visit.created, 'fail'),
    upsertVisits(trx, byKind.visit.updated),
    upsertCalls(trx, byKind.call.created, 'fail'),
    upsertCalls(trx, byKind.call.updated),
  ]);
  // After visits and calls: an interaction's location and queue are read from them (migration 0013).
  await together([
    upsertInteractions(trx, byKind.interaction.created, 'fail'),
    upsertInteractions(trx, byKind.interaction.updated),
  ]);
}

/** The ids of `ids` that are rows of `table` (a directory table keyed by id). */
async function existing(
  trx: Transaction<Database>,
  table: 'groups' | 'configuration_items',
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await trx
    .selectFrom(table)
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * The directory facts the mutators ask about, loaded up front because they are synchronous:
 * the members of every group involved (a catalog item's fulfillment group included), the
 * catalog items named, and the names of the people a work note may name; and whether the users,
 * groups and configuration items the commands set are in the directory (push-references.ts).
 * One query a kind, sent together.
 */
export async function loadRules(
  trx: Transaction<Database>,
  commands: readonly ParsedCommand[],
  loaded: readonly KindedRecord[],
  pusher: User,
): Promise<{ directory: DirectoryRules; catalog: CatalogRules; known: KnownReferences }> {
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
  // Associating names the interaction's caller in the incident's work note, as the desk does.
  const callerIds = new Set<string>();
  for (const { kind, record } of loaded) {
    if (kind === 'interaction' && record.openedFor) callerIds.add(record.openedFor);
    // A refused call names who called the person already ("… was already called by Ada Lovelace").
    if (kind === 'visit' && record.calledBy) callerIds.add(record.calledBy);
  }
  for (const id of needs.userIds) callerIds.add(id);
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
  const references = referencedIds(commands, new RecordMap(loaded));
  for (const id of references.user) callerIds.add(id);
  callerIds.delete(pusher.id);
  const [members, names, groups, configurationItems] = await together([
    groupMembers(trx, [...groupIds]),
    usersById(trx, [...callerIds]),
    existing(trx, 'groups', references.group),
    existing(trx, 'configuration_items', references.configurationItem),
  ]);
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
    known: (kind, id) =>
      kind === 'user'
        ? id === pusher.id || names.has(id)
        : kind === 'group'
          ? groups.has(id)
          : configurationItems.has(id),
  };
}
