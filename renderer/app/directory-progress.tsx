// A progress bar while the directory is made ready: the demo generated on first start, or the
// desk server's directory downloaded page by page, then stored and indexed. The rest of the window
// stays usable meanwhile. Never starts the loading: the store host does.

import { useEffect, useId, useState } from 'react';
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
  if (progress?.phase === 'generating' && progress.source === 'server')
    return <DirectoryDownload done={progress.done} total={progress.total} />;
  return <DirectoryLoading progress={progress} />;
}

/**
 * The desk server's directory arriving. Pages carry users, assignment groups and configuration
 * items alike, and the server does not say how many are left: the words count records received,
 * and the bar's end (one page more than so far) moves on while pages come.
 */
function DirectoryDownload({ done, total }: { done: number; total: number }) {
  const labelId = useId();
  const textId = useId();
  const max = Math.max(total, done, 1);
  return (
    <div className="directory-progress">
      <span id={labelId}>Downloading directory</span>
      <progress aria-labelledby={labelId} aria-describedby={textId} max={max} value={done} />
      <span id={textId}>{done.toLocaleString()} records so far</span>
    </div>
  );
}

function DirectoryLoading({ progress }: { progress: Progress | null }) {
  const labelId = useId();
  const total = progress && progress.total > 0 ? progress.total : undefined;
  const label = progress
    ? `Loading the directory: ${PHASE_TEXT[progress.phase]}${total ? ` ${progress.done.toLocaleString()} of ${total.toLocaleString()}` : ''}`
    : 'Loading the directory';
  return (
    <div className="directory-progress">
      <span id={labelId}>{label}</span>
      <progress aria-labelledby={labelId} max={total} value={total ? progress?.done : undefined} />
    </div>
  );
}
