// The desk's sync runner, one per installation (Web Locks; other hosts hear it on a channel):
// signs in, pushes, pulls and rebases, syncs the directory, hears pokes. Never blocks a command.

import { fail, ok, type StoreResult } from '../../../shared/domain/result';
import type { SessionState, SyncStatus } from '../../../shared/store-api/contract';
import type { SignInRequest } from '../../../shared/sync/server-api';
import { readMeta, type DeskDb, type StoredSession } from '../db';
import type { ProgressEvent } from '../directory-store';
import type { LoadedDirectory } from '../loaded-directory';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff';
import type { IncidentsWritten } from './rebase-records';
import {
  DeskServerError,
  createDeskServerClient,
  type DeskServerClient,
  type FetchLike,
} from './desk-server-client';
import { syncDirectory } from './directory-sync';
import {
  forgetKeptSession,
  keepSession,
  readKeptSession,
  readSessionEnd,
  signOutKeptSession,
  type ActiveSession,
  type TokenVault,
} from './kept-session';
import {
  pullAndRebase,
  pushOutbox,
  readSyncMeta,
  type InteractionSyncDeps,
  type RefusalMap,
} from './interaction-sync';

export type { TokenVault } from './kept-session';

/** Cancels what it scheduled. */
export type Cancel = () => void;

export interface Timers {
  set(callback: () => void, ms: number): Cancel;
}

/** The part of `navigator.locks` the runner uses. */
export interface LockManagerLike {
  request(name: string, callback: (lock: unknown) => Promise<void>): Promise<unknown>;
}

/** The part of BroadcastChannel the runner uses. */
export interface BroadcastLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface SyncOptions {
  /** The desk server, e.g. the page's own origin in the browser build. */
  serverUrl: string;
  /** Absent: the token is kept as is in IndexedDB (the browser build). */
  tokenVault?: TokenVault;
  fetch?: FetchLike;
  random?: () => number;
  timers?: Timers;
  /** `navigator.locks` by default; null runs without a lock (one host per installation anyway). */
  locks?: LockManagerLike | null;
  backoff?: BackoffPolicy;
  directoryPageSize?: number;
  /** How soon after a local change it is pushed (several quick saves go in one push). */
  pushDelayMs?: number;
  /**
   * The poke stream carries a heartbeat every 25 s; with nothing at all for this long it is
   * taken for dead (a half-open connection) and opened again. 60 s by default.
   */
  pokeIdleMs?: number;
  /** How long a request may go unanswered before it is retried (30 s by default). */
  requestTimeoutMs?: number;
  /**
   * While `navigator.onLine` says offline, how often to look at it again. A SharedWorker hears no
   * `online` event (crbug.com/114475), so the runner cannot wait for one. 5 s by default.
   */
  onlineCheckMs?: number;
  /**
   * Where the hosts of one installation tell each other about saves, sessions and sync state
   * (several tabs, each with its own host, when there is no SharedWorker).
   * `deskpad-sync:<database name>` by default; null for none.
   */
  broadcastChannel?: string | null;
}

/** What the hosts of one installation say to each other. Each reads the details from IndexedDB. */
type SyncMessage =
  /** A change was saved (or `sync.now` asked): the runner should push. */
  | { type: 'nudge'; now: boolean }
  /** Session, agent or clientId changed in IndexedDB: read them again. */
  | { type: 'state' }
  /** The runner's view of the connection, for the hosts that do not run sync. */
  | { type: 'status'; status: RunnerStatus }
  /** The runner stored a new directory: load it. */
  | { type: 'directory' }
  /** A host that just started asks the runner how it is doing (the runner answers `status`). */
  | { type: 'ask' };

interface RunnerStatus {
  connection: SyncStatus['connection'];
  lastError: string | null;
  serverReachable: boolean | null;
  lastSyncedAt: string | null;
}

