// A first (full) directory download in progress: each page goes into the columns and stored chunks
// as it arrives, the caller index is built while the next is on its way. Never shows half of one.
//
// Chunks are written under the chunk base the stored directory does not use (db.ts CHUNK_SLOT):
// the directory in use stays whole on disk until commit() switches the base in one transaction.

import type { CatalogItem } from '../../../shared/domain/catalog';
import type { PublishedArticle } from '../../../shared/domain/knowledge';
import type { Group } from '../../../shared/domain/directory';
import type { WalkUpLocation } from '../../../shared/domain/walk-up-location';
import type { DirectoryPage } from '../../../shared/sync/protocol';
import { CallerIndexBuilder } from '../caller-index-builder';
import {
  CALLER_FIELDS,
  CALLER_INDEX_FORMAT,
  buildCallerOrders,
  type CallerOrders,
} from '../caller-search';
import { CHUNK_SLOT, writeMeta, type DeskDb, type DirectoryChunk, type DirectoryMeta } from '../db';
import {
  CHUNK_SIZE,
  ItemTableBuilder,
  UserTableBuilder,
  type ItemTable,
  type UserTable,
} from '../directory-table';
import { LoadedDirectory } from '../loaded-directory';
import { readSyncMeta } from './sync-meta';

/** Users indexed in one piece of work (a page's worth): a few ms to sort, then the merges. */
const INDEX_STEP_USERS = 5000;

/** Full chunks written together while a download runs (8,000 rows, under two pages). */
const STAGE_CHUNKS = 4;

/** Lets the host answer its ports between pieces of work. */
export type Pause = () => Promise<void>;

/** A task boundary without timer clamping (nested setTimeouts wait 4 ms each). */
export const nextTask: Pause = () =>
  new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });

/** Only the fields of the shape: a page may carry others, and groups are stored as they are. */
export const groupOf = (g: Group): Group => ({
  id: g.id,
  name: g.name,
  description: g.description,
  memberIds: g.memberIds,
});

const KINDS = ['users', 'configurationItems'] as const;
type Kind = (typeof KINDS)[number];

/** Deletes the chunks of `kind` numbered [from, to). */
async function deleteChunks(db: DeskDb, kind: Kind, from: number, to: number): Promise<void> {
  await db.directoryChunks
    .where('[kind+seq]')
    .between([kind, from], [kind, to], true, false)
    .delete();
}

/** What a download built, ready to be stored. */
export interface FinishedDownload {
  users: UserTable;
  items: ItemTable;
  groups: Group[];
  orders: CallerOrders;
  catalogItems: CatalogItem[];
  /** Only the published ones: a retired article in a full download is simply not kept. */
  knowledgeArticles: PublishedArticle[];
  locations: WalkUpLocation[];
}

/**
 * Writes staged chunks one transaction after another, in order, whatever happens to the download
 * that made them: a download that starts over queues its clearing behind the old writes.
 */
class ChunkWriter {
  private readonly db: DeskDb;
  private writing: Promise<void> = Promise.resolve();

  constructor(db: DeskDb) {
    this.db = db;
  }

  /** Empties [base, base + CHUNK_SLOT): what a download left there before it was cut short. */
  clear(base: number): void {
    this.queue(async () => {
      for (const kind of KINDS) await deleteChunks(this.db, kind, base, base + CHUNK_SLOT);
    });
  }

  put(chunks: DirectoryChunk[]): void {
    if (chunks.length > 0) this.queue(() => this.db.directoryChunks.bulkPut(chunks));
  }

  /** Settles when every write queued so far is on disk; throws the first that failed. */
  done(): Promise<void> {
    return this.writing;
  }

  private queue(write: () => Promise<unknown>): void {
    this.writing = this.writing.then(async () => {
      await write();
    });
    // Reported by done(); meanwhile nobody waits on it.
    void this.writing.catch(() => undefined);
  }
}

export interface FullDownloadDeps {
  db: DeskDb;
  /** The chunk base of the directory stored now: this download writes under the other one. */
  currentBase: number;
  pause: Pause;
}

