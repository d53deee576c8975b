// A progress bar while a fresh desk's first sync brings its records in one streamed snapshot (ADR
// 0020): "Bringing this desk's records: 12,400 of 38,000". The agent works meanwhile; the bar goes
// when the snapshot is stored. Reads the sync status only; never starts a sync.

import { useId } from 'react';
import { useLiveValue } from '../hooks/use-live-query';

export function SnapshotProgress() {
  const status = useLiveValue('sync.status', {}, null);
  const labelId = useId();
  const textId = useId();
  const snapshot = status?.snapshot;
  if (!snapshot) return null;
  const max = Math.max(snapshot.total, snapshot.done, 1);
  return (
    <div className="directory-progress snapshot-progress">
      <span id={labelId}>Bringing this desk’s records</span>
      <progress
        aria-labelledby={labelId}
        aria-describedby={textId}
        max={max}
        value={snapshot.done}
      />
      <span id={textId}>
        {snapshot.done.toLocaleString()} of {snapshot.total.toLocaleString()}
      </span>
    </div>
  );
}
