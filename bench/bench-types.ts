// The shapes the benchmark pages answer with and the Node runner reads: one contract, two sides.
// Types only (and the page globals); never code, so pages and the Node runner share it.

import type { DosBenchResults } from './dos-types';
import type { DirectoryStatus, SyncDetails, SyncStatus } from '../shared/store-api/contract';
import type { GoToHit } from '../shared/store-api/go-to-contract';
import type { ScopeBenchResults } from './scope-types';

/** Sorted-sample summary in milliseconds (same rule as electron/store/bench-support.ts). */
export interface Spread {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

export interface PageClock {
  /** Whether the page is cross-origin isolated: then performance.now() is 5 µs, else 100 µs. */
  crossOriginIsolated: boolean;
  /** The smallest step performance.now() took, observed (ms). */
  resolutionMs: number;
  userAgent: string;
}

/** 1. The directory's storage layout against one IndexedDB record per user. */
export interface StorageResult {
  users: number;
  naive: { writeMs: number; readMs: number; rows: number };
  chunked: { writeMs: number; readMs: number; decodeMs: number; rows: number };
}

/** 2. Caller search: the store host's index, its query API, and MiniSearch, on one query set. */
export interface SearchResult {
  users: number;
  queries: number;
  /** Queries per kind (first name, phone, …), to show the mix is realistic. */
  mix: Record<string, number>;
  /** CallerSearch.search alone (the index). */
  index: Spread;
  /** `directory.searchUsers` through the store host (validation and caller views included). */
  hostQuery: Spread;
  /** MiniSearch 7, prefix search over the same fields, top 10 taken. */
  miniSearch: Spread;
  /** How many of the queries MiniSearch ran (all, unless its time budget ran out). */
  miniSearchQueries: number;
  miniSearchBuildMs: number;
  /** Mean result count per query, as a sanity check that both find callers. */
  meanHits: { index: number; miniSearch: number };
}

/** 3. Index ready: opening the store host until search answers. */
export interface StartResult {
  users: number;
  /** openStoreHost → first search answer. */
  searchReadyMs: number;
  /** openStoreHost → directory on disk too (equals searchReadyMs on a restart, roughly). */
  storedMs: number;
}

/** The baseline for index ready: what a one-record-per-user design does before it can search. */
export interface NaiveReadyResult {
  users: number;
  /** toArray() of one record per user + MiniSearch addAll. */
  readMs: number;
  indexMs: number;
  totalMs: number;
}

/** 5. Save to durable: interaction.create through the store host, and a bare strict put. */
export interface SaveResult {
  create: Spread;
  /** One Dexie put of a small row in a strict transaction: the floor any durable save pays. */
  barePut: Spread;
}

/** 4 and 5 in the real UI. */
export interface UiKeystrokeResult {
  keystrokes: number;
  queries: number;
  spread: Spread;
  /** Keystrokes whose measure showed results (not the "no caller matches" text). */
  withResults: number;
  /** The same keystrokes timed from their keydown event rather than the renderer's mark. */
  fromKeydown: Spread;
  /** The same texts' searches through the worker port alone: the part that is not rendering. */
  portRoundTrip: Spread;
  /** Keystroke to render again, with Chromium's DeferRendererTasksAfterInput switched off. */
  withoutInputDeferral: Spread;
}

export interface UiSaveResult {
  spread: Spread;
}

/** What store.html puts on `window.deskpadBench`. */
export interface StoreBenchApi {
  clock(): PageClock;
  storage(users: number): Promise<StorageResult>;
  naiveReady(users: number): Promise<NaiveReadyResult>;
  /** Opens (first start or restart) the store host on `dbName` and keeps it open. */
  start(users: number, dbName: string): Promise<StartResult>;
  search(users: number, queries: number, miniSearchBudgetMs: number): Promise<SearchResult>;
  /** Query texts from the same generator as `search`, for typing into the app. */
  sampleQueries(users: number, count: number, seed: number): string[];
  saves(count: number): Promise<SaveResult>;
  close(): Promise<void>;
}

/** What app.html puts on `window.deskpadApp`: the probes the runner reads while it types. */
export interface AppProbeApi {
  /** Starts recording lookup measures and save confirmations. */
  install(): void;
  measureCount(): number;
  /** Measures recorded since `from`: duration and the text the field held when it was taken. */
  measuresSince(
    from: number,
  ): { duration: number; fromKeydown: number; query: string; options: number }[];
  /** Arms the save timer: the next Ctrl+S keydown starts it, the next "Saved …" stops it. */
  armSave(): void;
  saveDuration(): number | null;
  /**
   * `directory.searchUsers` through a second port to the app's own store worker, each query's
   * round trip; the first call also waits until the directory is loaded.
   */
  timePortSearches(queries: string[]): Promise<number[]>;
  /** Arms the escalation timer: the next Enter keydown starts it, "Incident … was created." stops it. */
  armSubmit(): void;
  submitResult(): { durableMs: number; incidentNumber: string } | null;
  /** Whether IndexedDB holds the interaction (still open) and the incident, each naming the other. */
  escalationStored(
    dbName: string,
    interactionNumber: string,
    incidentNumber: string,
  ): Promise<boolean>;
}

// ---- issue 3: a desk synced with a real desk server ----

/** One first directory download on a fresh desk (the store host in a Worker, the app's UI shown). */
export interface DirectoryDownloadResult {
  /** `session.signIn` → the first `directory.searchUsers` answer holding a downloaded user. */
  searchableMs: number;
  /** `session.signIn` alone (the server checks the password with argon2). */
  signInMs: number;
  /** When each directory-progress phase from the server was first seen, ms after sign-in. */
  phases: Record<string, number>;
  /** Searches sent until one found the user. */
  searches: number;
  /** Users in the desk's directory afterwards. */
  users: number;
  /** Every long task on the window's UI thread meanwhile (ms; each is over 50 ms). */
  longTasks: number[];
}

/** The naive baseline: the same pages, one IndexedDB record per user (Dexie bulkPut per page). */
export interface NaiveDirectoryResult {
  users: number;
  pages: number;
  /** fetch + JSON of every page, summed. */
  downloadMs: number;
  /** The bulkPut of every page, summed: the one-record-per-user storage alone. */
  putMs: number;
  /** First request → last bulkPut committed. */
  totalMs: number;
  longTasks: number[];
}

/** What desk.html puts on `window.deskpadDesk`. */
export interface DeskProbeApi {
  /** Resolves once the store host answers (its local directory loaded). */
  ready(): Promise<void>;
  signIn(userName: string, password: string): Promise<void>;
  timeDirectoryDownload(
    userName: string,
    password: string,
    expectUserName: string,
    timeoutMs: number,
  ): Promise<DirectoryDownloadResult>;
  /** `interaction.create`, `inFlight` saves at a time; answers the interactions' ids. */
  saveInteractions(count: number, openedFor: string, inFlight: number): Promise<string[]>;
  syncStatus(): Promise<SyncStatus>;
  /** `sync.now`: one whole cycle (push, pull, directory) before it answers. */
  syncNow(): Promise<SyncStatus>;
  directoryStatus(): Promise<DirectoryStatus>;
  /** Subscribes to sync.status; resolves once subscribed. */
  watchSynced(): Promise<void>;
  /** Date.now() when the desk first reported 0 changes waiting since watchSynced. */
  syncedAt(timeoutMs: number): Promise<number>;
  naiveDirectory(token: string, pageSize: number): Promise<NaiveDirectoryResult>;
  /**
   * Searches the caller lookup every `everyMs` until a hit has `expectUserName`: Date.now() then
   * (the import bench: an imported caller reaching a signed-in desk), or null after `timeoutMs`.
   */
  foundAt(
    query: string,
    expectUserName: string,
    everyMs: number,
    timeoutMs: number,
  ): Promise<number | null>;
  /** Go to anything's own query (`goTo.search`) over what the desk holds. */
  goTo(query: string, limit: number): Promise<GoToHit[]>;
  /** `sync.details`: the attempts, the log and the desk's storage (ADR 0020). */
  syncDetails(): Promise<SyncDetails>;
}

/** One round of "1,000 interactions saved offline reach the server". */
export interface OfflineSyncRound {
  saves: number;
  /** Saving them offline, a few at a time (ms), the UI open; not a figure. */
  saveMs: number;
  /** Network back (setOffline(false)) → the read API lists the last of them. */
  serverMs: number;
  /** Network back → the desk reports 0 changes not synced. */
  deskMs: number;
  /** The later of the two: the figure. */
  bothMs: number;
  /** Pushes the server logged for them, and the time it spent handling those pushes. */
  pushes: number;
  pushHandlingMs: number;
  /** First push received → last push answered, by the server's log. */
  pushSpanMs: number;
  /** Interactions on the server afterwards minus before, and how many of ours have a number. */
  reachedServer: number;
  numbered: number;
}

export interface OfflineSyncResult {
  /** How many saves the desk was sent at once while offline. */
  savesInFlight: number;
  rounds: OfflineSyncRound[];
  both: Spread;
  server: Spread;
  desk: Spread;
  /** Mutations the server applied per second of push handling, per round. */
  serverMutationsPerSecond: Spread;
  /** The same job from Node over bare HTTP (push in full batches, pull until done), per round. */
  bareProtocol: Spread;
}

export interface DirectoryDownloadFigure {
  users: number;
  /** The desk's own demo directory before it signs in. */
  localUsers: number;
  pageSize: number;
  rounds: DirectoryDownloadResult[];
  searchable: Spread;
  naive: NaiveDirectoryResult[];
  naiveTotal: Spread;
  naivePut: Spread;
  /** All long tasks seen in the window during the Deskpad rounds. */
  longTasks: Spread;
}

/** 50 simulated desks pushing and pulling at once against one server. */
export interface DeskLoadResult {
  database: string;
  desks: number;
  rounds: number;
  mutationsPerPush: number;
  pushes: number;
  mutations: number;
  pulls: number;
  /** Interaction rows the pulls brought back, in all. */
  pulledRows: number;
  wallMs: number;
  push: Spread & { p99: number };
  pull: Spread & { p99: number };
  pushesPerSecond: number;
  mutationsPerSecond: number;
  errors: number;
  /** The first few errors, in words. */
  errorSamples: string[];
  /** Creates pushed, and interactions the read API lists afterwards (equal when all went once). */
  created: number;
  onServer: number;
}

export interface SyncBenchResults {
  date: string;
  /** The command that measured them (a whole run, or `--only sync`). */
  command: string;
  /** How the desk server ran: its command line, without the temporary paths. */
  server: string;
  /** The machine's 1-minute load average, sampled every 5 s while these figures ran. */
  loadAverage: { min: number; max: number };
  directory: DirectoryDownloadFigure;
  offline: OfflineSyncResult;
  /** One desk alone (the baseline), then all the desks at once, on the same server. */
  load: { alone: DeskLoadResult; together: DeskLoadResult };
  wallSeconds: number;
}

// ---- issue 4: Find existing incidents over a synced desk's cache ----

export interface IncidentSeedOptions {
  dbName: string;
  users: number;
  components: number;
  incidents: number;
  seed: number;
}

export interface IncidentSeedResult {
  users: number;
  components: number;
  incidents: number;
  /** New, In Progress or On Hold: what the search can find. */
  openIncidents: number;
  /** Components nothing hangs under; the searches pick among them. */
  leaves: number;
  /** Components per depth (1: a root, 2: its children, …). */
  depths: Record<string, number>;
  generateMs: number;
  /** Directory (chunks, caller index) and incidents written to IndexedDB. */
  writeMs: number;
  /** The worker's timers resolve to ≈ 5 µs only when it is cross-origin isolated. */
  crossOriginIsolated: boolean;
}

export interface ComponentSearchQuery {
  componentId: string;
  callerId: string;
}

/** Raw samples from the worker, in ms; the page turns them into spreads. */
export interface InHostSearchSamples {
  hostQuery: number[];
  index: number[];
  naive: number[];
  indexBuildMs: number;
  meanHits: number;
  meanTotal: number;
  sameCallerHits: number;
  /** Queries where the naive scan's match count differed from the store host's (must be 0). */
  mismatches: number;
}

/** What incident-bench-worker.ts exposes (Comlink) to incidents.html. */
export interface IncidentBenchWorkerApi {
  seed(options: IncidentSeedOptions): Promise<IncidentSeedResult>;
  plan(count: number, seed: number): ComponentSearchQuery[];
  open(): Promise<{ firstSearchMs: number; directoryReadyMs: number }>;
  searches(queries: ComponentSearchQuery[], limit: number): Promise<InHostSearchSamples>;
  rebuilds(queries: ComponentSearchQuery[], limit: number): Promise<number[]>;
  naiveFromDb(queries: ComponentSearchQuery[], limit: number): Promise<number[]>;
  /** Serves the store host on `port` (the contract, as a window sees it). */
  connect(port: MessagePort): void;
  close(): Promise<void>;
}

export interface ComponentSearchOptions {
  dbName: string;
  users: number;
  components: number;
  incidents: number;
  searches: number;
  rebuilds: number;
  naiveFromDbSearches: number;
  limit: number;
}

/** `incident.searchByComponent` over a synced desk's cache, with its baselines. */
export interface ComponentSearchFigure {
  seed: IncidentSeedResult;
  searches: number;
  limit: number;
  /** Inside the store host's worker: `host.query` (validation, revision check, views). */
  hostQuery: Spread;
  /** From the page through a port to the worker (Comlink): what a window waits for. */
  portRoundTrip: Spread;
  /** ComponentIncidentIndex.search alone, built in memory from the same records. */
  index: Spread;
  /** The naive scan: filter every open incident in memory by the parent chain, sort. */
  naive: Spread;
  /** No cache: read the open incidents from IndexedDB on every search, then the naive scan. */
  naiveFromDb: Spread;
  /** ComponentIncidentIndex.fromItems over the open incidents in memory. */
  indexBuildMs: number;
  /** openStoreHost → directory loaded and component index built. */
  directoryReadyMs: number;
  /** openStoreHost → the first `incident.searchByComponent` answer. */
  firstSearchMs: number;
  /** The first search after a write to incidents: the index is built again from IndexedDB. */
  rebuild: Spread;
  meanHits: number;
  meanTotal: number;
  sameCallerHits: number;
  mismatches: number;
}

/** One escalation by keyboard, from the saved interaction to the closing question answered. */
export interface KeyboardEscalationRound {
  /** Every key pressed, in order, as Playwright names them (Tab, Enter, Alt+…). */
  keys: string[];
  /**
   * The Submit key's keydown → "Incident INC… was created." shown: the store host answers only
   * once the incident and the interaction's link have committed (strict durability).
   */
  durableMs: number;
  incidentNumber: string;
  /** Read back afterwards on a connection of its own: both there, each naming the other, the interaction open. */
  stored: boolean;
}

export interface KeyboardEscalationFigure {
  /** Each started with Alt+I and submitted by Enter in the prefilled Short description. */
  rounds: KeyboardEscalationRound[];
  /** One more without the shortcut: Shift+Tab to the Create Incident button, then Enter. */
  withoutShortcut: KeyboardEscalationRound | null;
  /** Keys per escalation (the same every round, or the figure is not one number). */
  keyCount: number;
  durable: Spread;
}

/** Issue 4's figures; absent in a run made before they existed. */
export interface EscalationBenchResults {
  date: string;
  /** The command that measured them (a whole run, or `--only issue4`). */
  command: string;
  /** The machine's 1-minute load average, sampled every 5 s while these figures ran. */
  loadAverage: { min: number; max: number };
  components: ComponentSearchFigure;
  /** Null until the app offers the escalation by keyboard. */
  keyboard: KeyboardEscalationFigure | null;
  wallSeconds: number;
}

/** What incidents.html puts on `window.deskpadIncidents`. */
export interface IncidentBenchApi {
  run(options: ComponentSearchOptions): Promise<ComponentSearchFigure>;
}

declare global {
  interface Window {
    /** Set by bench/pages/store-bench.ts. */
    deskpadBench: StoreBenchApi;
    /** Set by bench/pages/app-probe.ts. */
    deskpadApp: AppProbeApi;
    /** Set by bench/pages/desk-probe.ts. */
    deskpadDesk: DeskProbeApi;
    /** Set by bench/pages/incident-bench.ts. */
    deskpadIncidents: IncidentBenchApi;
    /** Set by bench/pages/goto-seed.ts. */
    deskpadGoTo: GoToSeedApi;
    /** The Go to anything measures the runner collects (bench/goto-bench.mjs). */
    gotoMeasures?: number[];
    /** The knowledge suggestions' measures the runner collects (bench/goto-bench.mjs). */
    knowledgeMeasures?: number[];
  }
}

/** What goto.html puts on `window.deskpadGoTo`: seeds a busy desk's database. */
export interface GoToSeedApi {
  seed(options: {
    dbName: string;
    users: number;
    interactions: number;
    incidents: number;
    requests: number;
    queries: number;
    articles: number;
  }): Promise<{
    seedMs: number;
    records: number;
    articleText: string;
    queries: { kind: 'number' | 'caller' | 'words'; text: string }[];
  }>;
}

/** One CSV import through the HTTP upload, a dry run, then `imports.run` (bench/import-bench.mjs). */
export interface ImportRun {
  /** The desk server's database: 'PGlite' (in its process) or 'PostgreSQL' (DATABASE_URL). */
  database: string;
  rows: number;
  bytes: number;
  uploadMs: number;
  /** The dry run, from `imports.run` until it reported the file checked. */
  checkMs: number;
  /** From the import's own start (`imports.run` after the dry run) until it reported done. */
  committedMs: number;
  rowsPerSecond: number;
  counts: { created: number; updated: number; unchanged: number; deactivated: number };
  rssBeforeMiB: number;
  rssMaxSampledMiB: number;
  /** The server process's peak resident memory (VmHWM), start included. */
  peakRssMiB: number;
  /** The machine's 1-minute load average when the import started, and the most seen during it. */
  loadAverage: { atStart: number; max: number };
}

export interface ImportBenchResults {
  command: string;
  date: string;
  /** 100,000 users into a desk server on PGlite (the default) with a desk signed in. */
  users: ImportRun;
  /** The same file into a server on PostgreSQL (DATABASE_URL), no desk attached. */
  usersPostgres: ImportRun;
  /** From the import's start (after the dry run) until a signed-in desk's caller lookup found an imported caller. */
  foundOnDeskMs: number | null;
  /** 1,000,000 rows with the database out of the server's process (PostgreSQL): the memory figure. */
  big: ImportRun;
  /** The same file on PGlite, whose database lives in the server's process. */
  bigPglite: ImportRun;
  loadAverage: number;
}

/** Everything one `npm run bench` run found; bench/results.json holds exactly this. */
export interface BenchResults {
  date: string;
  command: string;
  machine: { cores: number; chromium: string; node: string; platform: string };
  clock: PageClock;
  users: number;
  storage: StorageResult;
  search: SearchResult;
  firstStart: StartResult;
  restarts: StartResult[];
  restart: Spread;
  naiveReady: NaiveReadyResult;
  saves: SaveResult;
  uiKeystrokes: UiKeystrokeResult;
  uiSaves: UiSaveResult;
  /** Issue 3's figures; absent in a run made before they existed. */
  sync?: SyncBenchResults;
  issue4?: EscalationBenchResults;
  /** Issue 9: pushes in parallel (bench/parallel-bench.mjs). */
  parallel?: ParallelBenchResults;
  /** Issue 10: health and sign-in under attack (bench/dos-bench.mjs). */
  dos?: DosBenchResults;
  /** Issue 11: CSV import (bench/import-bench.mjs). */
  import?: ImportBenchResults;
  /** Issue 11: LDAP sync from a real slapd (bench/ldap-bench.mjs). */
  ldap?: LdapBenchResults;
  /** Issue 12: kiosk check-in → lobby board and every desk (bench/walkup-latency-bench.mjs). */
  walkupLatency?: WalkupLatencyResults;
  /** Issue 16: Go to anything over a busy desk, keystroke → results shown (bench/goto-bench.mjs). */
  goTo?: GoToResults;
  /** Issue 16: keys for a known caller's call, typed and with a template (bench/keys-bench.mjs). */
  keys?: KeysResults;
  /** Issue 12: the walk-up wait estimate on simulated days (bench/walkup-estimate-bench.mjs). */
  walkUpEstimate?: WalkUpEstimateResults;
  /** Issue 13: the phone desk over the generic CTI endpoint (bench/phone-bench.mjs). */
  phone?: PhoneBenchResults;
  reports?: ReportsBenchResults;
  /** Issue 15: Lighthouse's mobile preset on Sign in and the workspace (bench/lighthouse-bench.mjs). */
  lighthouse?: LighthouseResults;
  /** Issue 15: a desk holds what it needs — sync scopes on five years of history (bench/scope-bench.mjs). */
  scope?: ScopeBenchResults;
  wallSeconds: number;
}

// ---- issue 9: pushes in parallel (bench/parallel-bench.mjs) ----

export interface ParallelBenchResults {
  date: string;
  database: string;
  command: string;
  wallSeconds: number;
  /** The 1-minute load average while it ran. */
  loadAverage: { min: number; max: number };
  cores: number;
  /** One desk, one instance. */
  alone: DeskLoadResult;
  /** `desks` desks, one instance. */
  together: DeskLoadResult;
  /** `manyDesks` desks, one instance. */
  many: DeskLoadResult;
  /** `desks` desks, half on each of two instances. */
  twoInstances: DeskLoadResult;
  /** After every run (the read API's count). */
  interactionsOnServer: number;
  /** By every run's desks. */
  interactionsCreated: number;
}

// ---- issue 11: LDAP sync from a real slapd (bench/ldap-bench.mjs) ----

export interface LdapSyncFigure {
  /** The sync's own time on the server (its result's startedAt → finishedAt). */
  serverMs: number;
  /** From the Sync now request to the status showing the result (polled every 100 ms). */
  wallMs: number;
  entriesRead: number;
  usersWritten: number;
  deactivated: number;
}

export interface LdapBenchResults {
  date: string;
  command: string;
  database: string;
  users: number;
  groups: number;
  changes: number;
  /** The machine's 1-minute load average while measuring (other work blurs the figures). */
  loadAverage: { min: number; max: number };
  first: LdapSyncFigure;
  incremental: LdapSyncFigure;
  wallSeconds: number;
}

// ---- issue 12: walk-up check-in latency (bench/walkup-latency-bench.mjs) ----

export interface LatencySpread {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

export interface WalkupLatencyResults {
  command: string;
  desks: number;
  checkIns: number;
  spacingMs: number;
  /** 'kiosk': POST /api/v1/kiosk/check-ins; 'push': visit.checkIn through a desk's push. */
  checkInPath: 'kiosk' | 'push';
  /** The check-in request's own answer time (ms): how busy the server was. */
  checkIn: LatencySpread;
  /** The machine's 1-minute load average at the end (other work blurs the figures). */
  loadAverage: number;
  /** Check-in sent → the person on the lobby board's stream (ms). */
  lobby: LatencySpread;
  /** The check-in's answer → the person on the board (ms): the part the check-in's own time leaves. */
  lobbyAfterAnswer: LatencySpread;
  /** The check-in's answer → the visit on the last desk (ms). */
  everyDeskAfterAnswer: LatencySpread;
  /** Check-in sent → the visit in one desk's pull (ms), every desk and check-in. */
  desk: LatencySpread;
  /** Check-in sent → the visit on the last of the desks (ms). */
  everyDesk: LatencySpread;
  /** Arrivals that never came within the timeout (should be 0). */
  missing: number;
  wallSeconds: number;
}

// ---- issue 12: the walk-up wait estimate on a simulated day (bench/walkup-estimate-bench.mjs) ----

export interface EstimateErrors {
  /** Arrivals that got an estimate at check-in. */
  estimated: number;
  /** |estimate at check-in − actual wait until called|, minutes. */
  medianAbsMinutes: number;
  p90AbsMinutes: number;
  /** Share of estimates within 5 minutes of the actual wait. */
  within5: number;
}

export interface WalkUpEstimateResults {
  date: string;
  command: string;
  /** The first day's seed; day d has seed + d. */
  seed: number;
  days: number;
  /** Over all the days. */
  arrivals: number;
  /** The actual waits (check-in → called), minutes. */
  waits: { median: number; p90: number; max: number };
  deskpad: EstimateErrors;
  serviceNow: EstimateErrors;
  perDay: {
    seed: number;
    arrivals: number;
    deskpadMedianAbsMinutes: number;
    serviceNowMedianAbsMinutes: number;
  }[];
  wallSeconds: number;
}

// ---- issue 13: the phone desk over the generic CTI endpoint (bench/phone-bench.mjs) ----

export interface PhoneBurstResults {
  /** Calls announced a second, and for how long. */
  rate: number;
  seconds: number;
  /** Each call: newCall, answer ringMs later, hangup talkMs after that. */
  ringMs: number;
  talkMs: number;
  calls: number;
  /** CTI requests sent (3 per call). */
  events: number;
  /** newCalls a second as actually sent (first to last newCall). */
  announcedPerSecond: number;
  /** From the first event to the last event's answer. */
  sendSeconds: number;
  /** Each CTI request's round trip (ms). */
  request: LatencySpread;
  /** Requests not answered 2xx (or not answered at all). */
  non2xx: number;
  /** Calls not in the database as Ended, answered by the agent the phone system named. */
  wrongState: number;
  /** Rows in the CTI event log for the burst's calls (every event is kept: 3 per call). */
  eventsLogged: number;
  /** The last event's answer → every desk holds every burst call as Ended (ms); null: never. */
  desksCaughtUpMs: number | null;
  /** (desk, call) pairs not Ended on the desk when the bench stopped waiting. */
  desksBehind: number;
  /** Desks' pulls that failed (a reset connection) and were tried again, over the whole run. */
  deskPullErrors: number;
}

export interface PhoneBenchResults {
  date: string;
  command: string;
  database: string;
  /** Agents in the queue's group, each with a desk connected. */
  desks: number;
  /** Calls measured one at a time for the latency figures. */
  calls: number;
  spacingMs: number;
  /** The 1-minute load average while it ran. */
  loadAverage: { min: number; max: number };
  /** Baseline: GET /api/v1/health from the phone system's address (ms). */
  healthRoundTrip: LatencySpread;
  /** The newCall request's own round trip (ms). */
  newCallRequest: LatencySpread;
  /** newCall sent → the call in the last of the desks' pulls (ms). */
  newCallEveryDesk: LatencySpread;
  /** newCall answered → the call in the last desk's pull (ms). */
  newCallEveryDeskAfterAnswer: LatencySpread;
  /** answer sent → the answered call in the answering agent's desk's pull (ms). */
  answerAgentDesk: LatencySpread;
  /** answer sent → Demo Agent's desk in Chromium shows New interaction with the caller in Opened for (ms). */
  answerFormPrefilled?: LatencySpread;
  /** Arrivals that never came within the timeout (should be 0). */
  missing: number;
  burst: PhoneBurstResults;
  wallSeconds: number;
}

// ---- issue 14: the desk figures over a year of history (bench/reports-bench.mjs) ----

export interface ReportsBenchResults {
  date: string;
  command: string;
  database: string;
  timeZone: string;
  /** Timed requests per report and period, after one warm-up. */
  runs: number;
  loaded: {
    demo: Record<'interactions' | 'visits' | 'calls' | 'incidents', number>;
    copies: Record<'interactions' | 'visits' | 'calls', number>;
    interactions: number;
    visits: number;
    calls: number;
    incidents: number;
    seconds: number;
  };
  /** Baseline: GET /api/v1/health from the same client (ms). */
  healthRoundTrip: LatencySpread;
  /** GET /api/v1/reports/{name} over the last 30 days (month) and 365 days (year), ms. */
  reports: { name: string; period: 'month' | 'year'; spread: LatencySpread }[];
  /** The volume query alone, from report_hourly and from the interactions (ms). */
  volume: {
    period: 'month' | 'year';
    withHourly: LatencySpread;
    without: LatencySpread;
    total: number;
  }[];
  /** The dashboard on a manager's desk in daily use: its sync caught up before the year was loaded. */
  dashboard: DashboardTimes;
  /** The dashboard on a manager's new desk while its first sync of the year runs. */
  dashboardFirstSync: DashboardTimes;
  loadAverage: { min: number; max: number };
  wallSeconds: number;
}

export interface DashboardTimes {
  /** Dashboard clicked → every chart drawn, the first time (its chunk prefetched or not). */
  first: number | null;
  /** Dashboard clicked → every chart drawn (Today), each opening (ms). */
  today: LatencySpread;
  /** Period changed to the last 28 days → drawn again (ms). */
  month: LatencySpread;
}
// ---- issue 15: slow links, Lighthouse's mobile preset (bench/lighthouse-bench.mjs) ----

/** One Lighthouse run of one page: category scores (0–100) and its key metrics. */
export interface LighthouseRun {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  /** Simulated on Lighthouse's slow-4G mobile link (ms). */
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  speedIndexMs: number;
  cls: number;
  /** Bytes over the wire for the whole load (compressed where the server compressed). */
  transferBytes: number;
  /** Of which scripts. */
  scriptBytes: number;
  requests: number;
  /** Weighted audits that did not pass, as `category: audit-id`. */
  faults: string[];
}

export interface LighthouseResults {
  command: string;
  date: string;
  lighthouseVersion: string;
  chromium: string;
  /** Runs per page; each page's figure is the median run by performance score. */
  runs: number;
  /** A fresh desk's first screen: Sign in. */
  signIn: LighthouseRun;
  /** The demo agent's workspace, signed in, with the app's caches (service worker, HTTP) cleared. */
  workspace: LighthouseRun;
  /** The machine's 1-minute load average at the end: Lighthouse scales the CPU time it saw by 4. */
  loadAverage: number;
  wallSeconds: number;
}

// ---- issue 16: Go to anything, keystroke to results shown (bench/goto-bench.mjs) ----

export interface GoToResults {
  command: string;
  date: string;
  /** What the desk held: interactions + incidents + requests. */
  records: number;
  interactions: number;
  incidents: number;
  requests: number;
  seedSeconds: number;
  /** Texts typed (numbers, callers' names, words, in turn) and how many ended with rows shown. */
  texts: number;
  found: number;
  /** Every keystroke's `goto:keystroke-to-render` (ms), and by kind of text. */
  keystrokes: LatencySpread;
  number: LatencySpread;
  caller: LatencySpread;
  words: LatencySpread;
  /** The same texts with Chromium's DeferRendererTasksAfterInput off, as the desktop app runs. */
  withoutInputDeferral: LatencySpread;
  /**
   * Knowledge suggestions beside the form over `articles` published articles: each keystroke of
   * `articleText` in Short description → `knowledge:keystroke-to-render` (ms), both Chromium runs.
   */
  articles?: number;
  articleText?: string;
  knowledge?: LatencySpread;
  loadAverage: number;
  wallSeconds: number;
}

// ---- issue 16: keys for a known caller's call, typed and with a template (bench/keys-bench.mjs) ----

export interface KeysRound {
  /**
   * How the caller was found and the short description given: `new` a caller none of the bench's
   * calls were for, by name (the surname, then the given name, typed until they are the first
   * match; Enter), with the contact template; `known` a caller of an earlier call (not the latest),
   * by name the same way, with the template; `known-typed` the same, the short description typed in
   * full; `recent` the latest caller from Opened for's recent callers (ArrowDown, Enter), template.
   */
  how: 'new' | 'known' | 'known-typed' | 'recent';
  /** Every key pressed, as the report names them (Alt+N, a letter, ArrowDown, Ctrl+Enter). */
  keys: string[];
  /** Of those, the caller's letters typed in Opened for (0 for `recent`). */
  letters: number;
  /** Of those, the short description's characters (0 with a template). */
  typed: number;
  /** First key → "Closed IMS…: Closed Complete" on screen. */
  ms: number;
  /** Short description as the closed interaction shows it. */
  shortDescription: string;
}

/** One of the agent's known callers from the desk's demo history, looked up by name (nothing logged). */
export interface KnownByHistory {
  name: string;
  /** Letters of the surname (then the given name) typed until they were the first match. */
  letters: number;
  /** Their option said "Known caller" (the desk holds that history). */
  known: boolean;
}

export interface KeysResults {
  command: string;
  date: string;
  /** The template the template rounds apply. */
  template: string;
  rounds: KeysRound[];
  /** Every few of the agent's known callers from the desk's history, by frecency. */
  byHistory?: KnownByHistory[];
  /** First key → closed, for the known caller by name with the template, and typed. */
  withTemplate: LatencySpread;
  typed: LatencySpread;
  loadAverage: number;
  wallSeconds: number;
}
