// The line under the banner when the browser may evict Deskpad's database, with the fix, Ask again
// and Dismiss. Shows nothing when storage is kept or unknown; nothing at all where no page asks.

import { useEffect, useId, useState } from 'react';
import {
  STORAGE_WORDS,
  type StoragePersistence,
  type StoragePersistenceSource,
} from './storage-persistence';

export function StorageNotice({
  source,
  first,
}: {
  source: StoragePersistenceSource | undefined;
  /** The answer the first screen waited for (use-storage-answer.ts): shown from the first paint. */
  first?: StoragePersistence | null;
}) {
  const textId = useId();
  const [state, setState] = useState<StoragePersistence>(first ?? 'unknown');
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    if (!source || (first !== undefined && first !== null)) return;
    let live = true;
    source.check().then(
      (answer) => live && setState(answer),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [source, first]);

  // No source: a page that never asks (the desktop app, which grants it itself), so no region.
  if (!source) return null;
  const showing = state === 'not-granted' && !dismissed;
  const askAgain = (): void => {
    source.ask().then(setState, () => undefined);
  };
  return (
    <div className={showing ? 'storage-notice' : undefined}>
      {/* In the page from the start, so the words are announced when they arrive. */}
      <p id={textId} role="status">
        {showing ? STORAGE_WORDS.notGranted : ''}
      </p>
      {showing && (
        <>
          <button type="button" className="button" aria-describedby={textId} onClick={askAgain}>
            {STORAGE_WORDS.askAgain}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setDismissed(true)}>
            {STORAGE_WORDS.dismiss}
          </button>
        </>
      )}
    </div>
  );
}
