// Downloads the directory (and its catalog items and walk-up locations) from the desk server in pages, then only changes
// since its cursor; the next page is asked for while this one is folded in. Never writes half a
// directory: a full download is staged (directory-download.ts), changes commit in one transaction.

import type { CatalogItem } from '../../../shared/domain/catalog';
import type { PublishedArticle } from '../../../shared/domain/knowledge';
import type { ConfigurationItem, Group, User } from '../../../shared/domain/directory';
import type { WalkUpLocation } from '../../../shared/domain/walk-up-location';
import type { DirectoryPage } from '../../../shared/sync/protocol';
import { CALLER_FIELDS, CALLER_INDEX_FORMAT, buildCallerOrders } from '../caller-search';
import { readMeta, writeMeta, type DeskDb, type DirectoryChunk, type DirectoryMeta } from '../db';
import type { ProgressEvent } from '../directory-store';
import { CHUNK_SIZE, ItemTable, UserTable } from '../directory-table';
import { LoadedDirectory } from '../loaded-directory';
import type { DeskServerClient } from './desk-server-client';
import { FullDownload, groupOf, nextTask, type Pause } from './directory-download';
import { readSyncMeta } from './sync-meta';

export interface DirectorySyncDeps {
  db: DeskDb;
  client: DeskServerClient;
  token: string;
  /** The directory in memory now (the demo one, or the last download). */
  current: LoadedDirectory | null;
  emit: (event: ProgressEvent) => void;
  now: () => Date;
  pageSize: number;
  /** Between pieces of a page's work, so the host answers its ports (a fresh task by default). */
  pause?: Pause;
}

export interface DirectorySyncOutcome {
  /** The new directory when anything changed; null when the desk was already current. */
  directory: LoadedDirectory | null;
  users: number;
  groups: number;
  configurationItems: number;
  /** Request forms received (new, changed or retired); they are stored, not part of `directory`. */
  catalogItems: number;
  /** Walk-up locations received (new, changed or deactivated); stored in db.locations. */
  locations: number;
  full: boolean;
}

const progress = (phase: ProgressEvent['phase'], done: number, total: number): ProgressEvent => ({
  type: 'directory-progress',
  phase,
  done,
  total,
  source: 'server',
});

/**
 * The pages from a cursor on, each asked for as soon as the one before it has arrived: the server
 * prepares and sends page n + 1 while the desk folds in page n. Never more than one ahead.
 */
class PagesAhead {
  private readonly deps: DirectorySyncDeps;
  private pending: { page: Promise<DirectoryPage>; arrived: boolean } | null;

  constructor(deps: DirectorySyncDeps, cursor: string | null) {
    this.deps = deps;
    this.pending = this.ask(cursor);
  }

  /** The next page is still on its way: there is time for other work. */
  get waiting(): boolean {
    return this.pending !== null && !this.pending.arrived;
  }

  /** The next page (null after the last one), asking at once for the one after it. */
  async next(): Promise<DirectoryPage | null> {
    if (!this.pending) return null;
    const page = await this.pending.page;
    this.pending = page.more ? this.ask(page.cursor) : null;
    return page;
  }

  private ask(cursor: string | null): { page: Promise<DirectoryPage>; arrived: boolean } {
    const page = this.deps.client.directoryPage(this.deps.token, cursor, this.deps.pageSize);
    const pending = { page, arrived: false };
    // Also marks a failure as handled until next() awaits it.
    page.then(
      () => (pending.arrived = true),
      () => (pending.arrived = true),
    );
    return pending;
  }
}

/** Changes since the cursor, for a desk that has the server's directory already. */
interface Changes {
  users: Map<string, User>;
  groups: Map<string, Group>;
  items: Map<string, ConfigurationItem>;
  catalogItems: Map<string, CatalogItem>;
  /** null: retired, forget it. */
  knowledgeArticles: Map<string, PublishedArticle | null>;
  locations: Map<string, WalkUpLocation>;
}

