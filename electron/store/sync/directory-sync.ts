// Downloads the directory from the desk server in pages (then only changes since its cursor) into
// the chunked tables, rebuilding the caller index once per sync. Never writes half a directory.

import type { ConfigurationItem, Group, User } from '../../../shared/domain/directory';
import { CALLER_FIELDS, CALLER_INDEX_FORMAT, buildCallerOrders } from '../caller-search';
import { readMeta, writeMeta, type DeskDb, type DirectoryChunk, type DirectoryMeta } from '../db';
import type { ProgressEvent } from '../directory-store';
import { CHUNK_SIZE, ItemTable, UserTable } from '../directory-table';
import { LoadedDirectory } from '../loaded-directory';
import type { DeskServerClient } from './desk-server-client';
import { readSyncMeta } from './interaction-sync';

export interface DirectorySyncDeps {
  db: DeskDb;
  client: DeskServerClient;
  token: string;
  /** The directory in memory now (the demo one, or the last download). */
  current: LoadedDirectory | null;
  emit: (event: ProgressEvent) => void;
  now: () => Date;
  pageSize: number;
}

export interface DirectorySyncOutcome {
  /** The new directory when anything changed; null when the desk was already current. */
  directory: LoadedDirectory | null;
  users: number;
  groups: number;
  configurationItems: number;
  full: boolean;
}

const progress = (phase: ProgressEvent['phase'], done: number, total: number): ProgressEvent => ({
  type: 'directory-progress',
  phase,
  done,
  total,
  source: 'server',
});

export async function syncDirectory(deps: DirectorySyncDeps): Promise<DirectorySyncOutcome> {
  const { db, client, token } = deps;
  const [syncMeta, directoryMeta] = await Promise.all([
    readSyncMeta(db),
    readMeta(db, 'directory'),
  ]);
  const fromServer = directoryMeta?.source === 'server' && deps.current !== null;
  let cursor = fromServer ? syncMeta.directoryCursor : null;
  let full = cursor === null;
  const users = new Map<string, User>();
  const groups = new Map<string, Group>();
  const items = new Map<string, ConfigurationItem>();
  let received = 0;
  for (;;) {
    const page = await client.directoryPage(token, cursor, deps.pageSize);
    if (page.reset && !full) {
      // The cursor belongs to another server database: start over from its first page.
      full = true;
      users.clear();
      groups.clear();
      items.clear();
      received = 0;
    }
    for (const u of page.users) users.set(u.id, u);
    for (const g of page.groups) groups.set(g.id, g);
    for (const c of page.configurationItems) items.set(c.id, c);
    received += page.users.length + page.groups.length + page.configurationItems.length;
    cursor = page.cursor;
    if (full)
      deps.emit(progress('generating', received, page.more ? received + deps.pageSize : received));
    if (!page.more) break;
  }
  const changed = users.size + groups.size + items.size;
  const counts = { users: users.size, groups: groups.size, configurationItems: items.size, full };
  if (!full && changed === 0) {
    await db.transaction('rw', db.meta, async () => {
      await writeMeta(db, 'sync', { ...(await readSyncMeta(db)), directoryCursor: cursor });
    });
    return { directory: null, ...counts };
  }

  let userTable: UserTable;
  let itemTable: ItemTable;
  let groupList: Group[];
  let userChunks: DirectoryChunk[];
  let itemChunks: DirectoryChunk[];
  const current = deps.current;
  if (full || !current) {
    userTable = UserTable.fromUsers([...users.values()]);
    itemTable = ItemTable.fromItems([...items.values()]);
    groupList = [...groups.values()];
    userChunks = userTable.toChunks();
    itemChunks = itemTable.toChunks();
  } else {
    const mergedUsers = mergeUsers(current.users, [...users.values()]);
    const mergedItems = mergeItems(current.items, [...items.values()]);
    userTable = mergedUsers.table;
    itemTable = mergedItems.table;
    groupList = current.groups.map((g) => groups.get(g.id) ?? g);
    const known = new Set(current.groups.map((g) => g.id));
    for (const g of groups.values()) if (!known.has(g.id)) groupList.push(g);
    userChunks = pickChunks(userTable.toChunks(), mergedUsers.changedChunks);
    itemChunks = pickChunks(itemTable.toChunks(), mergedItems.changedChunks);
  }
  const total = userTable.count + itemTable.count;
  // A progress bar for the first download only; a few changed users should not flash one.
  const emit = full ? deps.emit : () => undefined;
  emit(progress('indexing', 0, total));
  // Once per sync, never per user: sorting 600,000 keys is the expensive part.
  const orders = buildCallerOrders(userTable.columns);
  const loadedAt = deps.now().toISOString();
  const meta: DirectoryMeta = {
    source: 'server',
    seed: 0,
    loadedAt,
    users: userTable.count,
    groups: groupList.length,
    configurationItems: itemTable.count,
    chunkSize: CHUNK_SIZE,
    callerIndexFormat: CALLER_INDEX_FORMAT,
  };
  emit(progress('storing', 0, total));
  await db.transaction('rw', [db.directoryChunks, db.groups, db.callerIndex, db.meta], async () => {
    if (full) await Promise.all([db.directoryChunks.clear(), db.groups.clear()]);
    await db.directoryChunks.bulkPut([...userChunks, ...itemChunks]);
    await db.groups.bulkPut(groupList);
    await db.callerIndex.bulkPut(CALLER_FIELDS.map((field) => ({ field, order: orders[field] })));
    await writeMeta(db, 'directory', meta);
    await writeMeta(db, 'sync', { ...(await readSyncMeta(db)), directoryCursor: cursor });
  });
  const directory = new LoadedDirectory(userTable, groupList, itemTable, orders, loadedAt);
  emit(progress('ready', total, total));
  return { directory, ...counts };
}

function pickChunks(chunks: DirectoryChunk[], wanted: ReadonlySet<number>): DirectoryChunk[] {
  return chunks.filter((c) => wanted.has(c.seq));
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
  const vip = Array.from(table.vip);
  rows.forEach((row, i) => (vip[row] = encoded.vip[i] ?? 0));
  return {
    table: new UserTable(columns as UserTable['columns'], Uint8Array.from(vip)),
    changedChunks,
  };
}

/** Replaces changed configuration items in place and appends new ones; names the chunks touched. */
export function mergeItems(
  table: ItemTable,
  changes: readonly ConfigurationItem[],
): { table: ItemTable; changedChunks: Set<number> } {
  const { columns, changedChunks } = mergeColumns(table, ItemTable.fromItems(changes));
  return { table: new ItemTable(columns as ItemTable['columns']), changedChunks };
}
