// The desk's store host at work: answers every command, query, live query, action and event of
// the contract, keeps the directory in memory and follows the sync engine's events. Never throws
// or rejects at a caller for bad input.

import { fail, type StoreError, type StoreResult } from '../../shared/domain/result';
import type {
  ActionInput,
  ActionName,
  ActionOutput,
  CommandInput,
  CommandName,
  CommandOutput,
  QueryInput,
  QueryName,
  QueryOutput,
  StoreEvent,
  Unsubscribe,
} from '../../shared/store-api/contract';
import { parseAction, parseCommand, parseQuery } from '../../shared/store-api/validate';
import { closeDeskDb, type DeskDb } from './db';
import { DeskStorage, SETTLE_MS } from './desk-storage';
import { loadDirectory, type ProgressEvent } from './directory-store';
import { commandOutput } from './command-views';
import type { LoadedDirectory } from './loaded-directory';
import { changedIncidents, deskPermissions, runCommand } from './store-commands';
import { LiveQueries } from './live-queries';
import { HELD_WHILE_CATCHING_UP, HOST_STATE_QUERIES } from './host-query-kinds';
import { followInteractionLists } from './interaction-lists';
import { CLOCK_BOUND_QUERIES } from './walk-up-queries';
import { FIGURE_CLOCK_BOUND_QUERIES } from './figure-queries';
import { createLogger, type Logger } from './logger';
import { runAction } from './store-actions';
import { deliver, describeError, internal, type Listener } from './store-host-errors';
import { runQuery, type ParsedQuery, type QueryState } from './store-queries';
import { IncidentComponentCache, seedDemoTasks } from './task-store';
import { KnowledgeCache } from './knowledge-queries';
import { KnownCallersCache } from './known-callers';
import { recordIndexOf } from './record-index-upkeep';
import { SyncEngine, type SyncOptions } from './sync/sync-engine';

import type { StoreHost, StoreHostOptions } from './store-host';

export class DeskStoreHost implements StoreHost {
  private readonly now: () => Date;
  private readonly onLine: () => boolean;
  private directory: LoadedDirectory | null = null;
  private directoryError: string | null = null;
  private readonly components = new IncidentComponentCache(() => this.directory);
  private readonly knowledge: KnowledgeCache;
  private readonly knownCallers: KnownCallersCache;
  private readonly loading: Promise<void>;
  private persisting: Promise<void> = Promise.resolve();
  private readonly eventListeners = new Set<Listener<StoreEvent>>();
  private lastProgress: ProgressEvent | null = null;
  private readonly live: LiveQueries;
  private readonly log: Logger;

  private readonly db: DeskDb;
  private readonly session: { clientId: string; agentId: string };
  private readonly options: StoreHostOptions;
  readonly sync: SyncEngine | null;
  /** What this desk keeps, and the storage it takes, for Sync details (ADR 0020). */
  private readonly storage: DeskStorage;

  constructor(
    db: DeskDb,
    session: { clientId: string; agentId: string },
    options: StoreHostOptions,
  ) {
    this.db = db;
    this.session = session;
    this.options = options;
    this.log = options.logger ?? createLogger();
    this.live = new LiveQueries(
      this.log.child('live-query'),
      [...CLOCK_BOUND_QUERIES, ...FIGURE_CLOCK_BOUND_QUERIES],
      HELD_WHILE_CATCHING_UP,
    );
    this.now = options.now ?? (() => new Date());
    this.knowledge = new KnowledgeCache(this.now);
    this.knownCallers = new KnownCallersCache(db);
    // The record index is read in the background; a search waits for it.
    recordIndexOf(db)
      .ready()
      .catch((error: unknown) => this.log.warn("this desk's words could not be read", error));
    followInteractionLists(db, this.session, this.live);
    this.onLine =
      options.onLine ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
    this.connectivity()?.addEventListener('online', this.onConnectivityChange);
    this.connectivity()?.addEventListener('offline', this.onConnectivityChange);
    db.on('versionchange', () => {
      this.log.warn('the database was upgraded by another window');
      this.emit({
        type: 'store-error',
        message: 'Deskpad was updated in another window. Close this window and open Deskpad again.',
      });
    });
    this.storage = new DeskStorage({
      db,
      now: this.now,
      log: this.log,
      agentId: () => this.session.agentId,
      ownSettings: options.scope,
      openInForms: () => this.live.openRecords(),
      incidentsEvicted: (revision, ids) => this.components.written([], revision, ids),
      measured: () => this.live.refresh('sync.details'),
    });
    this.loading = this.loadDirectory();
    this.sync = options.sync ? this.openSync(options.sync) : null;
    this.storage.measureOnceSettled(options.settleMs ?? SETTLE_MS);
  }

  async startSync(): Promise<void> {
    await this.sync?.start();
  }

