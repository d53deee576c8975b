// Keeps a desk's record index (record-index.ts) in step with its database, whoever writes: this
// connection's writes through a DBCore middleware, applied when their transaction commits (a
// command, a pull, a rebase, an eviction, the demo seed); another connection's (a second window of
// the browser build) by reading again what Dexie's `storagemutated` says it changed. Read whole
// once per start, in the background; a search waits for that. Tells who listens whose interactions
// changed, so the queries that read an agent's own work answer again. Never writes.

import {
  Dexie,
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type Middleware,
  type ObservabilitySet,
  type Table,
} from 'dexie';
import type { RecordKind } from '../../shared/commands/record-set';
import {
  hasPackTable,
  isPackedKind,
  PACKED,
  PACKED_KINDS,
  type PackedKind,
  type RecordPack,
} from './record-packs';
import { unpack } from './record-pack-form';
import { INDEXED_TABLES, RecordIndex, type RecordChange } from './record-index';

/** A part of an observability set: Dexie's RangeSet, or its plain copy from another window. */
interface RangeNode {
  from?: unknown;
  to?: unknown;
  l?: RangeNode | null;
  r?: RangeNode | null;
}

/** The single keys and whether any range is in a part (a bulk write of 50 or more is the whole table). */
function keysOf(part: RangeNode): { ids: string[]; range: boolean } {
  const ids: string[] = [];
  let range = false;
  const stack: RangeNode[] = [part];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
    if (!('from' in node)) continue;
    if (typeof node.from === 'string' && node.from === node.to) ids.push(node.from);
    else range = true;
  }
  return { ids, range };
}

/** What a committed mutation did to a word table's records. */
function changeOf(
  kind: RecordKind,
  req: DBCoreMutateRequest,
  res: DBCoreMutateResponse,
): RecordChange {
  if (req.type === 'add' || req.type === 'put') {
    // An add that failed on a key already there changed nothing; its words must not replace that
    // record's. (Dexie's bulkUpdate may send `updates` without values; nothing here uses it.)
    const records =
      res.numFailures === 0 ? req.values : req.values.filter((_, i) => !(i in res.failures));
    return { kind, type: 'put', records: records as object[] };
  }
  if (req.type === 'delete') return { kind, type: 'delete', ids: req.keys as string[] };
  return { kind, type: 'deleteRange', from: req.range.lower, to: req.range.upper };
}

const KINDS = Object.entries(INDEXED_TABLES);
/** Each packed kind by its packs' table. */
const PACK_TABLES: ReadonlyMap<string, PackedKind> = new Map(
  PACKED_KINDS.map((kind) => [PACKED[kind].packTable, kind]),
);
const WHOLE_READ_QUIET_MS = 500;
const WHOLE_READ_MAX_WAIT_MS = 5_000;

export class DeskRecordIndex {
  readonly index = new RecordIndex();
  readonly #db: Dexie;
  #loaded = false;
  #loading: Promise<void> | null = null;
  /** Changes committed while the index is read whole: applied after it, in commit order. */
  #queue: RecordChange[] | null = null;
  /** This connection's transactions' changes, until each commits. */
  readonly #pending = new WeakMap<object, RecordChange[]>();
  /** The observability sets of this connection's commits: already applied, nothing to read. */
  readonly #local = new WeakSet<object>();
  /** Another connection's changes are read one batch at a time, in the order they were told. */
  #refreshing: Promise<void> = Promise.resolve();
  /** Kinds whose whole table is due to be read again, and since when (`#readWholeSoon`). */
  readonly #wholeDue = new Map<
    RecordKind,
    { timer: ReturnType<typeof setTimeout>; since: number; name: string }
  >();

  /**
   * Told, after each change to the interactions is applied, the agents who opened or closed those
   * it wrote or removed.
   */
  readonly #listeners = new Set<(agents: ReadonlySet<string>) => void>();
  /** Told, after each change to the calls, visits or incidents is applied, which kinds changed. */
  readonly #movedListeners = new Set<(kinds: ReadonlySet<RecordKind>) => void>();

