// How a desk syncs: its desk server, and every wait, clock and channel the sync engine uses (so a
// test can pass its own). Only settings; never behaviour.

import type { BackoffPolicy } from './backoff';
import type { Timers } from './connection-loop';
import type { FetchLike } from './desk-server-client';
import type { BroadcastLike } from './host-channel';
import type { TokenVault } from './kept-session';
import type { LockManagerLike } from './leader-election';

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
  /**
   * How long a desk that opens signed in waits before its first sync unless a window says sooner
   * that it has drawn its first screen (`sync.windowShown`): the window's start gets the CPU and
   * the link first. 0 (none) by default; the app's store hosts wait FIRST_SYNC_WAIT_MS.
   */
  firstSyncWaitMs?: number;
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
  /** For the timing of sync attempts in Sync details only (never orders anything). */
  clock?: () => number;
  /** Opens the channel to the other hosts (BroadcastChannel by default). */
  openChannel?: (name: string) => BroadcastLike | null;
}
