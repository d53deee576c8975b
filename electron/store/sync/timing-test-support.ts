// Fixtures for the sync engine's timing tests: timers that fire only when the test says so, and
// Web Locks in memory. Imported by tests only; never by code that ships.

import type { Cancel, Timers } from './connection-loop';
import type { LockManagerLike } from './leader-election';

export interface ManualWait {
  ms: number;
  callback: () => void;
  cancelled: boolean;
}

/** Timers that fire only when the test says so, so every wait can be read. */
export class ManualTimers implements Timers {
  readonly waits: ManualWait[] = [];
  set(callback: () => void, ms: number): Cancel {
    const wait = { ms, callback, cancelled: false };
    this.waits.push(wait);
    return () => {
      wait.cancelled = true;
    };
  }
  /** The waits still due, optionally only those of `ms`. */
  live(ms?: number): ManualWait[] {
    return this.waits.filter((w) => !w.cancelled && (ms === undefined || w.ms === ms));
  }
  /** Fires the waits due now (all, or those of `ms`); answers how many. */
  fire(ms?: number): number {
    const due = this.live(ms);
    for (const w of due) {
      w.cancelled = true;
      w.callback();
    }
    return due.length;
  }
}

/** One holder per lock name; the others wait in order and get it when the holder's callback settles. */
export function memoryLocks(): LockManagerLike {
  const queues = new Map<string, (() => void)[]>();
  const held = new Set<string>();
  return {
    request(name, callback) {
      return new Promise((resolve, reject) => {
        const start = (): void => {
          held.add(name);
          callback(null)
            .then(resolve, reject)
            .finally(() => {
              held.delete(name);
              queues.get(name)?.shift()?.();
            });
        };
        if (!held.has(name)) start();
        else queues.set(name, [...(queues.get(name) ?? []), start]);
      });
    },
  };
}
