// The browser's answer on keeping Deskpad's data, asked once as the window starts, so the first
// screen is decided with it and the storage notice is there from the first paint, never pushing
// the workspace down after it. Never waits long: no answer in time is "unknown" (no notice).

import { useEffect, useState } from 'react';
import type { StoragePersistence, StoragePersistenceSource } from './storage-persistence';

/** Chromium answers persist() at once; a browser that would prompt is not waited for. */
export const STORAGE_ANSWER_WAIT_MS = 1000;

/** Null until answered; 'unknown' at once where no page asks (the desktop app, tests). */
export function useStorageAnswer(
  source: StoragePersistenceSource | undefined,
  waitMs = STORAGE_ANSWER_WAIT_MS,
): StoragePersistence | null {
  const [answer, setAnswer] = useState<StoragePersistence | null>(source ? null : 'unknown');
  useEffect(() => {
    if (!source) return;
    let live = true;
    const settle = (value: StoragePersistence): void => {
      if (live) setAnswer((known) => known ?? value);
    };
    const timer = setTimeout(() => settle('unknown'), waitMs);
    source.check().then(settle, () => settle('unknown'));
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [source, waitMs]);
  return answer;
}
