// Closed interactions a hundred to an IndexedDB row (ADR 0020, "Packs"). IndexedDB costs a desk
// about the same per record whatever the record holds: a catch-up's 20,000 closed interactions were
// 20,000 rows and most of its time. A pull that brings a closed interaction this desk does not hold
// in its table puts it in a pack; every other write is a row of the interactions table as before.
// Where each packed interaction is, is known in memory (read when the database opens). Each
// interaction is in one place: a row of the table wins, and a write or removal of a row takes it out
// of its pack in the same transaction. Reads by id go through `getInteractions`.

import {
  cmp,
  Dexie,
  type DBCore,
  type DBCoreKeyRange,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
  type ObservabilitySet,
} from 'dexie';
import { isClosed, type Interaction } from '../../shared/domain/interaction';
import type { DeskDb } from './db';
import {
  packOf,
  removeFromPacks,
  unpack,
  unpackSome,
  type InteractionPack,
} from './interaction-pack-form';

export const PACK_TABLE = 'interactionPacks';
const INTERACTIONS = 'interactions';
/** Interactions to a pack: one read by id reads a hundred, one put stores a hundred. */
export const PACK_SIZE = 100;

export type { InteractionPack } from './interaction-pack-form';

/** Which pack each packed interaction is in, and each pack's ids: as committed. */
class PackDirectory {
  readonly #packOf = new Map<string, number>();
  readonly #ids = new Map<number, readonly string[]>();

  get size(): number {
    return this.#packOf.size;
  }

  packOf(id: string): number | undefined {
    return this.#packOf.get(id);
  }

  set(key: number, ids: readonly string[]): void {
    this.drop(key);
    if (ids.length === 0) return;
    this.#ids.set(key, ids);
    for (const id of ids) this.#packOf.set(id, key);
  }

