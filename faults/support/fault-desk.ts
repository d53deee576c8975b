// A desk for the fault suite: the real store host (electron/store) on fake-indexeddb, syncing over real HTTP
// on loopback. Reopening it on the same IDBFactory is "restarting the desk"; it never reaches into the engine.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Interaction } from '../../shared/domain/interaction';
import type { StoreResult } from '../../shared/domain/result';
import type { SyncStatus } from '../../shared/store-api/contract';
import { createDeskDb } from '../../electron/store/db';
import { allInteractions } from '../../electron/store/interaction-packs';
import { openStoreHost, type LockManagerLike, type StoreHost } from '../../electron/store/index';
import { DEMO_PASSWORD } from '../../e2e/support/read-api';

/** Small, so a fresh server seeds and a desk downloads its directory in well under a second. */
export const DEMO_USERS = 200;
/** Retries within a second at most: the cases are about what arrives, not about waiting. */
export const FAST_BACKOFF = { baseMs: 100, maxMs: 1_000 };
const DB_NAME = 'deskpad';
/**
 * The hosts of one installation talk over a BroadcastChannel; every desk here lives in one process,
 * so each installation (one IndexedDB) gets a channel of its own, as separate machines would.
 */
const channels = new WeakMap<IDBFactory, string>();
let installations = 0;
function channelOf(factory: IDBFactory): string {
  let name = channels.get(factory);
  if (name === undefined) channels.set(factory, (name = `deskpad-sync-${++installations}`));
  return name;
}

export interface FaultDeskOptions {
  name: string;
  serverUrl: string;
  /** Another desk's factory: a second window of the same installation. */
  factory?: IDBFactory;
  /** Shared by the windows of one installation; null runs without a lock. */
  locks?: LockManagerLike | null;
  /** How long a request may go unanswered; the engine's default (30 s) when absent. */
  requestTimeoutMs?: number;
}

export function value<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

export class FaultDesk {
  readonly name: string;
  readonly factory: IDBFactory;
  private readonly options: FaultDeskOptions;
  private online = true;
  private readonly connectivity = new EventTarget();
  private current: StoreHost | null = null;
  /**
   * Who the agent at this desk is, as the test knows it (set by signIn; a second window of the same
   * installation is told): every record it saves must be opened by this user.
   */
  agentId: string | null = null;

  private constructor(options: FaultDeskOptions) {
    this.name = options.name;
    this.options = options;
    this.factory = options.factory ?? new IDBFactory();
  }

  static async open(options: FaultDeskOptions): Promise<FaultDesk> {
    const desk = new FaultDesk(options);
    await desk.start();
    return desk;
  }

  get host(): StoreHost {
    if (!this.current) throw new Error(`desk ${this.name} is closed`);
    return this.current;
  }

  isOpen(): boolean {
    return this.current !== null;
  }

  private async start(): Promise<void> {
    const host = await openStoreHost({
      dbName: DB_NAME,
      indexedDB: this.factory,
      IDBKeyRange,
      demoUsers: DEMO_USERS,
      onLine: () => this.online,
      connectivityEvents: this.connectivity,
      sync: {
        serverUrl: this.options.serverUrl,
        locks: this.options.locks ?? null,
        broadcastChannel: channelOf(this.factory),
        backoff: FAST_BACKOFF,
        directoryPageSize: 1000,
        ...(this.options.requestTimeoutMs !== undefined
          ? { requestTimeoutMs: this.options.requestTimeoutMs }
          : {}),
      },
    });
    await host.directoryReady();
    this.current = host;
  }

  /** Closes the store host (whatever it is doing) and opens it again on the same database. */
  async reopen(): Promise<void> {
    await this.close();
    await this.start();
  }

  async close(): Promise<void> {
    const host = this.current;
    this.current = null;
    await host?.close();
  }

  /** What navigator.onLine says, with the matching online/offline event. */
  setOnline(online: boolean): void {
    this.online = online;
    this.connectivity.dispatchEvent(new Event(online ? 'online' : 'offline'));
  }

  async signIn(userName = 'demo.agent'): Promise<void> {
    const session = value(
      await this.host.act('session.signIn', { userName, password: DEMO_PASSWORD }),
    );
    this.agentId = session.agent?.id ?? null;
  }

  async status(): Promise<SyncStatus> {
    return value(await this.host.query('sync.status', {}));
  }

  /** Every interaction the desk holds, read straight from its IndexedDB (rows and packs, by id). */
  async rows(): Promise<Interaction[]> {
    const db = createDeskDb({ name: DB_NAME, indexedDB: this.factory, IDBKeyRange });
    await db.open();
    try {
      return (await allInteractions(db)).sort((a, b) => a.id.localeCompare(b.id));
    } finally {
      db.close();
    }
  }

  /**
   * Waits (bounded) until the desk has synced and is idle and online, with nothing waiting to be
   * pushed and nothing refused.
   */
  async waitUntilDrained(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last: SyncStatus | null = null;
    while (Date.now() < deadline) {
      last = await this.status();
      const { pendingChanges, needsAttention, lastError, lastSyncedAt, connection } = last;
      const settled = lastError === null && lastSyncedAt !== null && connection === 'online';
      if (settled && pendingChanges === 0 && needsAttention === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // The whole status, so the failure says what the desk was doing (e.g. still "syncing").
    throw new Error(
      `desk ${this.name} did not drain within ${timeoutMs} ms: ${JSON.stringify(last)}`,
    );
  }
}