export async function syncDirectory(deps: DirectorySyncDeps): Promise<DirectorySyncOutcome> {
  const { db } = deps;
  const pause = deps.pause ?? nextTask;
  const [syncMeta, directoryMeta] = await Promise.all([
    readSyncMeta(db),
    readMeta(db, 'directory'),
  ]);
  const current = directoryMeta?.source === 'server' ? deps.current : null;
  const currentBase = directoryMeta?.chunkBase ?? 0;
  const startCursor = current ? syncMeta.directoryCursor : null;
  let download = startCursor === null ? new FullDownload({ db, currentBase, pause }) : null;
  const changes: Changes = {
    users: new Map(),
    groups: new Map(),
    items: new Map(),
    catalogItems: new Map(),
    knowledgeArticles: new Map(),
    locations: new Map(),
  };
  let cursor = startCursor;
  let first = true;
  const pages = new PagesAhead(deps, startCursor);
  try {
    for (;;) {
      // While the next page is on its way, the caller index catches up with the rows so far.
      while (download && pages.waiting && download.indexStep()) await pause();
      const page = await pages.next();
      if (!page) break;
      if (page.reset) {
        // The cursor belongs to another server database: start over from its first page (this).
        if (!download) download = new FullDownload({ db, currentBase, pause });
        else if (!first) download.restart();
      }
      first = false;
      cursor = page.cursor;
      if (download) {
        await download.add(page);
        const { received } = download;
        deps.emit(
          progress('generating', received, page.more ? received + deps.pageSize : received),
        );
      } else {
        for (const u of page.users) changes.users.set(u.id, u);
        for (const g of page.groups) changes.groups.set(g.id, groupOf(g));
        for (const c of page.configurationItems) changes.items.set(c.id, c);
        for (const k of page.catalogItems) changes.catalogItems.set(k.id, k);
        for (const a of page.knowledgeArticles) changes.knowledgeArticles.set(a.id, a.article);
        for (const l of page.locations) changes.locations.set(l.id, l);
      }
    }
  } catch (error) {
    // Nothing of this attempt goes on writing after the cycle has ended (the host may close).
    await download?.settled();
    throw error;
  }
  if (cursor === null) throw new Error('The desk server sent no directory page.');

  if (download) {
    const counts = download.counts();
    const total = counts.users + counts.configurationItems + counts.catalogItems;
    deps.emit(progress('indexing', 0, total));
    const finished = await download.finish();
    deps.emit(progress('storing', 0, total));
    const directory = await download.commit(finished, cursor, deps.now().toISOString());
    deps.emit(progress('ready', total, total));
    return { directory, ...counts, full: true };
  }
  return applyChanges(deps, current, changes, cursor, currentBase);
}

/**
 * Merges the changes into the directory in memory and stores the chunks they touched; changed
 * catalog items are upserted (a retired one is kept, `active: false`, for the requests naming it).
 */
async function applyChanges(
  deps: DirectorySyncDeps,
  current: LoadedDirectory | null,
  changes: Changes,
  cursor: string,
  base: number,
): Promise<DirectorySyncOutcome> {
  const { db } = deps;
  const counts = {
    users: changes.users.size,
    groups: changes.groups.size,
    configurationItems: changes.items.size,
    catalogItems: changes.catalogItems.size,
    locations: changes.locations.size,
    full: false,
  };
  const catalogItems = [...changes.catalogItems.values()];
  const locations = [...changes.locations.values()];
  const knowledge = [...changes.knowledgeArticles.entries()];
  const storeKnowledge = async () => {
    await db.knowledgeArticles.bulkDelete(knowledge.flatMap(([id, a]) => (a ? [] : [id])));
    await db.knowledgeArticles.bulkPut(knowledge.flatMap(([, a]) => (a ? [a] : [])));
  };
  if (!current || counts.users + counts.groups + counts.configurationItems === 0) {
    const tables = [db.catalogItems, db.knowledgeArticles, db.locations, db.meta];
    await db.transaction('rw', tables, async () => {
      await storeKnowledge();
      await db.catalogItems.bulkPut(catalogItems);
      await db.locations.bulkPut(locations);
      await writeMeta(db, 'sync', { ...(await readSyncMeta(db)), directoryCursor: cursor });
    });
    return { directory: null, ...counts };
  }
  const mergedUsers = mergeUsers(current.users, [...changes.users.values()]);
  const mergedItems = mergeItems(current.items, [...changes.items.values()]);
  const userTable = mergedUsers.table;
  const itemTable = mergedItems.table;
  const groupList = current.groups.map((g) => changes.groups.get(g.id) ?? g);
  const known = new Set(current.groups.map((g) => g.id));
  for (const g of changes.groups.values()) if (!known.has(g.id)) groupList.push(g);
  const userChunks = pickChunks(userTable.toChunks(base), base, mergedUsers.changedChunks);
  const itemChunks = pickChunks(itemTable.toChunks(base), base, mergedItems.changedChunks);
  // Once per sync, never per user: sorting 600,000 keys is the expensive part.
  const orders = counts.users > 0 ? buildCallerOrders(userTable.columns) : current.orders;
  const loadedAt = deps.now().toISOString();
  const meta: DirectoryMeta = {
    source: 'server',
    seed: 0,
    loadedAt,
    users: userTable.count,
    groups: groupList.length,
    configurationItems: itemTable.count,
    chunkSize: CHUNK_SIZE,
    chunkBase: base,
    callerIndexFormat: CALLER_INDEX_FORMAT,
  };
  const tables = [
    db.directoryChunks,
    db.groups,
    db.callerIndex,
    db.catalogItems,
    db.knowledgeArticles,
    db.locations,
    db.meta,
  ];
  await db.transaction('rw', tables, async () => {
    await storeKnowledge();
    await db.directoryChunks.bulkPut([...userChunks, ...itemChunks]);
    await db.catalogItems.bulkPut(catalogItems);
    await db.locations.bulkPut(locations);
    await db.groups.bulkPut(groupList);
    if (counts.users > 0)
      await db.callerIndex.bulkPut(CALLER_FIELDS.map((field) => ({ field, order: orders[field] })));
    await writeMeta(db, 'directory', meta);
    await writeMeta(db, 'sync', { ...(await readSyncMeta(db)), directoryCursor: cursor });
  });
  return {
    directory: new LoadedDirectory(userTable, groupList, itemTable, orders, loadedAt),
    ...counts,
  };
}

