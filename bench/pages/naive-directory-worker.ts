// The baseline for the first directory download: the same pages from the same desk server, each
// user stored as its own IndexedDB record with Dexie bulkPut, in a Worker like the store host.

import { Dexie, type Table } from 'dexie';
import type { User } from '../../shared/domain/directory';
import type { DirectoryPage } from '../../shared/sync/protocol';
import type { NaiveDirectoryResult } from '../bench-types';

export interface NaiveDirectoryRequest {
  token: string;
  pageSize: number;
  /** A throwaway database, deleted before and after. */
  dbName: string;
}

export type NaiveDirectoryAnswer = Omit<NaiveDirectoryResult, 'longTasks'> | { error: string };

type NaiveDb = Dexie & { users: Table<User, string> };

interface WorkerScope {
  location: { origin: string };
  onmessage: ((event: MessageEvent<NaiveDirectoryRequest>) => void) | null;
  postMessage(message: NaiveDirectoryAnswer): void;
}

async function download(request: NaiveDirectoryRequest, origin: string) {
  await Dexie.delete(request.dbName);
  // The store host's durability, so the comparison is layout against layout.
  const db = new Dexie(request.dbName, { chromeTransactionDurability: 'strict' }) as NaiveDb;
  db.version(1).stores({ users: '&id' });
  await db.open();
  const started = performance.now();
  let downloadMs = 0;
  let putMs = 0;
  let users = 0;
  let pages = 0;
  let cursor: string | null = null;
  try {
    for (;;) {
      let t = performance.now();
      const query = new URLSearchParams({ limit: String(request.pageSize) });
      if (cursor !== null) query.set('cursor', cursor);
      const response = await fetch(`${origin}/api/v1/directory?${query.toString()}`, {
        headers: { authorization: `Bearer ${request.token}` },
      });
      if (!response.ok) throw new Error(`GET /api/v1/directory answered ${response.status}.`);
      const page = (await response.json()) as DirectoryPage;
      downloadMs += performance.now() - t;
      t = performance.now();
      await db.users.bulkPut(page.users);
      putMs += performance.now() - t;
      users += page.users.length;
      pages += 1;
      cursor = page.cursor;
      if (!page.more) break;
    }
    return { users, pages, downloadMs, putMs, totalMs: performance.now() - started };
  } finally {
    db.close();
    await Dexie.delete(request.dbName);
  }
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  download(event.data, scope.location.origin).then(
    (result) => scope.postMessage(result),
    (error: unknown) =>
      scope.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
};