/** One full download, from its first page (or a reset) to the commit. */
export class FullDownload {
  /** Users, groups, configuration items and catalog items received, as the progress bar counts them. */
  received = 0;
  private readonly deps: FullDownloadDeps;
  private readonly base: number;
  private readonly writer: ChunkWriter;
  private users = new UserTableBuilder();
  private items = new ItemTableBuilder();
  private groups = new Map<string, Group>();
  private catalogItems = new Map<string, CatalogItem>();
  private knowledgeArticles = new Map<string, PublishedArticle | null>();
  private locations = new Map<string, WalkUpLocation>();
  private index = new CallerIndexBuilder();
  private staged: Record<Kind, number> = { users: 0, configurationItems: 0 };
  /** The last page brought users: more may follow. */
  private usersComing = true;

  constructor(deps: FullDownloadDeps) {
    this.deps = deps;
    this.base = deps.currentBase === 0 ? CHUNK_SLOT : 0;
    this.writer = new ChunkWriter(deps.db);
    this.writer.clear(this.base);
  }

  /** The server began again from its first page (its database changed under the cursor). */
  restart(): void {
    this.received = 0;
    this.users = new UserTableBuilder();
    this.items = new ItemTableBuilder();
    this.groups = new Map();
    this.catalogItems = new Map();
    this.knowledgeArticles = new Map();
    this.locations = new Map();
    this.index = new CallerIndexBuilder();
    this.staged = { users: 0, configurationItems: 0 };
    this.usersComing = true;
    this.writer.clear(this.base);
  }

  /** Folds one page's rows in and queues the chunks they filled; the index waits for a lull. */
  async add(page: DirectoryPage): Promise<void> {
    for (const user of page.users) this.users.add(user);
    for (const item of page.configurationItems) this.items.add(item);
    for (const group of page.groups) this.groups.set(group.id, groupOf(group));
    for (const item of page.catalogItems) this.catalogItems.set(item.id, item);
    for (const entry of page.knowledgeArticles) this.knowledgeArticles.set(entry.id, entry.article);
    for (const location of page.locations) this.locations.set(location.id, location);
    this.received +=
      page.users.length +
      page.groups.length +
      page.configurationItems.length +
      page.catalogItems.length;
    this.usersComing = page.users.length > 0;
    this.stage('users', this.users);
    this.stage('configurationItems', this.items);
    await this.deps.pause();
  }

  /**
   * One piece of caller-index work, when there is any: the users not indexed yet for one field (at
   * most INDEX_STEP_USERS of them), or, once pages stop bringing users, one merge of a field's
   * runs. The caller runs pieces while it waits for the next page, so the index costs the
   * download no time when the server is the slower side, and runs grow to whole pages' worth
   * when the desk is.
   */
  indexStep(): boolean {
    // A user changed after being indexed makes the runs stale: the index is sorted whole at the end.
    if (this.users.rewritten.size > 0) return false;
    const { columns, count } = this.users;
    for (const field of CALLER_FIELDS) {
      const indexed = this.index.indexed(field);
      if (indexed < count) {
        this.index.add(columns, field, Math.min(count, indexed + INDEX_STEP_USERS));
        return true;
      }
    }
    // Merging runs early is work thrown away if more users come: the last page had none.
    return !this.usersComing && CALLER_FIELDS.some((field) => this.index.mergeOnce(field));
  }

  /** Settles when the chunk writes queued so far have (whatever their outcome). */
  async settled(): Promise<void> {
    await this.writer.done().catch(() => undefined);
  }

  counts(): {
    users: number;
    groups: number;
    configurationItems: number;
    catalogItems: number;
    locations: number;
  } {
    return {
      locations: this.locations.size,
      users: this.users.count,
      groups: this.groups.size,
      configurationItems: this.items.count,
      catalogItems: this.catalogItems.size,
    };
  }

  /** The tables and the caller index as they stand: the index's last merges, a field at a time. */
  async finish(): Promise<FinishedDownload> {
    const users = this.users.build();
    const items = this.items.build();
    let orders = {} as CallerOrders;
    if (this.users.rewritten.size === 0) {
      this.usersComing = false;
      while (this.indexStep()) await this.deps.pause();
      for (const field of CALLER_FIELDS) {
        orders[field] = this.index.finishField(users.columns, field);
        await this.deps.pause();
      }
    } else {
      orders = buildCallerOrders(users.columns);
    }
    return {
      users,
      items,
      groups: [...this.groups.values()],
      orders,
      catalogItems: [...this.catalogItems.values()],
      knowledgeArticles: [...this.knowledgeArticles.values()].filter((a) => a !== null),
      locations: [...this.locations.values()],
    };
  }

