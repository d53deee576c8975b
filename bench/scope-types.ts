// The scope bench's results (issue 15: a desk holds what it needs; bench/scope-bench.mjs).
// Types only, shared by the runner, the report and their tests.

export type SyncAttemptTotals = Partial<Record<string, { count: number; ms: number }>>;

/** What a fresh desk did from sign-in, and what it held then. */
export interface FreshDeskFigure {
  /** Sign-in → sync.status online with a complete pull behind it (lastSyncedAt set); null: not within timeoutMs. */
  caughtUpMs: number | null;
  /** Sign-in → Go to anything's query finds the latest interaction by number and by its word. */
  searchableMs: number | null;
  /** Then Ctrl+G and the number typed → its row on screen. */
  goToOnScreenMs: number | null;
  /** How long the bench waited for it to catch up. */
  timeoutMs: number;
  /** The server's pull requests in that time (its request log): how many, ms of its own together. */
  serverPulls: { count: number; ms: number };
  /** Sync details' attempts since sign-in, by kind (pull, directory, push): how many, ms together. */
  attempts: SyncAttemptTotals;
  storage: DeskStorage;
}

export interface DeskStorage {
  /** navigator.storage.estimate().usage: the origin's whole usage. */
  usageBytes: number | null;
  /** Its IndexedDB part (Chromium's usageDetails). */
  indexedDbBytes: number | null;
  /** Interactions, incidents, requests, visits and calls held (the store host's Sync details). */
  records: number | null;
  ceilingBytes: number | null;
  /** Whether the store host measured after the pull (after its eviction), not only at start. */
  measuredAfterPull: boolean;
}

/** A generated history on the server (bench/scope-load.mjs). */
export interface ScopeHistory {
  interactions: number;
  incidents: number;
  visits: number;
  calls: number;
  openInteractions: number;
  openIncidents: number;
  /** Interactions changed within the last 30 days. */
  recentInteractions: number;
}

export interface ScopeBenchResults {
  date: string;
  command: string;
  database: string;
  /** The agent the desks sign in as. */
  agent: string;
  history: ScopeHistory & { loadSeconds: number };
  /** A fresh desk on the five-year history, pulling its scope. */
  scoped: FreshDeskFigure;
  /** The same desk a week offline while the server took a week of work. */
  week: {
    /** New interactions and incidents written, and changes to held records. */
    interactions: number;
    incidents: number;
    updates: number;
    /** setOffline(false) → sync.status online with a complete pull after it. */
    caughtUpMs: number;
    /** setOffline(false) → the week's last change found by its word. */
    lastChangeFoundMs: number;
    pendingChanges: number;
    attempts: SyncAttemptTotals;
    serverPulls: { count: number; ms: number };
  };
  /** Today's full pull: a fresh desk on a 100,000-interaction history with every row in scope. */
  baseline: FreshDeskFigure & { history: ScopeHistory; recentDays: number };
  loadAverage: { min: number; max: number };
  wallSeconds: number;
}
