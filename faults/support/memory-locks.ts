// Web Locks for store hosts that share one Node process: Node 20 has no navigator.locks, and the
// sync runner needs one holder per name. Exclusive mode only; it never times out or steals a lock.

import type { LockManagerLike } from '../../electron/store/index';

/** One holder per name; later requests wait in arrival order, as navigator.locks does. */
export function memoryLocks(): LockManagerLike & { holders(): string[] } {
  const waiting = new Map<string, (() => void)[]>();
  const held = new Set<string>();
  const release = (name: string): void => {
    held.delete(name);
    const next = waiting.get(name)?.shift();
    next?.();
  };
  return {
    request(name, callback) {
      return new Promise((resolve, reject) => {
        const grant = (): void => {
          held.add(name);
          let done: Promise<void>;
          try {
            done = callback({ name, mode: 'exclusive' });
          } catch (error) {
            done = Promise.reject(error instanceof Error ? error : new Error(String(error)));
          }
          done.then(resolve, reject).finally(() => release(name));
        };
        if (held.has(name)) waiting.set(name, [...(waiting.get(name) ?? []), grant]);
        else grant();
      });
    },
    holders: () => [...held],
  };
}