  /** The sync engine, and how this host follows what it says. */
  private openSync(options: SyncOptions): SyncEngine {
    const sync = new SyncEngine(
      {
        db: this.db,
        now: this.now,
        onLine: this.onLine,
        newClientId: this.options.newId ?? (() => crypto.randomUUID()),
        directory: () => this.directory,
        directoryReady: () => this.loading,
        log: this.log,
        evict: () => this.storage.evictOutOfScope(),
      },
      options,
    );
    sync.events.on('client-id-changed', (clientId) => {
      if (this.session.clientId === clientId) return;
      this.session.clientId = clientId;
      this.live.refresh('session.current');
    });
    sync.events.on('agent-changed', (agentId) => {
      if (this.session.agentId === agentId) return;
      this.session.agentId = agentId;
      this.live.refreshAll();
    });
    sync.events.on('directory-replaced', (directory) => {
      this.directory = directory;
      this.directoryError = null;
      this.live.refreshAll();
    });
    sync.events.on('directory-stored-elsewhere', () => {
      this.reloadDirectory().catch((error: unknown) =>
        this.log.warn('the directory another host stored could not be loaded', error),
      );
    });
    sync.events.on('progress', (event) => {
      this.lastProgress = event;
      this.emit(event);
    });
    sync.events.on('status-changed', () => {
      this.live.refresh('sync.status', 'session.state', 'sync.details');
    });
    sync.events.on('catching-up', (on) => (on ? this.live.hold() : this.live.release()));
    sync.events.on('incidents-written', ({ incidents, revision, removedIds }) =>
      this.components.written(incidents, revision, removedIds),
    );
    return sync;
  }

  // ---- the contract ----

  async command<N extends CommandName>(
    name: N,
    input: CommandInput<N>,
  ): Promise<StoreResult<CommandOutput<N>>> {
    try {
      const parsed = parseCommand(name, input);
      if (!parsed.ok) return parsed;
      await this.loading;
      const directory = this.directory;
      if (!directory)
        return fail('not-ready', this.directoryError ?? 'The directory is not loaded.');
      const ctx = {
        now: this.now().toISOString(),
        actorId: this.session.agentId,
        directory: directory.rules,
        isKnownUser: (id: string) => directory.getUser(id) !== null,
        permissions: deskPermissions(directory, this.session.agentId),
      };
      const command = parsed.value;
      const run = await runCommand(this.db, command, ctx, this.session.clientId);
      if (!run.ok) return run;
      const { changed, incidentsRevision } = run.value;
      // Find existing incidents keeps answering from memory: no reload of every open incident.
      if (incidentsRevision !== null)
        this.components.written(changedIncidents(run.value), incidentsRevision);
      if (changed.length > 0) {
        // While a sync catches up, the agent's own change still shows in the lists at once.
        this.live.answerHeld();
        this.sync?.nudge();
        // Sync's status counts the change before the command is answered: a window that shows
        // the saved record never shows, even for a moment, the count of changes not synced from
        // before it (IndexedDB's own word of the write comes a few milliseconds after).
        await this.live.refreshed('sync.status');
      }
      return commandOutput(command, run.value, directory, this.session.agentId) as StoreResult<
        CommandOutput<N>
      >;
    } catch (e) {
      return this.reportInternal(e, `command ${String(name).slice(0, 64)}`);
    }
  }

  async query<N extends QueryName>(
    name: N,
    input: QueryInput<N>,
  ): Promise<StoreResult<QueryOutput<N>>> {
    try {
      const parsed = parseQuery(name, input);
      if (!parsed.ok) return parsed;
      if (!HOST_STATE_QUERIES.has(parsed.value.name)) await this.loading;
      return (await this.answer(parsed.value)) as StoreResult<QueryOutput<N>>;
    } catch (e) {
      return this.reportInternal(e, `query ${String(name).slice(0, 64)}`);
    }
  }

  async subscribe<N extends QueryName>(
    name: N,
    input: QueryInput<N>,
    listener: (result: StoreResult<QueryOutput<N>>) => void,
  ): Promise<Unsubscribe> {
    const parsed = parseQuery(name, input);
    if (!parsed.ok) {
      deliver(listener, parsed);
      return () => undefined;
    }
    const query = parsed.value;
    if (!HOST_STATE_QUERIES.has(query.name)) await this.loading;
    return this.live.subscribe(
      query,
      () => this.answer(query),
      listener as (result: StoreResult<unknown>) => void,
    );
  }

