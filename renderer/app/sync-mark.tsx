// The always-visible mark: Online or Offline, and how many changes wait to be synced.
// Reads the store host's sync status and the window's own network signal; never syncs.

import { useSyncExternalStore } from 'react';
import type { SyncStatus } from '../../shared/store-api/contract';
import { useLiveValue } from '../hooks/use-live-query';

function subscribeToNetwork(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** The window knows at once when the cable is pulled; the store host may learn it later. */
function useWindowOnline(): boolean {
  return useSyncExternalStore(
    subscribeToNetwork,
    () => navigator.onLine,
    () => true,
  );
}

export const pendingText = (n: number): string =>
  `${n} ${n === 1 ? 'change' : 'changes'} not synced`;

export function connectionOf(
  status: SyncStatus | null,
  windowOnline: boolean,
): 'online' | 'offline' | 'syncing' {
  if (!windowOnline) return 'offline';
  return status?.connection ?? 'online';
}

export function SyncMark() {
  const status = useLiveValue('sync.status', {}, null);
  const connection = connectionOf(status, useWindowOnline());
  const pending = status?.pendingChanges ?? 0;
  return (
    <div role="status" className={`sync-mark sync-mark--${connection}`}>
      <span className="sync-dot" aria-hidden="true" />
      <span className="sync-connection">{connection === 'offline' ? 'Offline' : 'Online'}</span>
      {connection === 'syncing' && <span className="sync-detail">syncing</span>}
      <span className="sync-detail">{pendingText(pending)}</span>
      {/* Visible, not a tooltip: keyboard and screen-reader users need the reason too. */}
      {status?.lastError && <span className="sync-detail sync-reason">{status.lastError}</span>}
    </div>
  );
}
