// The desk's sync runner: one per installation (Web Locks), it signs in, pushes the outbox, pulls
// and rebases, keeps the directory current, listens for pokes and backs off with jitter. Never blocks a command.

import { fail, ok, type StoreResult } from '../../../shared/domain/result';
import type { SessionState, SyncStatus } from '../../../shared/store-api/contract';
import type { SignInRequest } from '../../../shared/sync/server-api';
import { readMeta, type DeskDb, type StoredSession } from '../db';
import type { ProgressEvent } from '../directory-store';
import type { LoadedDirectory } from '../loaded-directory';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff';
import {
  DeskServerError,
  createDeskServerClient,
  type DeskServerClient,
  type FetchLike,
} from './desk-server-client';
import { syncDirectory } from './directory-sync';
import { pullAndRebase, pushOutbox, readSyncMeta, type RefusalMap } from './interaction-sync';

/** Cancels what it scheduled. */
export type Cancel = () => void;

export interface Timers {
  set(callback: () => void, ms: number): Cancel;
}

/** The part of `navigator.locks` the runner uses. */
export interface LockManagerLike {
  request(name: string, callback: (lock: unknown) => Promise<void>): Promise<unknown>;
}

export interface SyncOptions {
  /** The desk server, e.g. the page's own origin in the browser build. */
  serverUrl: string;
  fetch?: FetchLike;
  random?: () => number;
  timers?: Timers;
  /** `navigator.locks` by default; null runs without a lock (one host per installation anyway). */
  locks?: LockManagerLike | null;
  backoff?: BackoffPolicy;
  directoryPageSize?: number;
  /** How soon after a local change it is pushed (several quick saves go in one push). */
  pushDelayMs?: number;
}

/** What the runner needs from the store host that owns it. */
export interface SyncHost {
  db: DeskDb;
  clientId: string;
  now: () => Date;
  onLine: () => boolean;
  directory(): LoadedDirectory | null;
  directoryReady(): Promise<void>;
  replaceDirectory(directory: LoadedDirectory): void;
  /** The signed-in agent changed: the host acts as this agent from now on. */
  agentChanged(agentId: string): Promise<void>;
  emit(event: ProgressEvent): void;
  /** Sync status or session changed: live queries of them should answer again. */
  changed(): void;
}

export const SYNC_LOCK_NAME = 'deskpad-sync';

const defaultTimers: Timers = {
  set(callback, ms) {
    const handle = setTimeout(callback, ms);
    return () => clearTimeout(handle);
  },
};

