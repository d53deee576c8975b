// Whether this window's network is up (navigator.onLine, kept current by online/offline events), and
// whether the desk counts as offline right now. Never probes the server: the store host does.

import { useSyncExternalStore } from 'react';
import type { SyncStatus } from '../../shared/store-api/contract';

function subscribeToNetwork(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** The window knows at once when the cable is pulled; the store host may learn it later. */
export function useWindowOnline(): boolean {
  return useSyncExternalStore(
    subscribeToNetwork,
    () => navigator.onLine,
    () => true,
  );
}

export type Connection = SyncStatus['connection'];

export function connectionOf(status: SyncStatus | null, windowOnline: boolean): Connection {
  if (!windowOnline) return 'offline';
  return status?.connection ?? 'online';
}
