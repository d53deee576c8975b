// The desk's sync runner, one per installation: puts together leader election, the session, the
// sync loop (push, pull-and-rebase, directory), the poke stream and the other hosts' channel, and
// tells the store host what changed through typed events. Never blocks a command.

import type { SessionState, SyncDetails, SyncStatus } from '../../../shared/store-api/contract';
import { readMeta, type DeskDb, type StoredSession } from '../db';
import type { LoadedDirectory } from '../loaded-directory';
import { createLogger, type Logger } from '../logger';
import { TypedEmitter } from '../typed-emitter';
import { ConnectionLoop, defaultTimers } from './connection-loop';
import { createDeskServerClient, type DeskServerClient } from './desk-server-client';
import { FirstCycleWait } from './first-cycle-wait';
import { HostChannel, SYNC_CHANNEL_NAME, type HostMessage } from './host-channel';
import type { ActiveSession } from './kept-session';
import { LeaderElection, defaultLocks } from './leader-election';
import { PokeStream } from './poke-stream';
import { createSyncAttempts, type SyncAttempts } from './sync-attempts';
import {
  DEFAULT_ONLINE_CHECK_MS,
  sessionEnded,
  syncCycle,
  type SyncCycleDeps,
  type SyncState,
} from './sync-cycle';
import type { SyncEvents } from './sync-events';
import { readSyncMeta, type RefusalMap } from './sync-meta';
import { SyncSession } from './sync-session';
import { SessionOffers } from './session-offers';
import type { SyncOptions } from './sync-options';

export type { Cancel, Timers } from './connection-loop';
export type { LockManagerLike } from './leader-election';
export type { TokenVault } from './kept-session';
export type { SyncOptions } from './sync-options';
export { FIRST_SYNC_WAIT_MS } from './first-cycle-wait';

/** What the runner needs from the store host that owns it; it answers through `events`. */
export interface SyncEngineDeps {
  db: DeskDb;
  now: () => Date;
  onLine: () => boolean;
  /** A new clientId, for when another installation turns out to share this one's. */
  newClientId: () => string;
  directory: () => LoadedDirectory | null;
  directoryReady: () => Promise<void>;
  log?: Logger;
  /** Evicts what left the desk's scope, after each complete pull (the leader's only). */
  evict?: () => Promise<void>;
}

const monotonic = (): number => performance.now();

export class SyncEngine {
  readonly client: DeskServerClient;
  readonly events: TypedEmitter<SyncEvents>;
  private readonly deps: SyncEngineDeps;
  private readonly options: SyncOptions;
  private readonly log: Logger;
  private readonly attempts: SyncAttempts;
  private readonly session: SyncSession;
  private readonly election: LeaderElection;
  private readonly loop: ConnectionLoop;
  private readonly poke: PokeStream;
  private channel: HostChannel | null = null;
  private readonly state: SyncState = {
    connection: 'online',
    lastError: null,
    serverReachable: null,
    lastSyncedAt: null,
    navigatorOffline: false,
  };
  private stopped = false;
  /** The first cycle's wait for a window's first screen (decision 0016). */
  private readonly firstWait = new FirstCycleWait(monotonic);
  /** Re-reads of IndexedDB after another host's message, one after the other. */
  private rereading: Promise<void> = Promise.resolve();
  private readonly refusals: RefusalMap = new Map();
  private readonly lifetime = new AbortController();
  /** Sessions from elsewhere (session.adopt, session.launch) and the switch they may ask. */
  readonly offers: SessionOffers;