export const DEFAULT_POKE_IDLE_MS = 60_000;
/** A poke stream open this long (or past its first heartbeat) has proved itself: backoff resets. */
export const STREAM_STABLE_MS = 30_000;
export const DEFAULT_ONLINE_CHECK_MS = 5_000;
export const SYNC_CHANNEL_NAME = 'deskpad-sync';
const UNREACHABLE_FOR_SESSION =
  'The desk server cannot be reached; the session was not taken. Try again when it answers, or sign in.';

/** What the runner needs from the store host that owns it. */
export interface SyncHost {
  db: DeskDb;
  now: () => Date;
  /** A new clientId, for when another installation turns out to share this one's. */
  newClientId(): string;
  /** The stored clientId changed (a client-conflict, here or in another host). */
  clientIdChanged(clientId: string): void;
  onLine: () => boolean;
  directory(): LoadedDirectory | null;
  directoryReady(): Promise<void>;
  replaceDirectory(directory: LoadedDirectory): void;
  /** Another host of this installation stored a new directory: load it from IndexedDB. */
  reloadDirectory(): Promise<void>;
  /** The signed-in agent changed: the host acts as this agent from now on. */
  agentChanged(agentId: string): Promise<void>;
  emit(event: ProgressEvent): void;
  /** Sync status or session changed: live queries of them should answer again. */
  changed(): void;
  /** A pull wrote incidents (committed): the host's Find existing incidents index takes them. */
  incidentsWritten?: IncidentsWritten;
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

function openChannel(name: string): BroadcastLike | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
}

