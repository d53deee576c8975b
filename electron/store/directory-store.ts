// Loads the directory from IndexedDB into memory, or at first start generates the demo one and
// stores it. Never writes part of a directory: chunks, groups, index and meta commit together.

import type { Directory } from '../../shared/domain/directory';
import { generateDirectory } from '../../shared/demo/directory-generator';
import type { StoreEvent } from '../../shared/store-api/contract';
import {
  CALLER_FIELDS,
  CALLER_INDEX_FORMAT,
  buildCallerOrders,
  ordersFit,
  type CallerOrders,
} from './caller-search';
import {
  CHUNK_SLOT,
  readMeta,
  writeMeta,
  type DeskDb,
  type DirectoryChunk,
  type DirectoryMeta,
} from './db';
import { CHUNK_SIZE, ItemTable, UserTable } from './directory-table';
import { LoadedDirectory } from './loaded-directory';

export type ProgressEvent = Extract<StoreEvent, { type: 'directory-progress' }>;

export interface DemoDirectorySource {
  users: number;
  seed: number;
}

export interface DirectoryLoad {
  directory: LoadedDirectory;
  /** Settles when a newly built directory (or index) is on disk; already settled otherwise. */
  persisted: Promise<void>;
}

const progress = (phase: ProgressEvent['phase'], done: number, total: number): ProgressEvent => ({
  type: 'directory-progress',
  phase,
  done,
  total,
});

/** The chunks of one stored directory: those from `base` on (a download may be writing others). */
async function readChunks(
  db: DeskDb,
  kind: DirectoryChunk['kind'],
  base: number,
): Promise<DirectoryChunk[]> {
  return db.directoryChunks
    .where('[kind+seq]')
    .between([kind, base], [kind, base + CHUNK_SLOT], true, false)
    .toArray();
}

/**
 * The directory for this desk. Search is ready as soon as it is in memory; at first start the
 * write to IndexedDB continues behind it (a crash before it commits just means generating again).
 */
export async function loadDirectory(
  db: DeskDb,
  source: DemoDirectorySource,
  now: () => Date,
  emit: (event: ProgressEvent) => void,
): Promise<DirectoryLoad> {
  const meta = await readMeta(db, 'directory');
  // A directory downloaded from the desk server is kept whatever the demo settings say.
  const current =
    meta?.source === 'server' ||
    (meta?.source === 'demo' && meta.seed === source.seed && meta.users === source.users);
  if (!meta || !current) return generateAndStore(db, source, now, emit);

  const total = meta.users + meta.configurationItems;
  emit(progress('indexing', 0, total));
  const [userChunks, itemChunks, groups, orderRows] = await db.transaction(
    'r',
    [db.directoryChunks, db.groups, db.callerIndex],
    () =>
      Promise.all([
        readChunks(db, 'users', meta.chunkBase ?? 0),
        readChunks(db, 'configurationItems', meta.chunkBase ?? 0),
        db.groups.toArray(),
        db.callerIndex.toArray(),
      ]),
  );
  const users = UserTable.fromChunks(userChunks);
  const items = ItemTable.fromChunks(itemChunks);
  const stored: Partial<CallerOrders> = Object.fromEntries(
    orderRows.map((row) => [row.field, row.order]),
  );
  let persisted = Promise.resolve();
  let orders: CallerOrders;
  if (meta.callerIndexFormat === CALLER_INDEX_FORMAT && ordersFit(users.columns, stored)) {
    orders = stored;
  } else {
    // This Deskpad folds names differently from the one that stored the index: rebuild it.
    orders = buildCallerOrders(users.columns);
    persisted = storeCallerIndex(db, orders, { ...meta, callerIndexFormat: CALLER_INDEX_FORMAT });
  }
  const directory = new LoadedDirectory(users, groups, items, orders, meta.loadedAt);
  emit(progress('ready', total, total));
  return { directory, persisted };
}

function generateAndStore(
  db: DeskDb,
  source: DemoDirectorySource,
  now: () => Date,
  emit: (event: ProgressEvent) => void,
): DirectoryLoad {
  emit(progress('generating', 0, source.users));
  const generated: Directory = generateDirectory(source);
  const users = UserTable.fromUsers(generated.users);
  const items = ItemTable.fromItems(generated.configurationItems);
  const total = users.count + items.count;
  emit(progress('indexing', 0, total));
  const orders = buildCallerOrders(users.columns);
  const meta: DirectoryMeta = {
    source: 'demo',
    seed: source.seed,
    loadedAt: now().toISOString(),
    users: users.count,
    groups: generated.groups.length,
    configurationItems: items.count,
    chunkSize: CHUNK_SIZE,
    callerIndexFormat: CALLER_INDEX_FORMAT,
  };
  const directory = new LoadedDirectory(users, generated.groups, items, orders, meta.loadedAt);
  emit(progress('storing', 0, total));
  const persisted = db
    .transaction('rw', [db.directoryChunks, db.groups, db.callerIndex, db.meta], async () => {
      await Promise.all([db.directoryChunks.clear(), db.groups.clear(), db.callerIndex.clear()]);
      await db.directoryChunks.bulkPut([...users.toChunks(), ...items.toChunks()]);
      await db.groups.bulkPut(generated.groups);
      await db.callerIndex.bulkPut(CALLER_FIELDS.map((field) => ({ field, order: orders[field] })));
      await writeMeta(db, 'directory', meta);
    })
    .then(() => emit(progress('ready', total, total)));
  return { directory, persisted };
}

async function storeCallerIndex(
  db: DeskDb,
  orders: CallerOrders,
  meta: DirectoryMeta,
): Promise<void> {
  await db.transaction('rw', [db.callerIndex, db.meta], async () => {
    await db.callerIndex.bulkPut(CALLER_FIELDS.map((field) => ({ field, order: orders[field] })));
    await writeMeta(db, 'directory', meta);
  });
}