  constructor(deps: SyncEngineDeps, options: SyncOptions) {
    this.deps = deps;
    this.options = options;
    this.log = (deps.log ?? createLogger()).child('sync');
    this.events = new TypedEmitter<SyncEvents>((error, name) =>
      this.log.error(`the store host failed on ${String(name)}`, error),
    );
    this.attempts = createSyncAttempts(this.log, options.clock);
    const timers = options.timers ?? defaultTimers;
    const random = options.random ?? Math.random;
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
        timers,
        ...(options.requestTimeoutMs !== undefined
          ? { requestTimeoutMs: options.requestTimeoutMs }
          : {}),
      },
    );
    this.session = new SyncSession({
      db: deps.db,
      client: this.client,
      vault: options.tokenVault,
      now: deps.now,
      onLine: deps.onLine,
      log: this.log.child('session'),
    });
    this.offers = new SessionOffers({
      db: deps.db,
      client: this.client,
      session: this.session,
      log: this.log.child('session'),
      notify: () => this.notify(),
      established: (session) => this.established(session),
      state: (agent) => this.sessionState(agent),
    });
    const locks = options.locks === undefined ? defaultLocks() : options.locks;
    this.election = new LeaderElection(locks, this.log.child('leader'));
    const backoff = options.backoff ? { backoff: options.backoff } : {};
    this.loop = new ConnectionLoop(
      { attempt: () => this.cycle() },
      {
        timers,
        random,
        ...backoff,
        now: () => deps.now().getTime(),
        onBackoff: (ms, step) => this.log.info(`sync retries in ${ms} ms (try ${step})`),
      },
    );
    this.poke = new PokeStream({
      client: this.client,
      timers,
      random,
      ...backoff,
      now: () => deps.now().getTime(),
      monotonic,
      ...(options.pokeIdleMs !== undefined ? { pokeIdleMs: options.pokeIdleMs } : {}),
      onLine: deps.onLine,
      currentToken: () => this.session.current()?.token ?? null,
      onPoke: () => this.schedule(0),
      onRefused: () => this.schedule(0),
      log: this.log.child('poke'),
      attempts: this.attempts,
    });
  }

  // ---- lifecycle ----

  async start(): Promise<void> {
    const meta = await readSyncMeta(this.deps.db);
    await this.session.load(meta.interactionsCursor !== null);
    this.state.lastSyncedAt = meta.lastSyncedAt;
    this.state.connection = this.deps.onLine() ? 'online' : 'offline';
    // Only a desk that opens signed in waits: its window draws the desk from what it holds. A
    // signed-out desk syncs at once, as before (Sign in needs nothing the wait would give it).
    this.firstWait.open(this.session.current() ? (this.options.firstSyncWaitMs ?? 0) : 0);
    // Named for the database too: hosts of one installation share it, and two desks that a
    // test or the bench runs side by side on one origin never hear each other.
    const channelName =
      this.options.broadcastChannel === undefined
        ? `${SYNC_CHANNEL_NAME}:${this.deps.db.name}`
        : this.options.broadcastChannel;
    if (channelName !== null) {
      this.channel = new HostChannel(
        channelName,
        this.log.child('channel'),
        this.options.openChannel,
      );
      this.channel.onMessage((message) => this.onMessage(message));
      // A runner already at work says nothing until its status next changes: ask it now, or
      // this host shows "online, no error" whatever the runner knows.
      this.post({ type: 'ask' });
    }
    // Becoming the runner: at once, but while the first cycle still waits for a window. A cycle
    // asked for sooner (a save, a sign-in, the network back) is not held back by the wait.
    this.election.start(() => this.schedule(this.firstWait.left()));
  }

  /** A window has drawn its first screen: a first cycle still waiting for one runs now. */
  windowShown(): void {
    if (this.firstWait.end()) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.poke.stop();
    this.channel?.close();
    this.channel = null;
    this.lifetime.abort();
    this.election.resign();
    await this.loop.stop();
    await this.rereading;
  }

  isLeader(): boolean {
    return this.election.isLeader();
  }

  // ---- what the host and its windows see ----

  status(pendingChanges: number, needsAttention: number): SyncStatus {
    return {
      connection: this.deps.onLine() ? this.state.connection : 'offline',
      pendingChanges,
      lastSyncedAt: this.state.lastSyncedAt,
      lastError: this.state.lastError,
      serverReachable: this.state.serverReachable === true,
      needsAttention,
      ...(this.state.snapshot ? { snapshot: this.state.snapshot } : {}),
    };
  }

  sessionState(fallbackAgent: SessionState['agent']): SessionState {
    return this.offers.decorate(
      this.session.state(fallbackAgent, this.state.serverReachable, this.offers.launching()),
    );
  }

  signedInAgent(): StoredSession['agent'] | null {
    return this.session.current()?.agent ?? null;
  }

  /** The last sync attempts and the recent log lines (Sync details), never a token. */
  details(): SyncDetails {
    return { attempts: this.attempts.recent(), log: this.log.recent() };
  }

  // ---- triggers ----

  /** A command was saved: push it soon (the runner may be another host of this installation). */
  nudge(): void {
    if (!this.isLeader()) this.post({ type: 'nudge', now: false });
    this.schedule(this.options.pushDelayMs ?? 50);
  }

  /** The network came back: try at once, from the first backoff step. */
  onOnline(): void {
    this.log.info('the network is back');
    this.networkReturned();
    this.schedule(0);
  }

  onOffline(): void {
    this.log.info('the network is gone');
    this.state.connection = 'offline';
    this.poke.close();
    this.notify();
  }

  /** Runs a cycle now and resolves when it (or the one running) has finished. */
  async syncNow(): Promise<void> {
    this.loop.resetBackoff();
    if (this.state.serverReachable === false) this.state.serverReachable = null;
    if (this.stopped) return;
    if (!this.isLeader()) {
      // Another host runs sync for this installation: ask it.
      this.post({ type: 'nudge', now: true });
      return;
    }
    // Now, not through the timers: a test's manual timers (or a long backoff) never delay it.
    await this.loop.runNow();
  }

  /** Resolves when no cycle is running (for tests and the bench). */
  async whenIdle(): Promise<void> {
    await this.loop.whenIdle();
  }

  // ---- actions ----

  /** The signed-in agent's token, for calls beyond sync (Administration); null when signed out. */
  sessionToken(): string | null {
    return this.session.current()?.token ?? null;
  }

  /** The server answered 401 to a call made with `token`: the session has ended, as in a cycle. */
  sessionRefused(token: string): void {
    if (this.session.current()?.token === token) sessionEnded(this.cycleDeps(), token);
  }

  async signOut(everywhere = false): Promise<SessionState> {
    const ended = await this.session.signOut(everywhere);
    this.poke.close();
    this.state.lastError = null;
    this.notify();
    this.post({ type: 'state' });
    return this.sessionState(ended?.agent ?? null);
  }

  /** A session the server vouched for is kept: sync with it from now on. */
  private established(session: ActiveSession): void {
    // A stream opened with the previous token is not this session's.
    this.poke.close();
    this.events.emit('agent-changed', session.agent.id);
    this.state.serverReachable = true;
    this.state.lastError = null;
    this.loop.resetBackoff();
    this.notify();
    this.post({ type: 'state' });
    this.schedule(0);
  }

  // ---- the other hosts of this installation ----

  private post(message: HostMessage): void {
    this.channel?.post(message);
  }

  /** Sync status or session changed here: this host's windows, and the other hosts, hear it. */
  private notify(): void {
    this.events.emit('status-changed', undefined);
    this.postStatus();
  }

  /** The runner tells the other hosts how it is doing. */
  private postStatus(): void {
    if (!this.isLeader()) return;
    const { connection, lastError, serverReachable, lastSyncedAt, snapshot } = this.state;
    this.post({
      type: 'status',
      status: { connection, lastError, serverReachable, lastSyncedAt, snapshot: snapshot ?? null },
    });
  }

  private onMessage(message: HostMessage): void {
    if (this.stopped) return;
    switch (message.type) {
      case 'nudge':
        if (!this.isLeader()) return;
        if (message.now) this.loop.resetBackoff();
        this.schedule(message.now ? 0 : (this.options.pushDelayMs ?? 50));
        return;
      case 'state':
        this.rereading = this.rereading
          .then(() => this.reread())
          .catch((error: unknown) =>
            this.log.warn('could not read what another host changed', error),
          );
        return;
      case 'status':
        if (this.isLeader()) return;
        Object.assign(this.state, message.status);
        this.events.emit('status-changed', undefined);
        return;
      case 'directory':
        if (!this.isLeader()) this.events.emit('directory-stored-elsewhere', undefined);
        return;
      case 'ask':
        this.postStatus();
        return;
    }
  }

  /** Another host changed the session, agent or clientId in IndexedDB: take them from there. */
  private async reread(): Promise<void> {
    if (this.stopped) return;
    const { db } = this.deps;
    const changed = await this.session.reread();
    const [clientId, agentId, meta] = await Promise.all([
      readMeta(db, 'clientId'),
      readMeta(db, 'agentId'),
      readSyncMeta(db),
    ]);
    this.state.lastSyncedAt = meta.lastSyncedAt;
    if (meta.interactionsCursor !== null) this.session.markServerKnown();
    if (clientId !== undefined) this.events.emit('client-id-changed', clientId);
    if (agentId !== undefined) this.events.emit('agent-changed', agentId);
    if (changed) {
      this.poke.close();
      if (this.session.current()) {
        this.state.serverReachable = true;
        this.state.lastError = null;
        this.loop.resetBackoff();
        this.schedule(0);
      }
      // The runner's word on the connection, not this guess, is what this host shows.
      if (!this.isLeader()) this.post({ type: 'ask' });
    }
    this.notify();
  }

  // ---- the runner ----

  private schedule(ms: number): void {
    if (this.stopped || !this.isLeader()) return;
    this.loop.schedule(ms);
  }

  private networkReturned(): void {
    this.state.navigatorOffline = false;
    this.loop.resetBackoff();
    if (this.state.serverReachable === false) this.state.serverReachable = null;
  }

  private cycle() {
    return syncCycle(this.cycleDeps());
  }

  private cycleDeps(): SyncCycleDeps {
    return {
      db: this.deps.db,
      client: this.client,
      now: this.deps.now,
      onLine: this.deps.onLine,
      newClientId: this.deps.newClientId,
      directory: this.deps.directory,
      directoryReady: this.deps.directoryReady,
      directoryPageSize: this.options.directoryPageSize ?? 5000,
      onlineCheckMs: this.options.onlineCheckMs ?? DEFAULT_ONLINE_CHECK_MS,
      session: this.session,
      poke: this.poke,
      state: this.state,
      refusals: this.refusals,
      attempts: this.attempts,
      log: this.log,
      events: this.events,
      notify: () => this.notify(),
      post: (message) => this.post(message),
      networkReturned: () => this.networkReturned(),
      stopped: () => this.stopped,
      evict: this.deps.evict,
    };
  }
}
