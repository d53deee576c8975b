// Fixtures for this folder's *.with-server tests: a store host on fake-indexeddb that syncs with a
// real desk server (server/testing/demo-server.ts) and is signed in. Imported by tests only.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { ScopeSettings } from '../../../shared/sync/scope';
import { openDeskDb, type DeskDb } from '../db';
import { openStoreHost, type StoreHost } from '../store-host';
import type { FetchLike } from './desk-server-client';

/** The desk server to sync with and whom to sign in as (a `DemoServer` is one). */
export interface SyncServer {
  serverUrl: string;
  agent: { userName: string; password: string };
}

export interface SyncingDeskOptions {
  newId: () => string;
  /** The network; the global fetch when absent. */
  fetch?: FetchLike;
  now?: () => Date;
  scope?: Partial<ScopeSettings>;
}

export interface SyncingDesk {
  host: StoreHost;
  /** A second connection to the desk's database, to read what the host stored. */
  openDb: () => Promise<DeskDb>;
}

/**
 * A desk with the demo directory, set to sync with `server` by hand (no timers, no locks, no
 * broadcast), its directory ready and the agent signed in. The caller closes the host.
 */
export async function openSyncingDesk(
  server: SyncServer,
  options: SyncingDeskOptions,
): Promise<SyncingDesk> {
  const indexedDB = new IDBFactory();
  const host = await openStoreHost({
    dbName: 'desk',
    indexedDB,
    IDBKeyRange,
    demoUsers: 100,
    ...(options.now ? { now: options.now } : {}),
    newId: options.newId,
    ...(options.scope ? { scope: options.scope } : {}),
    onLine: () => true,
    connectivityEvents: new EventTarget(),
    sync: {
      serverUrl: server.serverUrl,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      timers: { set: () => () => {} },
      random: () => 0,
      locks: null,
      broadcastChannel: null,
    },
  });
  try {
    await host.directoryReady();
    const signedIn = await host.act('session.signIn', server.agent);
    if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.error.message}`);
  } catch (e) {
    await host.close();
    throw e;
  }
  return {
    host,
    openDb: () => openDeskDb({ name: 'desk', indexedDB, IDBKeyRange }),
  };
}
