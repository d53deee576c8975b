// What a pack of closed records holds (record-packs.ts; ADR 0020, "Packs"): their ids, and each
// one as JSON text. Reading one record of a pack decodes only that one: IndexedDB copies a hundred
// strings back quickly, where a hundred objects cost it as much as a hundred rows. And how records
// leave their packs (a row of theirs was written or removed). One kind to a pack.

import type { DBCoreTable, DBCoreTransaction } from 'dexie';
import type { Interaction } from '../../shared/domain/interaction';

export interface RecordPack {
  key?: number;
  /** The packed records' ids, in the order of `texts`. */
  ids: string[];
  /** Each packed record as JSON. */
  texts: string[];
}

/** A record as a pack holds it: anything with an id. */
export interface Packable {
  id: string;
}

/** The records a pack was made of, while its object lives: no need to decode them again. */
const madeOf = new WeakMap<RecordPack, readonly Packable[]>();

/** A pack of `records` (a hundred at most; the caller cuts them). */
export function packOf(records: readonly Packable[]): RecordPack {
  const pack = { ids: records.map((r) => r.id), texts: records.map((r) => JSON.stringify(r)) };
  madeOf.set(pack, records);
  return pack;
}

/** Every record of a pack (the caller knows its kind). */
export function unpack<T extends Packable>(pack: RecordPack): readonly T[] {
  return (
    (madeOf.get(pack) as readonly T[] | undefined) ?? pack.texts.map((t) => JSON.parse(t) as T)
  );
}

/** The pack's records whose ids are in `wanted`, each decoded alone. */
export function unpackSome<T extends Packable>(pack: RecordPack, wanted: ReadonlySet<string>): T[] {
  const found: T[] = [];
  pack.ids.forEach((id, i) => {
    if (wanted.has(id)) found.push(JSON.parse(pack.texts[i] as string) as T);
  });
  return found;
}

/** The pack without the records in `out` (its key kept), or null when none would be left. */
export function packWithout(
  pack: RecordPack & { key: number },
  out: ReadonlySet<string>,
): (RecordPack & { key: number }) | null {
  const kept = pack.ids.flatMap((id, i) => (out.has(id) ? [] : [i]));
  if (kept.length === 0) return null;
  return {
    key: pack.key,
    ids: kept.map((i) => pack.ids[i] as string),
    texts: kept.map((i) => pack.texts[i] as string),
  };
}

/** Takes `ids` out of the packs they are in: each pack written again without them, or removed. */
export async function removeFromPacks(
  packs: DBCoreTable,
  trans: DBCoreTransaction,
  ids: readonly string[],
  packOf: (id: string) => number | undefined,
): Promise<void> {
  const leaving = new Map<number, Set<string>>();
  for (const id of ids) {
    const key = packOf(id);
    if (key === undefined) continue;
    const set = leaving.get(key) ?? new Set<string>();
    set.add(id);
    leaving.set(key, set);
  }
  if (leaving.size === 0) return;
  const keys = [...leaving.keys()];
  const read = (await packs.getMany({ trans, keys })) as (RecordPack | undefined)[];
  const kept: RecordPack[] = [];
  const gone: number[] = [];
  read.forEach((pack, i) => {
    const key = keys[i] as number;
    const out = leaving.get(key);
    if (!pack || !out) return;
    const rest = packWithout({ ...pack, key }, out);
    if (rest === null) gone.push(key);
    else kept.push(rest);
  });
  if (kept.length > 0) await packs.mutate({ type: 'put', trans, values: kept });
  if (gone.length > 0) await packs.mutate({ type: 'delete', trans, keys: gone });
}

/** A pack as schema 17 stored it: the interactions themselves (the upgrade to 18 rewrites it). */
export interface PackOfObjects {
  key?: number;
  records: Interaction[];
}

/** A schema 17 pack in this form, with its key. */
export function fromObjects(pack: PackOfObjects): RecordPack {
  const next = packOf(pack.records);
  return pack.key === undefined ? next : { key: pack.key, ...next };
}
