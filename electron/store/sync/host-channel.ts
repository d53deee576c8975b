// What the hosts of one installation tell each other over a BroadcastChannel (several tabs, each
// with its own host, when there is no SharedWorker). Each reads the details from IndexedDB; a
// message is only a nudge. Never carries a token.

import type { SyncStatus } from '../../../shared/store-api/contract';
import type { Logger } from '../logger';

/** The part of BroadcastChannel the runner uses. */
export interface BroadcastLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export const SYNC_CHANNEL_NAME = 'deskpad-sync';

export interface RunnerStatus {
  connection: SyncStatus['connection'];
  lastError: string | null;
  serverReachable: boolean | null;
  lastSyncedAt: string | null;
  /** A first sync's snapshot arriving (records stored of the total); absent from older hosts. */
  snapshot?: { done: number; total: number } | null;
}

export type HostMessage =
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

const TYPES: ReadonlySet<unknown> = new Set(['nudge', 'state', 'status', 'directory', 'ask']);

export function isHostMessage(data: unknown): data is HostMessage {
  return typeof data === 'object' && data !== null && TYPES.has((data as { type?: unknown }).type);
}

function openBroadcast(name: string): BroadcastLike | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
}

export class HostChannel {
  private channel: BroadcastLike | null;
  private readonly log: Logger;

  /** `name` null: a host alone (no channel). */
  constructor(
    name: string | null,
    log: Logger,
    open: (name: string) => BroadcastLike | null = openBroadcast,
  ) {
    this.channel = name === null ? null : open(name);
    this.log = log;
  }

  get open(): boolean {
    return this.channel !== null;
  }

  onMessage(listener: (message: HostMessage) => void): void {
    this.channel?.addEventListener('message', (event) => {
      if (isHostMessage(event.data)) listener(event.data);
    });
  }

  post(message: HostMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch (error) {
      // A closed channel: the other hosts catch up from IndexedDB when they next look.
      this.log.debug(`could not tell the other hosts (${message.type})`, error);
    }
  }

  close(): void {
    this.channel?.close();
    this.channel = null;
  }
}
