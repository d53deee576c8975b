// The always-visible sync mark: Online, Offline or Syncing, how many changes wait, the last problem
// in words, when the desk last synced, and Sync now; clicking the mark opens Sync details. Reads the
// store host's status; syncs only when asked (Sync now) or when this window sees the network come back.

import { useEffect, useState } from 'react';
import type { SessionState } from '../../shared/store-api/contract';
import { formatFullTime, formatShortTime } from '../format/format-time';
import { useLiveValue } from '../hooks/use-live-query';
import { useDeskpad } from './deskpad-context';
import { SyncDetailsDialog } from './sync-details-dialog';
import { connectionOf, useWindowOnline, type Connection } from './use-window-online';

export const pendingText = (n: number): string =>
  `${n} ${n === 1 ? 'change' : 'changes'} not synced`;

export const CONNECTION_WORDS: Record<Connection, string> = {
  online: 'Online',
  offline: 'Offline',
  syncing: 'Syncing',
};

/**
 * The network came back: ask for a sync at once. The window hears `online` for sure; a SharedWorker
 * store host may not (Chromium fires no online/offline events there, navigator.onLine only changes).
 */
function useSyncWhenBackOnline(enabled: boolean): void {
  const { store } = useDeskpad();
  useEffect(() => {
    if (!enabled) return undefined;
    const onOnline = (): void => void store.act('sync.now', {});
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [store, enabled]);
}

function SyncNow() {
  const { store } = useDeskpad();
  const [busy, setBusy] = useState(false);
  const syncNow = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    // The answer's problems, if any, reach the mark through sync.status' lastError.
    await store.act('sync.now', {});
    setBusy(false);
  };
  return (
    <button
      type="button"
      className="button button--quiet"
      aria-disabled={busy}
      onClick={() => void syncNow()}
    >
      Sync now
    </button>
  );
}

export function SyncMark({ session }: { session: SessionState | null }) {
  const { now } = useDeskpad();
  const status = useLiveValue('sync.status', {}, null);
  const connection = connectionOf(status, useWindowOnline());
  const pending = status?.pendingChanges ?? 0;
  const lastSyncedAt = status?.lastSyncedAt ?? null;
  const lastSynced = lastSyncedAt ? formatShortTime(lastSyncedAt, now()) : '';
  const [details, setDetails] = useState(false);
  useSyncWhenBackOnline(session?.status === 'signed-in');
  return (
    <div className="sync-area">
      {/* The live region holds what changes the agent's plans: connection, waiting work, the problem. */}
      <div role="status" className={`sync-mark sync-mark--${connection}`}>
        {/* The mark itself opens Sync details: named by what it shows, said to open a dialog. */}
        <button
          type="button"
          className="sync-mark-open"
          aria-haspopup="dialog"
          title="Sync details"
          onClick={() => setDetails(true)}
        >
          <span className="sync-dot" aria-hidden="true" />
          <span className="sync-connection">{CONNECTION_WORDS[connection]}</span>
          <span className="sync-detail">{pendingText(pending)}</span>
        </button>
        {/* Visible, not a tooltip: keyboard and screen-reader users need the reason too. */}
        {status?.lastError && <span className="sync-detail sync-reason">{status.lastError}</span>}
      </div>
      {lastSyncedAt && lastSynced ? (
        <span className="sync-last">
          Last synced{' '}
          <time dateTime={lastSyncedAt} title={formatFullTime(lastSyncedAt)}>
            {lastSynced}
          </time>
        </span>
      ) : (
        // Its place is kept until the first sync, so the banner never reflows when it comes.
        session?.serverUrl && <span className="sync-last" aria-hidden="true" />
      )}
      {session?.serverUrl && <SyncNow />}
      {details && <SyncDetailsDialog onClose={() => setDetails(false)} />}
    </div>
  );
}
