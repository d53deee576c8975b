// Leader election: one sync runner per installation, the host that holds the Web Lock; another
// host of the installation waits on the lock and takes over when the leader's host closes.
// Never runs sync itself: it only says who runs it.

import type { Logger } from '../logger';

/** The part of `navigator.locks` the runner uses. */
export interface LockManagerLike {
  request(name: string, callback: (lock: unknown) => Promise<void>): Promise<unknown>;
}

export const SYNC_LOCK_NAME = 'deskpad-sync';

export function defaultLocks(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks ?? null;
}

export class LeaderElection {
  private readonly locks: LockManagerLike | null;
  private readonly log: Logger;
  private leader = false;
  private resigned = false;
  private releaseLock: (() => void) | null = null;

  /** `locks` null: no lock at all (one host per installation anyway): this host leads at once. */
  constructor(locks: LockManagerLike | null, log: Logger) {
    this.locks = locks;
    this.log = log;
  }

  /** Asks for the lock; `elected` is called once this host holds it (at once without locks). */
  start(elected: () => void): void {
    if (!this.locks) {
      this.leader = true;
      elected();
      return;
    }
    // Held until resign(): another host of this installation (a second tab's worker) waits here.
    this.locks
      .request(SYNC_LOCK_NAME, () => {
        if (this.resigned) return Promise.resolve();
        this.leader = true;
        this.log.info('this host runs sync for the installation');
        elected();
        return new Promise<void>((resolve) => (this.releaseLock = resolve));
      })
      .catch((error: unknown) => this.log.warn('the sync lock could not be taken', error));
  }

  isLeader(): boolean {
    return this.leader;
  }

  /** Lets the lock go (the host closes): the next waiting host takes over. */
  resign(): void {
    this.resigned = true;
    this.releaseLock?.();
    this.releaseLock = null;
  }
}
