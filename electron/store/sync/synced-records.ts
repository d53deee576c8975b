// Where the desk keeps each kind of synced record (interaction, incident, request, visit, call): the view the
// lists show, and the server's copy the waiting changes are replayed on. Never decides what to write.

import type { EntityTable, Table } from 'dexie';
import {
  isRecordKind,
  recordKey,
  type RecordKind,
  type RecordRef,
  type RecordTypes,
} from '../../../shared/commands/record-set';
import { readMeta, writeMeta, type DeskDb, type SyncMeta } from '../db';
import { allPacked, allPackedIds, readPacked } from '../packed-records';
import { isPackedKind, packsOf, PACKED_KINDS, PACKED } from '../record-packs';

export type RecordTables = { [K in RecordKind]: EntityTable<RecordTypes[K], 'id'> };

/** The desk's view of each kind: what lists, forms and queries read. */
export function viewTables(db: DeskDb): RecordTables {
  return {
    interaction: db.interactions,
    incident: db.incidents,
    request: db.requests,
    visit: db.visits,
    call: db.calls,
  };
}

/** The ids of the records of `kind` the desk shows: an interaction's or a call's may be in a pack. */
export function viewIds(db: DeskDb, kind: RecordKind): Promise<string[]> {
  return isPackedKind(kind)
    ? allPackedIds(db, kind)
    : viewTables(db)[kind].toCollection().primaryKeys();
}

/** Every record of `kind` the desk shows. */
export async function allViews<K extends RecordKind>(
  db: DeskDb,
  kind: K,
): Promise<RecordTypes[K][]> {
  if (isPackedKind(kind)) return allPacked<RecordTypes[K]>(db, kind);
  return (viewTables(db)[kind] as unknown as Table<RecordTypes[K], string>).toArray();
}

/** How many records of `kind` the desk shows. */
export async function viewCount(db: DeskDb, kind: RecordKind): Promise<number> {
  const rows = await viewTables(db)[kind].count();
  // Each record of a packed kind is a row or in a pack, never both (record-packs.ts).
  return isPackedKind(kind) ? rows + packsOf(db, kind).size : rows;
}

/** The desk's views of `ids`, one kind, in their order (undefined where it shows none). */
export async function readViews<K extends RecordKind>(
  db: DeskDb,
  kind: K,
  ids: readonly string[],
): Promise<(RecordTypes[K] | undefined)[]> {
  if (isPackedKind(kind)) return readPacked<RecordTypes[K]>(db, kind, ids);
  const table = viewTables(db)[kind] as unknown as Table<RecordTypes[K], string>;
  return table.bulkGet([...ids]);
}

/** The packs' tables (record-packs.ts): a transaction that reads a view by id must include them. */
export function packTables(db: DeskDb): Table[] {
  return PACKED_KINDS.map((kind) => db.table(PACKED[kind].packTable));
}

/**
 * The server's copy of each kind: the base a rebase starts from, kept only while needed ("copy on
 * write", server-copies.ts, ADR 0020). The invariant every writer keeps:
 * (a) a server copy row of R, when there is one, is R's latest version pulled from the server;
 * (b) if a waiting entry (outbox or parked) touches a record R the desk has pulled, R has a
 *     server copy row;
 * (c) if no waiting entry touches R and R has no server copy row, R's view is its latest pulled
 *     server version.
 * So a pull with nothing waiting stores the views only and drops every copy (putAsView), a
 * command copies the view before it changes a record that has none (runCommand), and a page with
 * something waiting puts a copy of every record it brings, then rebases.
 */
export function serverTables(db: DeskDb): RecordTables {
  return {
    interaction: db.serverInteractions,
    incident: db.serverIncidents,
    request: db.serverRequests,
    visit: db.serverVisits,
    call: db.serverCalls,
  };
}

/** Every table a rebase reads or writes: a transaction that rebases must include them all. */
export function rebaseTables(db: DeskDb): Table[] {
  return [
    ...Object.values(viewTables(db)),
    // An interaction's or a call's view may be in a pack (record-packs.ts).
    ...packTables(db),
    ...Object.values(serverTables(db)),
    db.outbox,
    db.parkedOutbox,
    db.meta,
    db.catalogItems,
  ];
}

/** The one key of a record (shared/commands/record-set.ts), under the name the sync code knows. */
export const refKey = recordKey;

/** A set of record refs, each once, in the order first added. */
export class RefSet {
  private readonly refs = new Map<string, RecordRef>();

  add(ref: RecordRef): void {
    const key = refKey(ref);
    if (!this.refs.has(key)) this.refs.set(key, { kind: ref.kind, id: ref.id });
  }

  addAll(refs: Iterable<RecordRef>): void {
    for (const ref of refs) this.add(ref);
  }

  get size(): number {
    return this.refs.size;
  }

  [Symbol.iterator](): Iterator<RecordRef> {
    return this.refs.values();
  }
}

/**
 * The records to look at again with the next complete pull. Desks from before incidents kept
 * bare interaction ids there; those still read as interactions.
 */
export function rebasePendingOf(meta: SyncMeta): RecordRef[] {
  const refs: RecordRef[] = [];
  for (const item of (meta.rebasePending ?? []) as unknown[]) {
    if (typeof item === 'string') refs.push({ kind: 'interaction', id: item });
    else if (typeof item === 'object' && item !== null) {
      const { kind, id } = item as { kind?: unknown; id?: unknown };
      if (isRecordKind(kind) && typeof id === 'string') refs.push({ kind, id });
    }
  }
  return refs;
}

/** The provisional-number counters by kind (meta `counters`; a kind absent has used none yet). */
export type CountersByKind = Partial<Record<RecordKind, number>>;

export async function readCounters(db: DeskDb): Promise<CountersByKind> {
  return (await readMeta(db, 'counters')) ?? {};
}

export async function writeCounters(db: DeskDb, counters: CountersByKind): Promise<void> {
  await writeMeta(db, 'counters', { ...counters, interaction: counters.interaction ?? 0 });
}