function defaultLocks(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks ?? null;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class SyncEngine {
  readonly client: DeskServerClient;
  private readonly host: SyncHost;
  private readonly options: SyncOptions;
  private readonly timers: Timers;
  private readonly random: () => number;
  private session: StoredSession | null = null;
  /** Null until the first probe: then whether a desk server answers at serverUrl. */
  private serverReachable: boolean | null = null;
  private connection: SyncStatus['connection'] = 'online';
  private lastError: string | null = null;
  private lastSyncedAt: string | null = null;
  private attempt = 0;
  private leader = false;
  private stopped = false;
  private running: Promise<void> | null = null;
  private again = false;
  private pending: { at: number; cancel: Cancel } | null = null;
  private events: AbortController | null = null;
  private releaseLock: (() => void) | null = null;
  private readonly refusals: RefusalMap = new Map();
  private readonly lifetime = new AbortController();
  /** Settles when the first cycle after start (or after `syncNow`) has finished; for tests and `sync.now`. */
  private idleWaiters: (() => void)[] = [];

  constructor(host: SyncHost, options: SyncOptions) {
    this.host = host;
    this.options = options;
    this.timers = options.timers ?? defaultTimers;
    this.random = options.random ?? Math.random;
    const fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    // Closing the host ends every request in flight, so close() never waits on a hung server.
    this.client = createDeskServerClient(options.serverUrl, (input, init) =>
      fetchFn(input, init?.signal ? init : { ...init, signal: this.lifetime.signal }),
    );
  }

  // ---- lifecycle ----

  async start(): Promise<void> {
    this.session = (await readMeta(this.host.db, 'session')) ?? null;
    this.lastSyncedAt = (await readSyncMeta(this.host.db)).lastSyncedAt;
    this.connection = this.host.onLine() ? 'online' : 'offline';
    const locks = this.options.locks === undefined ? defaultLocks() : this.options.locks;
    if (!locks) {
      this.becomeLeader();
      return;
    }
    // Held until stop(): another host of this installation (a second tab's worker) waits here.
    void locks
      .request(SYNC_LOCK_NAME, () => {
        if (this.stopped) return Promise.resolve();
        this.becomeLeader();
        return new Promise<void>((resolve) => (this.releaseLock = resolve));
      })
      .catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.pending?.cancel();
    this.pending = null;
    this.events?.abort();
    this.events = null;
    this.lifetime.abort();
    this.releaseLock?.();
    await this.running?.catch(() => undefined);
    for (const wake of this.idleWaiters.splice(0)) wake();
  }

  isLeader(): boolean {
    return this.leader;
  }

  private becomeLeader(): void {
    this.leader = true;
    this.schedule(0);
  }

  // ---- what the host and its windows see ----

  status(pendingChanges: number, needsAttention: number): SyncStatus {
    return {
      connection: this.host.onLine() ? this.connection : 'offline',
      pendingChanges,
      lastSyncedAt: this.lastSyncedAt,
      lastError: this.lastError,
      serverReachable: this.serverReachable === true,
      needsAttention,
    };
  }

  sessionState(fallbackAgent: SessionState['agent']): SessionState {
    if (this.session) {
      return {
        status: 'signed-in',
        agent: this.session.agent,
        serverUrl: this.client.baseUrl,
        expiresAt: this.session.expiresAt,
      };
    }
    return {
      status: this.serverReachable === true ? 'signed-out' : 'local',
      agent: fallbackAgent,
      serverUrl: this.serverReachable === true ? this.client.baseUrl : null,
      expiresAt: null,
    };
  }

  signedInAgent(): StoredSession['agent'] | null {
    return this.session?.agent ?? null;
  }

  // ---- triggers ----

  /** A command was saved: push it soon. */
  nudge(): void {
    this.schedule(this.options.pushDelayMs ?? 50);
  }

  /** The network came back: try at once, from the first backoff step. */
  onOnline(): void {
    this.attempt = 0;
    this.serverReachable = this.serverReachable === false ? null : this.serverReachable;
    this.schedule(0);
  }

  onOffline(): void {
    this.connection = 'offline';
    this.events?.abort();
    this.events = null;
    this.host.changed();
  }

  /** Runs a cycle now and resolves when it (or the one running) has finished. */
  async syncNow(): Promise<void> {
    this.attempt = 0;
    if (this.serverReachable === false) this.serverReachable = null;
    if (this.stopped || !this.leader) return;
    const idle = new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    // Now, not through the timers: a test's manual timers (or a long backoff) never delay it.
    this.pending?.cancel();
    this.pending = null;
    this.run();
    await idle;
  }

  /** Resolves when no cycle is running (for tests and the bench). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  // ---- actions ----

  async signIn(input: SignInRequest): Promise<StoreResult<SessionState>> {
    try {
      const answer = await this.client.signIn(input);
      const session: StoredSession = {
        serverUrl: this.client.baseUrl,
        token: answer.token,
        expiresAt: answer.expiresAt,
        agent: answer.agent,
        signedInAt: this.host.now().toISOString(),
      };
      const { db } = this.host;
      await db.transaction('rw', db.meta, async () => {
        await db.meta.put({ key: 'session', value: session });
        await db.meta.put({ key: 'agentId', value: session.agent.id });
      });
      this.session = session;
      await this.host.agentChanged(session.agent.id);
      this.serverReachable = true;
      this.lastError = null;
      this.attempt = 0;
      this.host.changed();
      this.schedule(0);
      return ok(this.sessionState(session.agent));
    } catch (error) {
      if (error instanceof DeskServerError && error.kind === 'http') {
        if (error.status === 429)
          return fail('rule', `${error.message} Too many tries: wait a little and try again.`);
        if (error.status === 400 || error.status === 401)
          return fail('invalid-input', error.message);
      }
      if (error instanceof DeskServerError && error.kind === 'network')
        return fail('not-ready', `${error.message} Sign in when the desk server can be reached.`);
      return fail('internal', `Signing in did not work: ${describeError(error)}`);
    }
  }

  async signOut(): Promise<SessionState> {
    const session = this.session;
    if (session) {
      // Best effort: the token dies on the server after its expiry anyway.
      await this.client.signOut(session.token).catch(() => undefined);
      await this.host.db.meta.delete('session');
    }
    this.session = null;
    this.events?.abort();
    this.events = null;
    this.lastError = null;
    this.host.changed();
    return this.sessionState(session?.agent ?? null);
  }

  // ---- the runner ----

  private schedule(ms: number): void {
    if (this.stopped || !this.leader) return;
    const at = this.host.now().getTime() + ms;
    if (this.pending && this.pending.at <= at) return;
    this.pending?.cancel();
    const cancel = this.timers.set(() => {
      if (this.pending?.cancel === cancel) this.pending = null;
      this.run();
    }, ms);
    this.pending = { at, cancel };
  }

  private run(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.cycle()
      .catch(() => undefined)
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.schedule(0);
        } else {
          for (const wake of this.idleWaiters.splice(0)) wake();
        }
      });
  }

  private retryLater(error: unknown): void {
    let delay = backoffDelay(this.attempt, this.random, this.options.backoff ?? DEFAULT_BACKOFF);
    if (error instanceof DeskServerError && error.retryAfterSeconds !== null)
      delay = Math.max(delay, error.retryAfterSeconds * 1000);
    this.attempt += 1;
    this.schedule(delay);
  }

  private async cycle(): Promise<void> {
    if (this.stopped) return;
    if (!this.host.onLine()) {
      // navigator.onLine false is certain: wait for the `online` event.
      this.connection = 'offline';
      this.host.changed();
      return;
    }
    if (this.serverReachable !== true) {
      // onLine true only means "try": ask the server whether it is there at all.
      const reachable = await this.client.health();
      if (this.stopped) return;
      this.serverReachable = reachable;
      if (!reachable) {
        this.connection = this.session ? 'offline' : 'online';
        this.lastError = this.session
          ? `The desk server at ${this.client.baseUrl} cannot be reached; changes wait on this desk.`
          : 'No desk server is reachable: this desk works on its own.';
        this.host.changed();
        this.retryLater(null);
        return;
      }
    }
    const session = this.session;
    if (!session) {
      this.connection = 'online';
      this.lastError = 'Sign in to sync this desk with the desk server.';
      this.host.changed();
      return;
    }
    this.connection = 'syncing';
    this.host.changed();
    try {
      await this.host.directoryReady();
      const directory = this.host.directory();
      if (!directory)
        throw new Error('The directory is not loaded, so changes cannot be replayed.');
      const deps = {
        db: this.host.db,
        client: this.client,
        clientId: this.host.clientId,
        token: session.token,
        rules: directory.rules,
        now: this.host.now,
      };
      // The agent's work first; then the directory (after the first download, one small page).
      await pushOutbox(deps, this.refusals);
      await pullAndRebase(deps, this.refusals);
      const outcome = await syncDirectory({
        db: this.host.db,
        client: this.client,
        token: session.token,
        current: this.host.directory(),
        emit: (event) => this.host.emit(event),
        now: this.host.now,
        pageSize: this.options.directoryPageSize ?? 5000,
      });
      if (outcome.directory) this.host.replaceDirectory(outcome.directory);
      this.lastSyncedAt = (await readSyncMeta(this.host.db)).lastSyncedAt;
      this.attempt = 0;
      this.lastError = null;
      this.connection = 'online';
      this.host.changed();
      this.listen(session);
    } catch (error) {
      if (this.stopped) return;
      this.failed(error);
    }
  }

  private failed(error: unknown): void {
    if (error instanceof DeskServerError && error.status === 401) {
      // The token is no longer good: stop syncing until the agent signs in again. The agent's
      // work goes on offline; nothing waiting is lost.
      this.session = null;
      void this.host.db.meta.delete('session').catch(() => undefined);
      this.connection = 'online';
      this.lastError = 'The session with the desk server has ended: sign in again to sync.';
      this.host.changed();
      return;
    }
    if (error instanceof DeskServerError && error.kind === 'network') {
      this.serverReachable = null;
      this.connection = 'offline';
      this.lastError = `The desk server at ${this.client.baseUrl} cannot be reached; changes wait on this desk.`;
    } else {
      this.connection = 'online';
      this.lastError = `Sync did not finish: ${describeError(error)}`;
    }
    this.host.changed();
    this.retryLater(error);
  }

  /** Keeps the poke stream open while signed in and online; a poke means "pull now". */
  private listen(session: StoredSession): void {
    if (this.events || this.stopped) return;
    const controller = new AbortController();
    this.events = controller;
    void this.client
      .events(
        session.token,
        (poke) => {
          if (poke.topic === 'interactions' || poke.topic === 'directory') this.schedule(0);
        },
        controller.signal,
      )
      .catch(() => undefined)
      .finally(() => {
        if (this.events !== controller) return;
        this.events = null;
        // The stream ended: the server went away or restarted. A cycle finds out which.
        if (!controller.signal.aborted && !this.stopped) this.retryLater(null);
      });
  }
}