  constructor(db: Dexie) {
    this.#db = db;
    Dexie.on('storagemutated', this.#onMutated);
  }

  /** Installed once on the desk's Dexie before it opens (createDeskDb). */
  readonly middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'recordIndex',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        const packed = PACK_TABLES.get(name);
        if (packed) return this.#watchedPacks(table, packed);
        const kind = Object.hasOwn(INDEXED_TABLES, name) ? INDEXED_TABLES[name] : undefined;
        return kind ? this.#watched(table, kind) : table;
      },
    }),
  };

  /**
   * Resolves once the index holds every record of the database (read whole the first time) and
   * what another connection changed has been read again: a whole table due to be read a moment
   * later (`#readWholeSoon`) is read now, so a lookup never answers from before another window's
   * committed writes.
   */
  async ready(): Promise<void> {
    // What it holds is no answer once the database has closed: a query fails as IndexedDB's would.
    if (this.#db.hasBeenClosed()) throw new Dexie.DatabaseClosedError();
    if (!this.#loaded) {
      this.#loading ??= this.#load().finally(() => {
        this.#loading = null;
      });
      await this.#loading;
    }
    while (this.#looking) await this.#looking;
    for (const [kind, due] of this.#wholeDue) {
      clearTimeout(due.timer);
      this.#wholeDue.delete(kind);
      this.#readWhole(due.name, kind);
    }
    await this.#refreshing;
  }

  /** Read again whole at the next `ready` (the database closed while something was read). */
  forget(): void {
    this.#loaded = false;
  }

  /**
   * `listener` is told when interactions changed, with their agents, after the index has them;
   * until the returned function is called.
   */
  onInteractionsChanged(listener: (agents: ReadonlySet<string>) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * `listener` is told when calls, visits or incidents changed, which kinds, after the index has
   * them; until the returned function is called.
   */
  onListsMoved(listener: (kinds: ReadonlySet<RecordKind>) => void): () => void {
    this.#movedListeners.add(listener);
    return () => this.#movedListeners.delete(listener);
  }

  /** The database is closing: nothing more is told or read. */
  close(): void {
    this.#listeners.clear();
    this.#movedListeners.clear();
    Dexie.on.storagemutated.unsubscribe(this.#onMutated);
    for (const { timer } of this.#wholeDue.values()) clearTimeout(timer);
    this.#wholeDue.clear();
  }

  #watched(table: DBCoreTable, kind: RecordKind): DBCoreTable {
    return {
      ...table,
      mutate: async (req) => {
        const res = await table.mutate(req);
        this.#note(req.trans, changeOf(kind, req, res));
        return res;
      },
    };
  }

  /**
   * A pack written holds its records' latest versions (record-packs.ts): each is in one place, and
   * one that left a pack was written or removed in its row's table, which says so.
   */
  #watchedPacks(table: DBCoreTable, kind: PackedKind): DBCoreTable {
    return {
      ...table,
      mutate: async (req) => {
        const res = await table.mutate(req);
        if (req.type === 'add' || req.type === 'put') {
          const packs = req.values.filter((_, i) => !(i in res.failures)) as RecordPack[];
          const records = packs.flatMap((p) => unpack(p));
          this.#note(req.trans, { kind, type: 'put', records });
        }
        return res;
      },
    };
  }

  #note(trans: object, change: RecordChange): void {
    let pending = this.#pending.get(trans);
    if (!pending) {
      const changes: RecordChange[] = [];
      pending = changes;
      this.#pending.set(trans, changes);
      const idb = trans as IDBTransaction & { mutatedParts?: object };
      idb.addEventListener('complete', () => {
        if (idb.mutatedParts) this.#local.add(idb.mutatedParts);
        this.#commit(changes);
      });
    }
    pending.push(change);
  }

  #commit(changes: readonly RecordChange[]): void {
    if (this.#queue) this.#queue.push(...changes);
    else for (const change of changes) this.index.apply(change);
    this.#tellListeners();
  }

  #tellListeners(): void {
    if (this.#queue) return;
    const agents = this.index.takeTouched();
    if (agents) for (const listener of this.#listeners) listener(agents);
    const moved = this.index.takeMoved();
    if (moved.size > 0) for (const listener of this.#movedListeners) listener(moved);
  }

  async #load(): Promise<void> {
    this.#queue = [];
    try {
      const tables = KINDS.map(([name]) => this.#db.table<object, string>(name));
      const packed = PACKED_KINDS.flatMap((kind) => {
        const table = this.#packTable(kind);
        return table ? [{ kind, table }] : [];
      });
      const [read, packs] = await this.#db.transaction(
        'r',
        [...tables, ...packed.map((p) => p.table)],
        () =>
          Promise.all([
            Promise.all(tables.map((t) => t.toArray())),
            Promise.all(packed.map((p) => p.table.toArray())),
          ]),
      );
      this.index.clear();
      // The packed records first: a row of one (none, but for a moment) is the newer.
      packed.forEach(({ kind }, i) =>
        this.index.apply({
          kind,
          type: 'put',
          records: (packs[i] ?? []).flatMap((p) => unpack(p)),
        }),
      );
      KINDS.forEach(([, kind], i) =>
        this.index.apply({ kind, type: 'put', records: read[i] ?? [] }),
      );
      for (const change of this.#queue) this.index.apply(change);
      this.#loaded = true;
    } finally {
      this.#queue = null;
    }
    this.#tellListeners();
  }

  /**
   * What Dexie told since the last look. It tells before this connection's own commit listener has
   * run, so the sets are looked at a task later, when this connection's are known as its own.
   */
  readonly #told: ObservabilitySet[] = [];
  #looking: Promise<void> | null = null;

  readonly #onMutated = (parts: ObservabilitySet): void => {
    this.#told.push(parts);
    this.#looking ??= new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
      this.#looking = null;
      for (const told of this.#told.splice(0)) this.#lookAt(told);
    });
  };

  #lookAt(parts: ObservabilitySet): void {
    if (this.#local.has(parts) || !this.#db.isOpen()) return;
    for (const [name, kind] of KINDS) {
      const part = (parts as Record<string, RangeNode | undefined>)[
        `idb://${this.#db.name}/${name}/`
      ];
      if (part) this.#readAgain(name, kind, keysOf(part));
    }
    for (const [packTable, kind] of PACK_TABLES)
      if ((parts as Record<string, unknown>)[`idb://${this.#db.name}/${packTable}/`])
        this.#readWholeSoon(PACKED[kind].table, kind);
  }

  /** Reads again what another connection changed: those records, or the whole table. */
  #readAgain(name: string, kind: RecordKind, { ids, range }: ReturnType<typeof keysOf>): void {
    const table = this.#db.table<object, string>(name);
    if (range) {
      this.#readWholeSoon(name, kind);
      return;
    }
    this.#inTurn(async () => {
      const records = await table.bulkGet(ids);
      const held = records.filter((r): r is object => r !== undefined);
      const gone = ids.filter((_, i) => records[i] === undefined);
      this.#commit([
        { kind, type: 'put', records: held },
        { kind, type: 'delete', ids: gone },
      ]);
    });
  }

  /**
   * Another window's catch-up writes page after page, each a bulk write that names the whole
   * table: the table is read once they pause (WHOLE_READ_QUIET_MS), or every WHOLE_READ_MAX_WAIT_MS
   * while they go on, not after each page.
   */
  #readWholeSoon(name: string, kind: RecordKind): void {
    const due = this.#wholeDue.get(kind);
    if (due) clearTimeout(due.timer);
    const since = due?.since ?? Date.now();
    const wait = Math.min(
      WHOLE_READ_QUIET_MS,
      Math.max(0, since + WHOLE_READ_MAX_WAIT_MS - Date.now()),
    );
    const timer = setTimeout(() => {
      this.#wholeDue.delete(kind);
      this.#readWhole(name, kind);
    }, wait);
    this.#wholeDue.set(kind, { timer, since, name });
  }

  /** A kind's packs (record-packs.ts), when the schema has them (from 17 to 23: hasPackTable). */
  #packTable(kind: PackedKind): Table<RecordPack, number> | null {
    return hasPackTable(this.#db, kind)
      ? this.#db.table<RecordPack, number>(PACKED[kind].packTable)
      : null;
  }

  #readWhole(name: string, kind: RecordKind): void {
    const table = this.#db.table<object, string>(name);
    const packTable = isPackedKind(kind) ? this.#packTable(kind) : null;
    this.#inTurn(async () => {
      const [packs, records] = await this.#db.transaction(
        'r',
        packTable ? [table, packTable] : [table],
        () => Promise.all([packTable?.toArray() ?? [], table.toArray()]),
      );
      this.#commit([
        { kind, type: 'deleteRange', from: null, to: null },
        { kind, type: 'put', records: packs.flatMap((p) => unpack(p)) },
        { kind, type: 'put', records },
      ]);
    });
  }

  /** One reading again at a time, in the order they were told. */
  #inTurn(read: () => Promise<void>): void {
    this.#refreshing = this.#refreshing
      .then(read)
      // A closed database tells nothing more; the next start reads it whole.
      .catch(() => this.forget());
  }

  /** For tests: resolves once every reading again told so far, whole tables too, has been done. */
  async settled(): Promise<void> {
    while (this.#wholeDue.size > 0 || this.#looking) {
      await (this.#looking ?? new Promise((resolve) => setTimeout(resolve, WHOLE_READ_QUIET_MS)));
    }
    await this.ready();
  }
}

const indexes = new WeakMap<Dexie, DeskRecordIndex>();

/** Gives `db` its record index: call before it opens. */
export function installRecordIndex(db: Dexie): DeskRecordIndex {
  const index = new DeskRecordIndex(db);
  db.use(index.middleware);
  indexes.set(db, index);
  return index;
}

export function recordIndexOf(db: Dexie): DeskRecordIndex {
  const index = indexes.get(db);
  if (!index) throw new Error('This database has no record index (createDeskDb installs it).');
  return index;
}
