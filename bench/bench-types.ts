// The shapes the benchmark pages answer with and the Node runner reads: one contract, two sides.
// Types only (and the two page globals); never code, so pages and the Node runner share it.

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
}

declare global {
  interface Window {
    /** Set by bench/pages/store-bench.ts. */
    deskpadBench: StoreBenchApi;
    /** Set by bench/pages/app-probe.ts. */
    deskpadApp: AppProbeApi;
  }
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
  wallSeconds: number;
}
