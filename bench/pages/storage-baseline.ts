// The directory's storage layout against the obvious one: Dexie bulkPut/toArray of one record per
// user vs. the store host's column chunks, in the same page. Throwaway databases only; never 'deskpad'.

import { Dexie, type Table } from 'dexie';
import type { User } from '../../shared/domain/directory';
import { openDeskDb } from '../../electron/store/db';
import { UserTable } from '../../electron/store/directory-table';
import type { NaiveReadyResult, StorageResult } from '../bench-types';
import { buildMiniSearch } from './minisearch-baseline';

const NAIVE_DB = 'bench-naive-users';
const CHUNKS_DB = 'bench-chunked-users';

type NaiveDb = Dexie & { users: Table<User, string> };

/** The same durability as the store host, so the comparison is layout against layout. */
function openNaive(): NaiveDb {
  const db = new Dexie(NAIVE_DB, { chromeTransactionDurability: 'strict' }) as NaiveDb;
  db.version(1).stores({ users: '&id' });
  return db;
}

const elapsed = (since: number): number => performance.now() - since;

/** Writes the naive table (kept for naiveReady) and the chunks, then reads each from a fresh connection. */
export async function measureStorage(users: readonly User[]): Promise<StorageResult> {
  await Promise.all([Dexie.delete(NAIVE_DB), Dexie.delete(CHUNKS_DB)]);

  const naive = openNaive();
  let t = performance.now();
  await naive.users.bulkPut([...users]);
  const naiveWriteMs = elapsed(t);
  naive.close();
  const naiveAgain = openNaive();
  t = performance.now();
  const naiveRows = await naiveAgain.users.toArray();
  const naiveReadMs = elapsed(t);
  naiveAgain.close();

  const desk = await openDeskDb({ name: CHUNKS_DB });
  t = performance.now();
  // Columns from the users, then the chunks: all of it is what a first start pays to store.
  const chunks = UserTable.fromUsers(users).toChunks();
  await desk.directoryChunks.bulkPut(chunks);
  const chunkedWriteMs = elapsed(t);
  desk.close();
  const deskAgain = await openDeskDb({ name: CHUNKS_DB });
  t = performance.now();
  const stored = await deskAgain.directoryChunks.toArray();
  const chunkedReadMs = elapsed(t);
  t = performance.now();
  const table = UserTable.fromChunks(stored.filter((c) => c.kind === 'users'));
  const decodeMs = elapsed(t);
  deskAgain.close();
  await Dexie.delete(CHUNKS_DB);
  if (table.count !== users.length || naiveRows.length !== users.length)
    throw new Error(`Read back ${table.count} and ${naiveRows.length} of ${users.length} users.`);

  return {
    users: users.length,
    naive: { writeMs: naiveWriteMs, readMs: naiveReadMs, rows: users.length },
    chunked: {
      writeMs: chunkedWriteMs,
      readMs: chunkedReadMs,
      decodeMs,
      rows: chunks.length,
    },
  };
}

/** A restart of the naive design: read every user record, then build a MiniSearch index. */
export async function measureNaiveReady(): Promise<NaiveReadyResult> {
  const db = openNaive();
  const started = performance.now();
  const users = await db.users.toArray();
  const readMs = elapsed(started);
  const t = performance.now();
  buildMiniSearch(users);
  const indexMs = elapsed(t);
  db.close();
  await Dexie.delete(NAIVE_DB);
  return { users: users.length, readMs, indexMs, totalMs: elapsed(started) };
}
