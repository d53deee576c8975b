// First start: a progress bar while the demo directory is generated, stored and indexed. The
// rest of the window stays usable meanwhile. Never starts the loading: the store host does.

import { useEffect, useState } from 'react';
import type { StoreEvent } from '../../shared/store-api/contract';
import { useStoreHost } from './deskpad-context';
import { useLiveValue } from '../hooks/use-live-query';

type Progress = Extract<StoreEvent, { type: 'directory-progress' }>;

const PHASE_TEXT: Record<Progress['phase'], string> = {
  generating: 'preparing',
  storing: 'storing',
  indexing: 'indexing',
  ready: 'ready',
};

export function DirectoryProgress() {
  const store = useStoreHost();
  const status = useLiveValue('directory.status', {}, null);
  const [progress, setProgress] = useState<Progress | null>(null);

  useEffect(() => {
    let active = true;
    let stop: (() => void) | null = null;
    void store
      .onEvent((event) => {
        if (active && event.type === 'directory-progress') setProgress(event);
      })
      .then((off) => {
        if (active) stop = off;
        else off();
      });
    return () => {
      active = false;
      stop?.();
    };
  }, [store]);

  const ready = progress ? progress.phase === 'ready' : (status?.ready ?? true);
  if (ready) return null;
  const total = progress && progress.total > 0 ? progress.total : undefined;
  const label = progress
    ? `Loading the directory: ${PHASE_TEXT[progress.phase]}${total ? ` ${progress.done.toLocaleString()} of ${total.toLocaleString()}` : ''}`
    : 'Loading the directory';
  return (
    <div className="directory-progress">
      <span id="directory-progress-label">{label}</span>
      <progress
        aria-labelledby="directory-progress-label"
        max={total}
        value={total ? progress?.done : undefined}
      />
    </div>
  );
}
