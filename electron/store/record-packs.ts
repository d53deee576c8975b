// Closed interactions and incidents, ended calls and visits a hundred to an IndexedDB row (ADR 0020,
// "Packs"). IndexedDB costs a desk about the same per record whatever the record holds: a catch-up's
// 20,000 closed interactions were 20,000 rows and most of its time, and a first sync's 8,000 calls,
// 3,600 visits and 4,000 closed incidents 15,600 more. A pull that brings a closed record this desk
// does not hold in its table puts it in a pack of its kind; every other write is a row of the kind's
// table as before. Where each packed record is, is known in memory (read when the database opens).
// Each record is in one place: a row of the table wins, and a write or removal of a row takes it
// out of its pack in the same transaction. Reads by id go through `readPacked` (packed-records.ts);
// lists come from the record index (record-index.ts), never from an IndexedDB index, which a packed
// record has no entry in.

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
import type { RecordKind } from '../../shared/commands/record-set';
import { isLive, type Call } from '../../shared/domain/call';
import type { Incident } from '../../shared/domain/incident-record';
import { isClosed, type Interaction } from '../../shared/domain/interaction';
import { isFinalIncidentState } from '../../shared/domain/task-states';
import { isFinal, type Visit } from '../../shared/domain/visit';
import { removeFromPacks, type Packable, type RecordPack } from './record-pack-form';

/** Records to a pack: one read by id reads a hundred, one put stores a hundred. */
export const PACK_SIZE = 100;

/** The kinds whose closed records are packed: their table, their packs' table, which are closed. */
export const PACKED = {
  interaction: {
    table: 'interactions',
    packTable: 'interactionPacks',
    closed: (record: Packable): boolean => isClosed((record as Interaction).state),
  },
  call: {
    table: 'calls',
    packTable: 'callPacks',
    // A ringing or answered call changes by the second and the incoming banner reads it by state.
    closed: (record: Packable): boolean => !isLive(record as Call),
  },
  incident: {
    table: 'incidents',
    packTable: 'incidentPacks',
    // Resolved is not over: Callbacks due reads it by state, and the caller may reopen it.
    closed: (record: Packable): boolean => isFinalIncidentState((record as Incident).state),
  },
  visit: {
    table: 'visits',
    packTable: 'visitPacks',
    // A queued or served visit is the queue's, which reads it by location and state.
    closed: (record: Packable): boolean => isFinal((record as Visit).state),
  },
} as const;

export type PackedKind = keyof typeof PACKED;
export const PACKED_KINDS = Object.keys(PACKED) as PackedKind[];

export const isPackedKind = (kind: RecordKind): kind is PackedKind => Object.hasOwn(PACKED, kind);

export type { RecordPack } from './record-pack-form';

/** Which pack each packed record is in, and each pack's ids: as committed. */
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

const idsOf = (pack: RecordPack): readonly string[] => pack.ids;

/** One kind's packs: where each of its packed records is, and the middleware that keeps it so. */
export class RecordPacks {
  readonly #db: Dexie;
  readonly #table: string;
  readonly #packTable: string;
  readonly #directory = new PackDirectory();
  #loaded = false;
  readonly #pending = new WeakMap<object, PackChange[]>();
  /** Another connection (a second window) changed the packs: read them again. */
  #reloading: Promise<void> | null = null;

  constructor(db: Dexie, kind: PackedKind) {
    this.#db = db;
    this.#table = PACKED[kind].table;
    this.#packTable = PACKED[kind].packTable;
    this.middleware = this.#middleware();
    // Read before any other operation runs (Dexie waits for it): every read and write after the
    // open knows where each packed record is.
    db.on('ready', (vip: Dexie) => this.#load(vip), true);
    Dexie.on('storagemutated', this.#onMutated);
  }

  /** The pack a record is in (it may also have a row, which wins), as committed. */
  packOf(id: string): number | undefined {
    this.#mustBeLoaded();
    return this.#directory.packOf(id);
  }

  /** How many records are in packs. */
  get size(): number {
    return this.#directory.size;
  }

  /** Every packed record's id. */
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
      throw new Error(`The ${this.#packTable} are read when the database opens; it is not open.`);
  }

  async #load(db: Dexie = this.#db): Promise<void> {
    // A database opened at an older schema (a migration's test) has no packs.
    const packs = db.tables.some((t) => t.name === this.#packTable)
      ? await db.table<RecordPack, number>(this.#packTable).toArray()
      : [];
    this.#directory.clear();
    for (const pack of packs)
      if (pack.key !== undefined) this.#directory.set(pack.key, idsOf(pack));
    this.#loaded = true;
  }

  /** The observability sets of this connection's commits: applied already, nothing to read. */
  readonly #local = new WeakSet<object>();

  readonly #onMutated = (parts: ObservabilitySet): void => {
    if (!(`idb://${this.#db.name}/${this.#packTable}/` in parts)) return;
    // Dexie tells before this connection's commit listener has run: look a task later.
    this.#reloading = (this.#reloading ?? Promise.resolve())
      .then(() => new Promise((resolve) => setTimeout(resolve, 0)))
      .then(() => (this.#local.has(parts) || !this.#db.isOpen() ? undefined : this.#load()))
      .catch(() => undefined);
  };

  /** Installed once on the desk's Dexie before it opens, above the record index (createDeskDb). */
  readonly middleware: Middleware<DBCore>;

  #middleware(): Middleware<DBCore> {
    const table = this.#table;
    const packTable = this.#packTable;
    return {
      stack: 'dbcore',
      name: packTable,
      create: (down) => {
        // Asked for when first used: a database at an older schema (a migration's test) has none.
        let watched: DBCoreTable | null = null;
        const packs = () => (watched ??= this.#watchedPacks(down.table(packTable)));
        const withPacks = down.schema.tables.some((t) => t.name === packTable);
        return {
          ...down,
          // A write of the kind's rows may take records out of packs: the packs are in its
          // transaction, whatever tables its caller named (a put of one row is a transaction).
          transaction: (stores, mode, options) =>
            down.transaction(
              withPacks && mode === 'readwrite' && stores.includes(table)
                ? [...new Set([...stores, packTable])]
                : stores,
              mode,
              options,
            ),
          table: (name) => {
            if (name === packTable) return packs();
            const rows = down.table(name);
            return name === table ? this.#leavingPacks(rows, packs) : rows;
          },
        };
      },
    };
  }

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

  /** The kind's table: a row written or removed leaves its pack in the same transaction. */
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
                : (req.keys ?? req.values.map((v) => (v as Packable).id))) as string[]);
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
      i in res.failures ? [] : [{ key: keys[i] as number, ids: idsOf(value as RecordPack) }],
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

/** Whether the database's schema has the kind's packs table (interactions 17, calls 21, visits 22, incidents 23). */
export const hasPackTable = (db: Dexie, kind: PackedKind): boolean =>
  db.tables.some((t) => t.name === PACKED[kind].packTable);

const installed = new WeakMap<Dexie, Record<PackedKind, RecordPacks>>();

/** Gives `db` its packs, one set a packed kind: call before it opens, after the record index (createDeskDb). */
export function installRecordPacks(db: Dexie): void {
  const packs = {} as Record<PackedKind, RecordPacks>;
  for (const kind of PACKED_KINDS) {
    packs[kind] = new RecordPacks(db, kind);
    db.use(packs[kind].middleware);
  }
  installed.set(db, packs);
}

export function packsOf(db: Dexie, kind: PackedKind): RecordPacks {
  const packs = installed.get(db);
  if (!packs) throw new Error('This database has no record packs (createDeskDb installs them).');
  return packs[kind];
}