  drop(key: number): void {
    for (const id of this.#ids.get(key) ?? [])
      if (this.#packOf.get(id) === key) this.#packOf.delete(id);
    this.#ids.delete(key);
  }

  clear(): void {
    this.#packOf.clear();
    this.#ids.clear();
  }

  ids(): IterableIterator<string> {
    return this.#packOf.keys();
  }
}

/** A change to the packs, applied to the directory when its transaction commits. */
type PackChange = { key: number; ids: readonly string[] } | { key: number; gone: true };

const idsOf = (pack: InteractionPack): readonly string[] => pack.ids;

export class InteractionPacks {
  readonly #db: Dexie;
  readonly #directory = new PackDirectory();
  #loaded = false;
  readonly #pending = new WeakMap<object, PackChange[]>();
  /** Another connection (a second window) changed the packs: read them again. */
  #reloading: Promise<void> | null = null;

  constructor(db: Dexie) {
    this.#db = db;
    // Read before any other operation runs (Dexie waits for it): every read and write after the
    // open knows where each packed interaction is.
    db.on('ready', (vip: Dexie) => this.#load(vip), true);
    Dexie.on('storagemutated', this.#onMutated);
  }

  /** The pack an interaction is in (it may also have a row, which wins), as committed. */
  packOf(id: string): number | undefined {
    this.#mustBeLoaded();
    return this.#directory.packOf(id);
  }

  /** How many interactions are in packs. */
  get size(): number {
    return this.#directory.size;
  }

  /** Every packed interaction's id. */
  packedIds(): string[] {
    this.#mustBeLoaded();
    return [...this.#directory.ids()];
  }

  close(): void {
    Dexie.on.storagemutated.unsubscribe(this.#onMutated);
  }

  /** Resolves once what another connection changed has been read again. */
  async settled(): Promise<void> {
    await this.#reloading;
  }

  #mustBeLoaded(): void {
    if (!this.#loaded)
      throw new Error('The interaction packs are read when the database opens; it is not open.');
  }

  async #load(db: Dexie = this.#db): Promise<void> {
    // A database opened at an older schema (a migration's test) has no packs.
    const packs = hasPacks(db) ? await db.table<InteractionPack, number>(PACK_TABLE).toArray() : [];
    this.#directory.clear();
    for (const pack of packs)
      if (pack.key !== undefined) this.#directory.set(pack.key, idsOf(pack));
    this.#loaded = true;
  }

  /** The observability sets of this connection's commits: applied already, nothing to read. */
  readonly #local = new WeakSet<object>();

  readonly #onMutated = (parts: ObservabilitySet): void => {
    if (!(`idb://${this.#db.name}/${PACK_TABLE}/` in parts)) return;
    // Dexie tells before this connection's commit listener has run: look a task later.
    this.#reloading = (this.#reloading ?? Promise.resolve())
      .then(() => new Promise((resolve) => setTimeout(resolve, 0)))
      .then(() => (this.#local.has(parts) || !this.#db.isOpen() ? undefined : this.#load()))
      .catch(() => undefined);
  };

  /** Installed once on the desk's Dexie before it opens, above the record index (createDeskDb). */
  readonly middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'interactionPacks',
    create: (down) => {
      // Asked for when first used: a database at an older schema (a migration's test) has none.
      let watched: DBCoreTable | null = null;
      const packs = () => (watched ??= this.#watchedPacks(down.table(PACK_TABLE)));
      const withPacks = down.schema.tables.some((t) => t.name === PACK_TABLE);
      return {
        ...down,
        // A write of interactions may take them out of packs: the packs are in its transaction,
        // whatever tables its caller named (a put of one row is a transaction of its own).
        transaction: (stores, mode, options) =>
          down.transaction(
            withPacks && mode === 'readwrite' && stores.includes(INTERACTIONS)
              ? [...new Set([...stores, PACK_TABLE])]
              : stores,
            mode,
            options,
          ),
        table: (name) => {
          if (name === PACK_TABLE) return packs();
          const table = down.table(name);
          return name === INTERACTIONS ? this.#leavingPacks(table, packs) : table;
        },
      };
    },
  };

  #watchedPacks(table: DBCoreTable): DBCoreTable {
    return {
      ...table,
      mutate: async (req) => {
        const res = await table.mutate(req);
        this.#note(req.trans, packChangesOf(req, res, this.#directory));
        return res;
      },
    };
  }

  /** The interactions table: a row written or removed leaves its pack in the same transaction. */
  #leavingPacks(table: DBCoreTable, packs: () => DBCoreTable): DBCoreTable {
    return {
      ...table,
      mutate: async (req) => {
        const res = await table.mutate(req);
        if (this.#directory.size === 0) return res;
        const ids =
          req.type === 'deleteRange'
            ? [...this.#directory.ids()].filter((id) => within(id, req.range))
            : ((req.type === 'delete'
                ? req.keys
                : (req.keys ?? req.values.map((v) => (v as Interaction).id))) as string[]);
        await removeFromPacks(packs(), req.trans, ids, (id) => this.#directory.packOf(id));
        return res;
      },
    };
  }

  #note(trans: DBCoreTransaction, changes: readonly PackChange[]): void {
    if (changes.length === 0) return;
    let pending = this.#pending.get(trans);
    if (!pending) {
      const list: PackChange[] = [];
      pending = list;
      this.#pending.set(trans, list);
      const idb = trans as unknown as IDBTransaction & { mutatedParts?: object };
      idb.addEventListener('complete', () => {
        if (idb.mutatedParts) this.#local.add(idb.mutatedParts);
        for (const change of list)
          if ('gone' in change) this.#directory.drop(change.key);
          else this.#directory.set(change.key, change.ids);
      });
    }
    pending.push(...changes);
  }
}

/** Whether a key is in a range (a clear's is IndexedDB's whole key space). */
const within = (key: unknown, range: DBCoreKeyRange): boolean =>
  (range.lower === undefined || cmp(key, range.lower) >= (range.lowerOpen ? 1 : 0)) &&
  (range.upper === undefined || cmp(key, range.upper) <= (range.upperOpen ? -1 : 0));

function packChangesOf(
  req: DBCoreMutateRequest,
  res: DBCoreMutateResponse,
  directory: PackDirectory,
): PackChange[] {
  if (req.type === 'add' || req.type === 'put') {
    const keys = (res.results ?? req.keys ?? []) as number[];
    return req.values.flatMap((value, i) =>
      i in res.failures ? [] : [{ key: keys[i] as number, ids: idsOf(value as InteractionPack) }],
    );
  }
  if (req.type === 'delete')
    return (req.keys as number[]).map((key) => ({ key, gone: true as const }));
  // A range of packs removed (a clear): every pack the directory knows within it.
  const keys = new Set<number>();
  for (const id of directory.ids()) {
    const key = directory.packOf(id);
    if (key !== undefined && within(key, req.range)) keys.add(key);
  }
  return [...keys].map((key) => ({ key, gone: true as const }));
}

/** Whether the database's schema has the packs table (every version from 17). */
export const hasPacks = (db: Dexie): boolean => db.tables.some((t) => t.name === PACK_TABLE);

const installed = new WeakMap<Dexie, InteractionPacks>();

/** Gives `db` its packs: call before it opens, after the record index (createDeskDb). */
export function installInteractionPacks(db: Dexie): InteractionPacks {
  const packs = new InteractionPacks(db);
  db.use(packs.middleware);
  installed.set(db, packs);
  return packs;
}

export function packsOf(db: Dexie): InteractionPacks {
  const packs = installed.get(db);
  if (!packs)
    throw new Error('This database has no interaction packs (createDeskDb installs them).');
  return packs;
}

/**
 * Interactions by id, in the order asked (undefined where the desk holds none): each from its row,
 * else from its pack. Inside a transaction, that transaction must include the packs table.
 */
export async function getInteractions(
  db: DeskDb,
  ids: readonly string[],
): Promise<(Interaction | undefined)[]> {
  const rows = await db.interactions.bulkGet([...ids]);
  const packs = packsOf(db);
  const wanted = new Map<number, Set<string>>();
  rows.forEach((row, i) => {
    const id = ids[i] as string;
    const key = row === undefined ? packs.packOf(id) : undefined;
    if (key === undefined) return;
    const set = wanted.get(key) ?? new Set<string>();
    set.add(id);
    wanted.set(key, set);
  });
  if (wanted.size === 0) return rows;
  const keys = [...wanted.keys()];
  const found = new Map<string, Interaction>();
  (await db.table<InteractionPack, number>(PACK_TABLE).bulkGet(keys)).forEach((pack, i) => {
    const want = wanted.get(keys[i] as number);
    if (pack && want) for (const record of unpackSome(pack, want)) found.set(record.id, record);
  });
  return rows.map((row, i) => row ?? found.get(ids[i] as string));
}

/**
 * The open interactions among `ids`, in the order asked (undefined where closed or not held). A
 * pack holds closed interactions only, so the rows alone answer and no pack is read.
 */
export async function getOpenInteractions(
  db: DeskDb,
  ids: readonly string[],
): Promise<(Interaction | undefined)[]> {
  const rows = await db.interactions.bulkGet([...ids]);
  return rows.map((row) => (row === undefined || isClosed(row.state) ? undefined : row));
}

/** One interaction by id, from its row or its pack. */
export async function getInteraction(db: DeskDb, id: string): Promise<Interaction | undefined> {
  return (await getInteractions(db, [id]))[0];
}

/** Every interaction the desk holds: the rows, and the packed ones that have none. */
export async function allInteractions(db: DeskDb): Promise<Interaction[]> {
  const [rows, packs] = await Promise.all([
    db.interactions.toArray(),
    db.table<InteractionPack, number>(PACK_TABLE).toArray(),
  ]);
  const held = new Set(rows.map((r) => r.id));
  const packed = packs.flatMap((p) => unpack(p).filter((r) => !held.has(r.id)));
  return [...rows, ...packed];
}

/** Every held interaction's id: the rows' and the packed ones'. */
export async function allInteractionIds(db: DeskDb): Promise<string[]> {
  const rows = await db.interactions.toCollection().primaryKeys();
  return [...new Set([...rows, ...packsOf(db).packedIds()])];
}

/**
 * Stores pulled interactions as the desk's view (putAsView; nothing waits): a closed one the table
 * has no row of goes in a pack — out of any pack it was in — the others are rows. Inside a rw
 * transaction over the interactions and the packs.
 */
export async function putPulledInteractions(
  db: DeskDb,
  records: readonly Interaction[],
): Promise<void> {
  const closed = records.filter((r) => isClosed(r.state));
  const rows = new Set(
    closed.length === 0
      ? []
      : await db.interactions
          .where(':id')
          .anyOf(closed.map((r) => r.id))
          .primaryKeys(),
  );
  // The page's latest version of each: a page lists a record once, but a snapshot's may not.
  const packed = new Map<string, Interaction>();
  for (const r of closed) if (!rows.has(r.id)) packed.set(r.id, r);
  const hot = records.filter((r) => !packed.has(r.id));
  const table = db.table<InteractionPack, number>(PACK_TABLE);
  if (packed.size > 0) {
    const packs = packsOf(db);
    const moving = [...packed.keys()].filter((id) => packs.packOf(id) !== undefined);
    if (moving.length > 0) {
      // Through the interactions table's own removal: a delete of ids it has no rows of.
      await db.interactions.bulkDelete(moving);
    }
    const all = [...packed.values()];
    const chunks: InteractionPack[] = [];
    for (let from = 0; from < all.length; from += PACK_SIZE)
      chunks.push(packOf(all.slice(from, from + PACK_SIZE)));
    await table.bulkAdd(chunks);
  }
  if (hot.length > 0) await db.interactions.bulkPut(hot);
}
