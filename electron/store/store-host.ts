// The store host's public face: opens the desk's database and hands it to the host at work
// (desk-store-host), or to a host that says why it could not open. Never rejects at a window.

import { DEMO_AGENT_ID } from '../../shared/demo/directory-generator';
import type { StoreResult } from '../../shared/domain/result';
import type { ScopeSettings } from '../../shared/sync/scope';
import type {
  ActionInput,
  ActionName,
  ActionOutput,
  StoreHostApi,
} from '../../shared/store-api/contract';
import { openDeskDb, readMeta, writeMeta } from './db';
import { DeskStoreHost } from './desk-store-host';
import type { Logger } from './logger';
import { failedStoreHost, openFailure } from './store-host-errors';
import type { SyncEngine, SyncOptions } from './sync/sync-engine';

export { describeError, failedStoreHost, openFailure } from './store-host-errors';

export interface StoreHostOptions {
  dbName?: string;
  /** For tests (fake-indexeddb); the global ones otherwise. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  demoUsers?: number;
  demoSeed?: number;
  /** Demo incidents a local desk starts with (none with a desk server: those come by sync). */
  demoIncidents?: number;
  now?: () => Date;
  newId?: () => string;
  onLine?: () => boolean;
  /** Where `online`/`offline` events come from: the global scope unless a test passes its own. */
  connectivityEvents?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  /**
   * The desk server to sync with (the browser build passes its own origin). Absent: the desk
   * works on its own with the demo agent and directory, exactly as before sync existed.
   */
  sync?: SyncOptions;
  /**
   * What a desk holds (ADR 0020): N, M and the storage ceiling. A desk-side setting until the
   * administrators' setting reaches desks; SCOPE_DEFAULTS where absent.
   */
  scope?: Partial<ScopeSettings>;
  /** Where the host and its sync engine write what happened (a ring of recent lines by default). */
  logger?: Logger;
  /**
   * How long after opening the host leaves the CPU to the window's first screen before measuring
   * its storage for Sync details (SETTLE_MS by default; tests shorten it).
   */
  settleMs?: number;
}

/** The contract, plus what only the code that opened the host may do. */
export interface StoreHost extends StoreHostApi {
  /** Settles when the directory is in memory (or failed to load: queries then say why). */
  directoryReady(): Promise<void>;
  act<N extends ActionName>(name: N, input: ActionInput<N>): Promise<StoreResult<ActionOutput<N>>>;
  /** The sync runner, when a desk server is configured (tests drive it). */
  readonly sync: SyncEngine | null;
  close(): Promise<void>;
}

export const DEFAULT_DB_NAME = 'deskpad';
export async function openStoreHost(options: StoreHostOptions = {}): Promise<StoreHost> {
  const db = await openDeskDb({
    name: options.dbName ?? DEFAULT_DB_NAME,
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  });
  try {
    const newId = options.newId ?? (() => crypto.randomUUID());
    const session = await db.transaction('rw', db.meta, async () => {
      let clientId = await readMeta(db, 'clientId');
      if (clientId === undefined) await writeMeta(db, 'clientId', (clientId = newId()));
      let agentId = await readMeta(db, 'agentId');
      if (agentId === undefined) await writeMeta(db, 'agentId', (agentId = DEMO_AGENT_ID));
      return { clientId, agentId };
    });
    const host = new DeskStoreHost(db, session, options);
    await host.startSync();
    return host;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * The host as a window should see it from the first instant: calls made while the database
 * opens wait for it, and if it cannot open, every call gets the reason. Never rejects.
 */
export function startStoreHost(options: StoreHostOptions = {}): {
  api: StoreHostApi;
  opened: Promise<StoreHostApi>;
} {
  const opened = openStoreHost(options).catch((e: unknown) => failedStoreHost(openFailure(e)));
  const api: StoreHostApi = {
    command: async (name, input) => (await opened).command(name, input),
    query: async (name, input) => (await opened).query(name, input),
    act: async (name, input) => (await opened).act(name, input),
    subscribe: async (name, input, listener) => (await opened).subscribe(name, input, listener),
    onEvent: async (listener) => (await opened).onEvent(listener),
  };
  return { api, opened };
}