function isSyncMessage(data: unknown): data is SyncMessage {
  if (typeof data !== 'object' || data === null) return false;
  const type = (data as { type?: unknown }).type;
  return (
    type === 'nudge' ||
    type === 'state' ||
    type === 'status' ||
    type === 'directory' ||
    type === 'ask'
  );
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
  private session: ActiveSession | null = null;
  /** How the last session ended (kept in meta): what a signed-out desk shows the agent. */
  private endedBy: 'sign-out' | 'expired' | null = null;
  /** Null until the first probe: then whether a desk server answers at serverUrl. */
  private serverReachable: boolean | null = null;
  /** A desk server has answered this desk before (a kept session, a cursor): not a file server. */
  private serverKnown = false;
  private connection: SyncStatus['connection'] = 'online';
  private lastError: string | null = null;
  private lastSyncedAt: string | null = null;
  private attempt = 0;
  /** The last cycle found navigator.onLine false: the next one that finds it true starts afresh. */
  private navigatorOffline = false;
  private leader = false;
  private stopped = false;
  private running: Promise<void> | null = null;
  private again = false;
  private pending: { at: number; cancel: Cancel } | null = null;
  private events: AbortController | null = null;
  /** The open poke stream's id (from its first poke), sent with pushes; null while none is open. */
  private pokeStream: string | null = null;
  /**
   * The poke stream's own backoff: a stream a proxy keeps refusing while push and pull work must
   * not reopen (or sync) every second. Reset only once a stream has proved it stays open.
   */
  private streamAttempt = 0;
  private streamRetry: Cancel | null = null;
  private releaseLock: (() => void) | null = null;
  private channel: BroadcastLike | null = null;
  /** Re-reads of IndexedDB after another host's message, one after the other. */
  private rereading: Promise<void> = Promise.resolve();
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
    this.client = createDeskServerClient(
      options.serverUrl,
      (input, init) =>
        fetchFn(input, {
          ...init,
          signal: init?.signal
            ? AbortSignal.any([init.signal, this.lifetime.signal])
            : this.lifetime.signal,
        }),
      {
        timers: this.timers,
        ...(options.requestTimeoutMs !== undefined
          ? { requestTimeoutMs: options.requestTimeoutMs }
          : {}),
      },
    );
  }

  // ---- lifecycle ----

  async start(): Promise<void> {
    this.session = await this.readSession();
    this.endedBy = await readSessionEnd(this.host.db);
    const meta = await readSyncMeta(this.host.db);
    this.lastSyncedAt = meta.lastSyncedAt;
    this.serverKnown =
      meta.interactionsCursor !== null || (await readMeta(this.host.db, 'session')) !== undefined;
    this.connection = this.host.onLine() ? 'online' : 'offline';
    // Named for the database too: hosts of one installation share it, and two desks that a
    // test or the bench runs side by side on one origin never hear each other.
    const channelName =
      this.options.broadcastChannel === undefined
        ? `${SYNC_CHANNEL_NAME}:${this.host.db.name}`
        : this.options.broadcastChannel;
    if (channelName !== null) {
      this.channel = openChannel(channelName);
      this.channel?.addEventListener('message', (event) => this.onMessage(event.data));
      // A runner already at work says nothing until its status next changes: ask it now, or
      // this host shows "online, no error" whatever the runner knows.
      this.post({ type: 'ask' });
    }
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
    this.closeEvents();
    this.channel?.close();
    this.channel = null;
    this.lifetime.abort();
    this.releaseLock?.();
    await this.running?.catch(() => undefined);
    await this.rereading;
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
        endedBy: null,
      };
    }
    // A desk that has synced or been signed in knows its server is a desk server, reachable or
    // not right now: it is signed out (the Sign in screen), never "local".
    const server = this.serverReachable === true || this.serverKnown;
    return {
      status: server ? 'signed-out' : 'local',
      agent: fallbackAgent,
      serverUrl: server ? this.client.baseUrl : null,
      expiresAt: null,
      endedBy: server ? this.endedBy : null,
    };
  }

  signedInAgent(): StoredSession['agent'] | null {
    return this.session?.agent ?? null;
  }

  // ---- triggers ----

  /** A command was saved: push it soon (the runner may be another host of this installation). */
  nudge(): void {
    if (!this.leader) this.post({ type: 'nudge', now: false });
    this.schedule(this.options.pushDelayMs ?? 50);
  }

  /** The network came back: try at once, from the first backoff step. */
  onOnline(): void {
    this.networkReturned();
    this.schedule(0);
  }

  private networkReturned(): void {
    this.navigatorOffline = false;
    this.attempt = 0;
    this.serverReachable = this.serverReachable === false ? null : this.serverReachable;
  }

  onOffline(): void {
    this.connection = 'offline';
    this.closeEvents();
    this.notify();
  }

  /** Runs a cycle now and resolves when it (or the one running) has finished. */
  async syncNow(): Promise<void> {
    this.attempt = 0;
    if (this.serverReachable === false) this.serverReachable = null;
    if (this.stopped) return;
    if (!this.leader) {
      // Another host runs sync for this installation: ask it.
      this.post({ type: 'nudge', now: true });
      return;
    }
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
      await this.establish({
        serverUrl: this.client.baseUrl,
        token: answer.token,
        expiresAt: answer.expiresAt,
        agent: answer.agent,
        signedInAt: this.host.now().toISOString(),
      });
      return ok(this.sessionState(answer.agent));
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

  /**
   * Keeps a token obtained elsewhere (the launcher signed the demo agent in), after the desk
   * server said whose it is and until when. A token it refuses changes nothing.
   */
  async adopt(token: string): Promise<StoreResult<SessionState>> {
    if (!this.host.onLine()) return fail('not-ready', UNREACHABLE_FOR_SESSION);
    try {
      const answer = await this.client.currentSession(token);
      await this.establish({
        serverUrl: this.client.baseUrl,
        token,
        expiresAt: answer.expiresAt,
        agent: answer.agent,
        signedInAt: this.host.now().toISOString(),
      });
      return ok(this.sessionState(answer.agent));
    } catch (error) {
      if (error instanceof DeskServerError && error.kind === 'network')
        return fail('not-ready', UNREACHABLE_FOR_SESSION);
      if (error instanceof DeskServerError && (error.status === 401 || error.status === 403))
        return fail(
          'invalid-input',
          'The desk server did not accept this session: it has ended or was never valid. Sign in with your user name and password.',
        );
      return fail('internal', `The session could not be checked: ${describeError(error)}`);
    }
  }

  async signOut(): Promise<SessionState> {
    const session = this.session;
    // Best effort: the token dies on the server after its expiry anyway.
    if (session) await this.client.signOut(session.token).catch(() => undefined);
    // Also a kept session this host could not open (its vault failed): signed out means gone.
    await signOutKeptSession(this.host.db);
    this.session = null;
    this.endedBy = 'sign-out';
    this.closeEvents();
    this.lastError = null;
    this.notify();
    this.post({ type: 'state' });
    return this.sessionState(session?.agent ?? null);
  }

  // ---- the kept session ----

  /** Keeps a session the server vouched for and syncs with it from now on. */
  private async establish(session: ActiveSession): Promise<void> {
    await keepSession(this.host.db, session, this.options.tokenVault);
    this.session = session;
    this.endedBy = null;
    this.serverKnown = true;
    // A stream opened with the previous token is not this session's.
    this.closeEvents();
    await this.host.agentChanged(session.agent.id);
    this.serverReachable = true;
    this.lastError = null;
    this.attempt = 0;
    this.notify();
    this.post({ type: 'state' });
    this.schedule(0);
  }

  private readSession(): Promise<ActiveSession | null> {
    return readKeptSession(this.host.db, this.options.tokenVault);
  }

  // ---- the other hosts of this installation ----

  private post(message: SyncMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // A closed channel: the other hosts catch up from IndexedDB when they next look.
    }
  }

  /** Sync status or session changed here: this host's windows, and the other hosts, hear it. */
  private notify(): void {
    this.host.changed();
    this.postStatus();
  }

  /** The runner tells the other hosts how it is doing. */
  private postStatus(): void {
    if (!this.leader) return;
    this.post({
      type: 'status',
      status: {
        connection: this.connection,
        lastError: this.lastError,
        serverReachable: this.serverReachable,
        lastSyncedAt: this.lastSyncedAt,
      },
    });
  }

  private onMessage(data: unknown): void {
    if (this.stopped || !isSyncMessage(data)) return;
    switch (data.type) {
      case 'nudge':
        if (!this.leader) return;
        if (data.now) this.attempt = 0;
        this.schedule(data.now ? 0 : (this.options.pushDelayMs ?? 50));
        return;
      case 'state':
        this.rereading = this.rereading.then(() => this.reread()).catch(() => undefined);
        return;
      case 'status':
        if (this.leader) return;
        this.connection = data.status.connection;
        this.lastError = data.status.lastError;
        this.serverReachable = data.status.serverReachable;
        this.lastSyncedAt = data.status.lastSyncedAt;
        this.host.changed();
        return;
      case 'directory':
        if (!this.leader) void this.host.reloadDirectory().catch(() => undefined);
        return;
      case 'ask':
        this.postStatus();
        return;
    }
  }

  /** Another host changed the session, agent or clientId in IndexedDB: take them from there. */
  private async reread(): Promise<void> {
    if (this.stopped) return;
    const { db } = this.host;
    const before = this.session?.token ?? null;
    const stored = await this.readSession();
    this.endedBy = await readSessionEnd(db);
    // The same token is the same session: a cycle running with it goes on as it was.
    if ((stored?.token ?? null) !== before) this.session = stored;
    const [clientId, agentId, meta] = await Promise.all([
      readMeta(db, 'clientId'),
      readMeta(db, 'agentId'),
      readSyncMeta(db),
    ]);
    this.lastSyncedAt = meta.lastSyncedAt;
    this.serverKnown ||= stored !== null || meta.interactionsCursor !== null;
    if (clientId !== undefined) this.host.clientIdChanged(clientId);
    if (agentId !== undefined) await this.host.agentChanged(agentId);
    if ((this.session?.token ?? null) !== before) {
      this.closeEvents();
      if (this.session) {
        this.serverReachable = true;
        this.lastError = null;
        this.attempt = 0;
        this.schedule(0);
      }
    }
    this.notify();
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
      // navigator.onLine false is certain. The `online` event brings the runner back at once
      // where there is one; looking again every few seconds does where there is none.
      this.navigatorOffline = true;
      this.connection = 'offline';
      this.notify();
      this.schedule(this.options.onlineCheckMs ?? DEFAULT_ONLINE_CHECK_MS);
      return;
    }
    if (this.navigatorOffline) this.networkReturned();
    if (this.serverReachable !== true) {
      // onLine true only means "try": ask the server whether it is there at all.
      const reachable = await this.client.health();
      if (this.stopped) return;
      this.serverReachable = reachable;
      if (reachable) this.serverKnown = true;
      if (!reachable) {
        this.connection = this.session ? 'offline' : 'online';
        this.lastError = this.session
          ? `The desk server at ${this.client.baseUrl} cannot be reached; changes wait on this desk.`
          : 'No desk server is reachable: this desk works on its own.';
        this.notify();
        this.retryLater(null);
        return;
      }
    }
    const session = this.session;
    if (!session) {
      this.connection = 'online';
      this.lastError = 'Sign in to sync this desk with the desk server.';
      this.notify();
      return;
    }
    this.connection = 'syncing';
    this.notify();
    try {
      await this.host.directoryReady();
      const directory = this.host.directory();
      if (!directory)
        throw new Error('The directory is not loaded, so changes cannot be replayed.');
      const deps: InteractionSyncDeps = {
        db: this.host.db,
        client: this.client,
        token: session.token,
        rules: directory.rules,
        now: this.host.now,
        newClientId: () => this.host.newClientId(),
        clientIdChanged: (clientId) => {
          this.host.clientIdChanged(clientId);
          this.post({ type: 'state' });
        },
        pokeStream: () => (this.events ? this.pokeStream : null),
        ...(this.host.incidentsWritten ? { incidentsWritten: this.host.incidentsWritten } : {}),
      };
      // The agent's work first; then the directory (after the first download, one small page).
      // A pull may leave entries to send at once: re-created records after a server restore, or
      // ids the server says are done that this desk never sent (another desk with its clientId).
      for (let round = 0; ; round += 1) {
        await pushOutbox(deps, this.refusals);
        const pulled = await pullAndRebase(deps, this.refusals);
        if (round >= 2 || (!pulled.unsent && pulled.requeued === 0)) break;
      }
      const outcome = await syncDirectory({
        db: this.host.db,
        client: this.client,
        token: session.token,
        current: this.host.directory(),
        emit: (event) => this.host.emit(event),
        now: this.host.now,
        pageSize: this.options.directoryPageSize ?? 5000,
      });
      if (outcome.directory) {
        this.host.replaceDirectory(outcome.directory);
        this.post({ type: 'directory' });
      }
      this.lastSyncedAt = (await readSyncMeta(this.host.db)).lastSyncedAt;
      this.attempt = 0;
      this.lastError = null;
      this.connection = 'online';
      this.notify();
      this.listen(session);
    } catch (error) {
      if (this.stopped) return;
      this.failed(error, session);
    }
  }

  private failed(error: unknown, session: ActiveSession): void {
    if (this.session?.token !== session.token) {
      // The agent signed out, or another one signed in, while this cycle ran with the old token:
      // its failure says nothing about the session now (a new one has its own cycle scheduled).
      this.connection = 'online';
      this.notify();
      return;
    }
    if (error instanceof DeskServerError && error.status === 401) {
      // The token is no longer good: stop syncing until the agent signs in again. The agent's
      // work goes on offline; nothing waiting is lost.
      this.session = null;
      this.endedBy = 'expired';
      void this.endStoredSession(session.token);
      this.connection = 'online';
      this.lastError = 'The session with the desk server has ended: sign in again to sync.';
      this.notify();
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
    this.notify();
    this.retryLater(error);
  }

  /** Forgets the stored session if it is still the one whose token the server refused. */
  private async endStoredSession(token: string): Promise<void> {
    try {
      if (await forgetKeptSession(this.host.db, token, this.options.tokenVault))
        this.post({ type: 'state' });
    } catch {
      // Still in IndexedDB: the next cycle gets a 401 again and tries again.
    }
  }

  /** Ends the poke stream, if one is open (it is not this desk's any more). */
  private closeEvents(): void {
    this.events?.abort();
    this.events = null;
    this.pokeStream = null;
    this.streamRetry?.();
    this.streamRetry = null;
    this.streamAttempt = 0;
  }

  /** Keeps the poke stream open while signed in and online; a poke means "pull now". */
  private listen(session: ActiveSession): void {
    // A reconnect waiting out its backoff is not hurried by a cycle that happens to end now.
    if (this.events || this.streamRetry || this.stopped || this.session?.token !== session.token)
      return;
    const controller = new AbortController();
    this.events = controller;
    const openedAt = this.host.now().getTime();
    let connected = false;
    let failure: unknown = null;
    // A connection can die without a word (a sleeping laptop, a NAT that forgot it): the server
    // sends a heartbeat every 25 s, so a long silence means the stream is gone.
    let silent = false;
    let watchdog: Cancel | null = null;
    const arm = (): void => {
      watchdog?.();
      watchdog = this.timers.set(() => {
        silent = true;
        controller.abort();
      }, this.options.pokeIdleMs ?? DEFAULT_POKE_IDLE_MS);
    };
    arm();
    void this.client
      .events(
        session.token,
        (poke) => {
          if (poke.stream !== undefined && this.events === controller) {
            this.pokeStream = poke.stream;
            connected = true;
          }
          if (poke.topic === 'interactions' || poke.topic === 'directory') this.schedule(0);
        },
        controller.signal,
        () => {
          arm();
          // Bytes after the connect poke (a heartbeat, a poke): this stream stays open.
          if (connected && this.events === controller) this.streamAttempt = 0;
        },
      )
      .catch((error: unknown) => {
        failure = error;
      })
      .finally(() => {
        watchdog?.();
        if (this.events !== controller) return;
        this.events = null;
        this.pokeStream = null;
        if ((!silent && controller.signal.aborted) || this.stopped) return;
        if (this.host.now().getTime() - openedAt >= STREAM_STABLE_MS) this.streamAttempt = 0;
        // The stream ended, failed or went silent: open it again after a step of its own backoff.
        // Its connect poke makes the desk pull, so nothing missed meanwhile is lost.
        this.reconnectLater(session, failure);
      });
  }

  private reconnectLater(session: ActiveSession, failure: unknown): void {
    let delay = backoffDelay(
      this.streamAttempt,
      this.random,
      this.options.backoff ?? DEFAULT_BACKOFF,
    );
    if (failure instanceof DeskServerError && failure.retryAfterSeconds !== null)
      delay = Math.max(delay, failure.retryAfterSeconds * 1000);
    this.streamAttempt += 1;
    const cancel = this.timers.set(() => {
      if (this.streamRetry !== cancel) return;
      this.streamRetry = null;
      if (this.stopped || this.session?.token !== session.token) return;
      // A refused token: a cycle finds out, ends the session, or listens again if it was not that.
      if (failure instanceof DeskServerError && failure.status === 401) this.schedule(0);
      // Offline: the cycle that runs when the network returns listens again.
      else if (this.host.onLine()) this.listen(session);
    }, delay);
    this.streamRetry = cancel;
  }
}
