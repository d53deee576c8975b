// Records of a packed kind (record-packs.ts) read by id, all of them, and stored from a pull:
// each from its row, else from its pack; a closed one a pull brings goes in a pack.

import type { DeskDb } from './db';
import { packOf, unpack, unpackSome, type Packable, type RecordPack } from './record-pack-form';
import { PACK_SIZE, PACKED, packsOf, type PackedKind } from './record-packs';

const packTableOf = (db: DeskDb, kind: PackedKind) =>
  db.table<RecordPack, number>(PACKED[kind].packTable);
const rowTableOf = <T extends Packable>(db: DeskDb, kind: PackedKind) =>
  db.table<T, string>(PACKED[kind].table);

/**
 * Records of a packed kind by id, in the order asked (undefined where the desk holds none): each
 * from its row, else from its pack. Inside a transaction, that transaction must include the packs.
 */
export async function readPacked<T extends Packable>(
  db: DeskDb,
  kind: PackedKind,
  ids: readonly string[],
): Promise<(T | undefined)[]> {
  // Where each packed record is, is known in memory: a list of 2,000 mostly packed calls was 2,000
  // row reads that found nothing (IndexedDB reads one key a request) before 20 pack reads.
  const packs = packsOf(db, kind);
  const wanted = new Map<number, Set<string>>();
  const rowIds: string[] = [];
  for (const id of ids) {
    const key = packs.packOf(id);
    if (key === undefined) {
      rowIds.push(id);
      continue;
    }
    const set = wanted.get(key) ?? new Set<string>();
    set.add(id);
    wanted.set(key, set);
  }
  const found = new Map<string, T>();
  if (wanted.size > 0) {
    const keys = [...wanted.keys()];
    (await packTableOf(db, kind).bulkGet(keys)).forEach((pack, i) => {
      const want = wanted.get(keys[i] as number);
      if (pack && want)
        for (const record of unpackSome<T>(pack, want)) found.set(record.id, record);
    });
    // One its pack no longer holds became a row since the directory was told (a write in this
    // transaction, or one committing just now): a row is where it is.
    for (const want of wanted.values()) for (const id of want) if (!found.has(id)) rowIds.push(id);
  }
  if (rowIds.length > 0)
    for (const row of await rowTableOf<T>(db, kind).bulkGet(rowIds))
      if (row !== undefined) found.set(row.id, row);
  return ids.map((id) => found.get(id));
}

/** Every record of a packed kind the desk holds: the rows, and the packed ones that have none. */
export async function allPacked<T extends Packable>(db: DeskDb, kind: PackedKind): Promise<T[]> {
  const [rows, packs] = await Promise.all([
    rowTableOf<T>(db, kind).toArray(),
    packTableOf(db, kind).toArray(),
  ]);
  const held = new Set(rows.map((r) => r.id));
  const packed = packs.flatMap((p) => unpack<T>(p).filter((r) => !held.has(r.id)));
  return [...rows, ...packed];
}

/** Every held record's id of a packed kind: the rows' and the packed ones'. */
export async function allPackedIds(db: DeskDb, kind: PackedKind): Promise<string[]> {
  const rows = await rowTableOf(db, kind).toCollection().primaryKeys();
  return [...new Set([...rows, ...packsOf(db, kind).packedIds()])];
}

/**
 * Stores pulled records of a packed kind as the desk's view (putAsView; nothing waits): a closed
 * one the table has no row of goes in a pack — out of any pack it was in — the others are rows.
 * Inside a rw transaction over the kind's table and its packs.
 */
export async function putPulledPacked<T extends Packable>(
  db: DeskDb,
  kind: PackedKind,
  records: readonly T[],
): Promise<void> {
  const table = rowTableOf<T>(db, kind);
  const closed = records.filter(PACKED[kind].closed);
  const rows = new Set(
    closed.length === 0
      ? []
      : await table
          .where(':id')
          .anyOf(closed.map((r) => r.id))
          .primaryKeys(),
  );
  // The page's latest version of each: a page lists a record once, but a snapshot's may not.
  const packed = new Map<string, T>();
  for (const r of closed) if (!rows.has(r.id)) packed.set(r.id, r);
  const hot = records.filter((r) => !packed.has(r.id));
  if (packed.size > 0) {
    const packs = packsOf(db, kind);
    const moving = [...packed.keys()].filter((id) => packs.packOf(id) !== undefined);
    // Through the table's own removal: a delete of ids it has no rows of.
    if (moving.length > 0) await table.bulkDelete(moving);
    const all = [...packed.values()];
    const chunks: RecordPack[] = [];
    for (let from = 0; from < all.length; from += PACK_SIZE)
      chunks.push(packOf(all.slice(from, from + PACK_SIZE)));
    await packTableOf(db, kind).bulkAdd(chunks);
  }
  if (hot.length > 0) await table.bulkPut(hot);
}