  /**
   * Stores what is not on disk yet, the groups, the index, the catalog and the walk-up locations
   * (replacing the ones kept: a full download is the whole of them) and the meta with the new chunk base, in one
   * transaction, and answers the directory once it has committed.
   */
  async commit(
    finished: FinishedDownload,
    cursor: string,
    loadedAt: string,
  ): Promise<LoadedDirectory> {
    const { db } = this.deps;
    const { users, items, groups, orders, catalogItems, knowledgeArticles, locations } = finished;
    const rest = [
      ...this.unstaged('users', this.users),
      ...this.unstaged('configurationItems', this.items),
    ];
    const meta: DirectoryMeta = {
      source: 'server',
      seed: 0,
      loadedAt,
      users: users.count,
      groups: groups.length,
      configurationItems: items.count,
      chunkSize: CHUNK_SIZE,
      chunkBase: this.base,
      callerIndexFormat: CALLER_INDEX_FORMAT,
    };
    await this.writer.done();
    const old = this.base === 0 ? CHUNK_SLOT : 0;
    await db.transaction(
      'rw',
      [
        db.directoryChunks,
        db.groups,
        db.callerIndex,
        db.catalogItems,
        db.knowledgeArticles,
        db.locations,
        db.meta,
      ],
      async () => {
        await db.directoryChunks.bulkPut(rest);
        for (const [kind, count] of [
          ['users', users.count],
          ['configurationItems', items.count],
        ] as const) {
          // Whatever an earlier, longer attempt left beyond this directory's last chunk, and the
          // directory this one replaces.
          await deleteChunks(
            db,
            kind,
            this.base + Math.ceil(count / CHUNK_SIZE),
            this.base + CHUNK_SLOT,
          );
          await deleteChunks(db, kind, old, old + CHUNK_SLOT);
        }
        await db.groups.clear();
        await db.groups.bulkPut(groups);
        await db.catalogItems.clear();
        await db.catalogItems.bulkPut(catalogItems);
        await db.knowledgeArticles.clear();
        await db.knowledgeArticles.bulkPut(knowledgeArticles);
        await db.locations.clear();
        await db.locations.bulkPut(locations);
        await db.callerIndex.bulkPut(
          CALLER_FIELDS.map((field) => ({ field, order: orders[field] })),
        );
        await writeMeta(db, 'directory', meta);
        await writeMeta(db, 'sync', { ...(await readSyncMeta(db)), directoryCursor: cursor });
      },
    );
    return new LoadedDirectory(users, groups, items, orders, loadedAt);
  }

  /** Queues the chunks the builder has filled since they were last queued, a few at a time. */
  private stage(kind: Kind, builder: UserTableBuilder | ItemTableBuilder): void {
    const full = Math.floor(builder.count / CHUNK_SIZE);
    // A few chunks a transaction: each strict commit waits for the disk.
    if (full - this.staged[kind] < STAGE_CHUNKS) return;
    const chunks: DirectoryChunk[] = [];
    for (let seq = this.staged[kind]; seq < full; seq++)
      chunks.push(builder.chunk(this.base + seq, seq * CHUNK_SIZE, (seq + 1) * CHUNK_SIZE));
    this.staged[kind] = full;
    this.writer.put(chunks);
  }

  /** The chunks not staged yet: the last, partly filled one, and staged ones with rows rewritten. */
  private unstaged(kind: Kind, builder: UserTableBuilder | ItemTableBuilder): DirectoryChunk[] {
    const seqs = new Set<number>();
    for (const row of builder.rewritten) seqs.add(Math.floor(row / CHUNK_SIZE));
    for (let seq = this.staged[kind]; seq * CHUNK_SIZE < builder.count; seq++) seqs.add(seq);
    return [...seqs].map((seq) =>
      builder.chunk(
        this.base + seq,
        seq * CHUNK_SIZE,
        Math.min(builder.count, (seq + 1) * CHUNK_SIZE),
      ),
    );
  }
}