/** The chunks holding the rows that changed (`wanted`: chunk numbers from the base). */
function pickChunks(
  chunks: DirectoryChunk[],
  base: number,
  wanted: ReadonlySet<number>,
): DirectoryChunk[] {
  return chunks.filter((c) => wanted.has(c.seq - base));
}

interface ColumnTable {
  readonly columns: Readonly<Record<string, readonly string[]>>;
  readonly count: number;
  indexOf(id: string): number | undefined;
  at(column: 'id', i: number): string;
}

/**
 * Copies the columns, replaces changed rows in place and appends new ones. Answers each changed
 * row's place (so per-row extras such as the VIP flags can follow) and the chunks touched.
 */
function mergeColumns(
  table: ColumnTable,
  encoded: ColumnTable,
): { columns: Record<string, string[]>; rows: number[]; changedChunks: Set<number> } {
  const columns = Object.fromEntries(
    Object.entries(table.columns).map(([name, values]) => [name, [...values]]),
  );
  const rows: number[] = [];
  const changedChunks = new Set<number>();
  let count = table.count;
  for (let i = 0; i < encoded.count; i++) {
    const row = table.indexOf(encoded.at('id', i)) ?? count++;
    for (const [name, values] of Object.entries(columns))
      values[row] = encoded.columns[name]?.[i] ?? '';
    rows.push(row);
    changedChunks.add(Math.floor(row / CHUNK_SIZE));
  }
  return { columns, rows, changedChunks };
}

/** Replaces changed users in place and appends new ones; names the chunks touched. */
export function mergeUsers(
  table: UserTable,
  changes: readonly User[],
): { table: UserTable; changedChunks: Set<number> } {
  const encoded = UserTable.fromUsers(changes);
  const { columns, rows, changedChunks } = mergeColumns(table, encoded);
  const flags = Array.from(table.flags);
  rows.forEach((row, i) => (flags[row] = encoded.flags[i] ?? 0));
  return {
    table: new UserTable(columns as UserTable['columns'], Uint8Array.from(flags)),
    changedChunks,
  };
}

/** Replaces changed configuration items in place and appends new ones; names the chunks touched. */
export function mergeItems(
  table: ItemTable,
  changes: readonly ConfigurationItem[],
): { table: ItemTable; changedChunks: Set<number> } {
  const encoded = ItemTable.fromItems(changes);
  const { columns, rows, changedChunks } = mergeColumns(table, encoded);
  const retired = Array.from(table.retired);
  rows.forEach((row, i) => (retired[row] = encoded.retired[i] ?? 0));
  return {
    table: new ItemTable(columns as ItemTable['columns'], Uint8Array.from(retired)),
    changedChunks,
  };
}