  async act<N extends ActionName>(
    name: N,
    input: ActionInput<N>,
  ): Promise<StoreResult<ActionOutput<N>>> {
    try {
      const parsed = parseAction(name, input);
      if (!parsed.ok) return parsed;
      const answer = await runAction(
        {
          db: this.db,
          sync: this.sync,
          now: this.now,
          agentId: () => this.session.agentId,
          directory: async () => {
            await this.loading;
            return this.directory ?? this.directoryError ?? 'The directory is not loaded.';
          },
          syncStatus: () => this.query('sync.status', {}),
          log: this.log,
        },
        parsed.value,
      );
      // Sync's status answers before the action does, as after a command. A window's word that
      // it has drawn changes nothing Sync shows: no window redraws for it.
      if (parsed.value.name !== 'sync.windowShown') await this.live.refreshed('sync.status');
      return answer as StoreResult<ActionOutput<N>>;
    } catch (e) {
      return this.reportInternal(e, `action ${String(name).slice(0, 64)}`);
    }
  }

  onEvent(listener: (event: StoreEvent) => void): Promise<Unsubscribe> {
    this.eventListeners.add(listener);
    // A window that connects mid-load sees where the directory is at once.
    if (this.lastProgress) deliver(listener, this.lastProgress);
    return Promise.resolve(() => {
      this.eventListeners.delete(listener);
    });
  }

  // ---- lifecycle ----

  directoryReady(): Promise<void> {
    return this.loading;
  }

  async close(): Promise<void> {
    this.storage.close();
    this.connectivity()?.removeEventListener('online', this.onConnectivityChange);
    this.connectivity()?.removeEventListener('offline', this.onConnectivityChange);
    await this.sync?.stop();
    this.live.close();
    this.knownCallers.close();
    this.eventListeners.clear();
    await this.loading;
    await this.persisting;
    closeDeskDb(this.db);
  }

  // ---- internals ----

  private answer(query: ParsedQuery): Promise<StoreResult<unknown>> {
    return runQuery(this.queryState(), query);
  }

  private queryState(): QueryState {
    return {
      db: this.db,
      clientId: this.session.clientId,
      agentId: this.session.agentId,
      online: this.onLine(),
      directory: this.directory,
      directoryError: this.directoryError,
      components: this.components,
      knowledge: this.knowledge,
      knownCallers: this.knownCallers,
      sync: this.sync,
      details: () => {
        const details = this.sync?.details() ?? { attempts: [], log: this.log.recent() };
        const storage = this.storage.current;
        return storage ? { ...details, storage } : details;
      },
      now: this.now,
    };
  }

  private async loadDirectory(): Promise<void> {
    try {
      const { directory, persisted } = await this.readDirectory();
      this.directory = directory;
      this.persisting = persisted.catch((e: unknown) => {
        this.log.error('the directory could not be stored', e);
        this.emit({
          type: 'store-error',
          message: `The directory could not be stored on this desk: ${describeError(e)}`,
        });
      });
      await this.loadTasks(directory);
    } catch (e) {
      this.log.error('the directory could not be loaded', e);
      this.directoryError = `The directory could not be loaded: ${describeError(e)}`;
      this.emit({ type: 'store-error', message: this.directoryError });
    }
    this.live.refresh('directory.status');
  }

  /**
   * A local desk gets the demo catalog and incidents at first start, as it gets the demo
   * directory; then the component index is built so the first search is as fast as the rest.
   */
  private async loadTasks(directory: LoadedDirectory): Promise<void> {
    if (!this.options.sync) {
      const source = {
        seed: this.options.demoSeed ?? 1,
        incidents: this.options.demoIncidents ?? 200,
      };
      await seedDemoTasks(this.db, directory, source, this.now);
    }
    await this.components.current(this.db);
  }

  /** The directory this desk holds (the demo's on a local desk), its progress told to the windows. */
  private readDirectory(): ReturnType<typeof loadDirectory> {
    const source = { users: this.options.demoUsers ?? 5000, seed: this.options.demoSeed ?? 1 };
    return loadDirectory(this.db, source, this.now, (event) => {
      this.lastProgress = event;
      this.emit(event);
    });
  }

  /** Another host of this installation stored a new directory (downloaded from the server). */
  private async reloadDirectory(): Promise<void> {
    await this.loading;
    this.directory = (await this.readDirectory()).directory;
    this.directoryError = null;
    this.live.refreshAll();
  }

  private readonly onConnectivityChange = (event?: Event): void => {
    if (event?.type === 'online') this.sync?.onOnline();
    if (event?.type === 'offline') this.sync?.onOffline();
    this.live.refresh('sync.status');
  };

  private emit(event: StoreEvent): void {
    for (const listener of this.eventListeners)
      deliver(listener, event, (error) => this.log.info('a window did not take an event', error));
  }

  private reportInternal(e: unknown, what: string): { ok: false; error: StoreError } {
    this.log.error(`${what} failed`, e);
    const answer = internal(e);
    this.emit({ type: 'store-error', message: answer.error.message });
    return answer;
  }

  private connectivity(): StoreHostOptions['connectivityEvents'] {
    if (this.options.connectivityEvents) return this.options.connectivityEvents;
    return typeof globalThis.addEventListener === 'function' ? globalThis : undefined;
  }
}
