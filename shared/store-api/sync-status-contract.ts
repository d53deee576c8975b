// What the store host says of its sync and its directory: the status every window shows, the
// attempts, log and storage Sync details lists, and whether the directory is loaded. Types only;
// contract.ts re-exports them.

export interface SyncStatus {
  /** What the desk believes right now: it never waits on the network to answer. */
  connection: 'online' | 'offline' | 'syncing';
  /** Changes saved on this desk and not yet acknowledged by the desk server. */
  pendingChanges: number;
  lastSyncedAt: string | null;
  /** The last sync problem in words, or null. */
  lastError: string | null;
  /** Whether a desk server is configured and answers at all (false in the local demo). */
  serverReachable?: boolean;
  /** Changes the server refused, waiting in Needs attention. */
  needsAttention?: number;
  /**
   * Changes other agents made on this desk (counted in pendingChanges): each is sent only with
   * its author's session, so they wait until that agent signs in here again.
   */
  waitingForOthers?: WaitingForAgent[];
  /**
   * A first sync bringing this desk's records in one streamed snapshot (ADR 0020): records stored
   * of the total. Absent when none is arriving.
   */
  snapshot?: { done: number; total: number };
}

export interface WaitingForAgent {
  agentId: string;
  /** The agent's name from the directory, or their id when the directory does not have them. */
  name: string;
  count: number;
}

export interface DirectoryStatus {
  ready: boolean;
  users: number;
  groups: number;
  configurationItems: number;
  /** The directory's own version, so a window can tell when it changed. */
  loadedAt: string | null;
}

export type SyncAttemptKind = 'push' | 'pull' | 'directory' | 'poke';

/** One try at talking to the desk server, as Sync details lists it. */
export interface SyncAttempt {
  kind: SyncAttemptKind;
  startedAt: string;
  durationMs: number;
  outcome: 'ok' | 'failed';
  /** Why it failed, in words (never a token); null when it worked. */
  error: string | null;
}

/** A line of the store host's log (never a token or password). */
export interface SyncLogLine {
  at: string;
  level: 'debug' | 'info' | 'warn' | 'error';
  module: string;
  message: string;
}

/** What Sync details shows, and Copy for support copies: newest attempt first, log oldest first. */
export interface SyncDetails {
  attempts: SyncAttempt[];
  log: SyncLogLine[];
  /** The desk's storage (ADR 0020); absent until measured, and on a desk without a server. */
  storage?: StorageUse;
}

/** What this desk's storage holds, as the browser says, against the ceiling eviction keeps it under. */
export interface StorageUse {
  /** navigator.storage.estimate()'s usage; null where the browser does not say. */
  usedBytes: number | null;
  quotaBytes: number | null;
  ceilingBytes: number;
  /** Interactions, incidents, requests, visits and calls held. */
  records: number;
  measuredAt: string;
}
