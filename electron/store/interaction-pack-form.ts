// What a pack of closed interactions holds (interaction-packs.ts; ADR 0020, "Packs"): their ids,
// and each one as JSON text. Reading one interaction of a pack decodes only that one: IndexedDB
// copies a hundred strings back quickly, where a hundred objects cost it as much as a hundred rows.
// And how interactions leave their packs (a row of theirs was written or removed).

import type { DBCoreTable, DBCoreTransaction } from 'dexie';
import type { Interaction } from '../../shared/domain/interaction';

export interface InteractionPack {
  key?: number;
  /** The packed interactions' ids, in the order of `texts`. */
  ids: string[];
  /** Each packed interaction as JSON. */
  texts: string[];
}

/** The interactions a pack was made of, while its object lives: no need to decode them again. */
const madeOf = new WeakMap<InteractionPack, readonly Interaction[]>();

/** A pack of `records` (a hundred at most; the caller cuts them). */
export function packOf(records: readonly Interaction[]): InteractionPack {
  const pack = { ids: records.map((r) => r.id), texts: records.map((r) => JSON.stringify(r)) };
  madeOf.set(pack, records);
  return pack;
}

/** Every interaction of a pack. */
export function unpack(pack: InteractionPack): readonly Interaction[] {
  return madeOf.get(pack) ?? pack.texts.map((text) => JSON.parse(text) as Interaction);
}

/** The pack's interactions whose ids are in `wanted`, each decoded alone. */
export function unpackSome(pack: InteractionPack, wanted: ReadonlySet<string>): Interaction[] {
  const found: Interaction[] = [];
  pack.ids.forEach((id, i) => {
    if (wanted.has(id)) found.push(JSON.parse(pack.texts[i] as string) as Interaction);
  });
  return found;
}

/** The pack without the interactions in `out` (its key kept), or null when none would be left. */
export function packWithout(
  pack: InteractionPack & { key: number },
  out: ReadonlySet<string>,
): (InteractionPack & { key: number }) | null {
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
  const read = (await packs.getMany({ trans, keys })) as (InteractionPack | undefined)[];
  const kept: InteractionPack[] = [];
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
export function fromObjects(pack: PackOfObjects): InteractionPack {
  const next = packOf(pack.records);
  return pack.key === undefined ? next : { key: pack.key, ...next };
}
