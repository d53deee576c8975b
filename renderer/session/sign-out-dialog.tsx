// Asks before signing out (here, or everywhere the agent is signed in) and says what happens to the
// work waiting on this desk (it stays and syncs after the next sign-in). Stay signed in is the default and Escape's choice. Never signs out
// while the desk is offline: signing in again needs the desk server, so the desk would be shut until it is back.

import { useEffect, useId, useRef, useState } from 'react';
import { ModalDialog } from '../dialog/modal-dialog';
import { useStoreHost } from '../app/deskpad-context';
import { connectionOf, useWindowOnline } from '../app/use-window-online';
import { useLiveValue } from '../hooks/use-live-query';
import { SESSION_WORDS } from './session-end';

export function waitingOnSignOut(pending: number, needsAttention: number): string {
  const parts: string[] = [];
  if (pending === 0) parts.push('Every change saved on this desk has reached the desk server.');
  else
    parts.push(
      pending === 1
        ? '1 change is not synced yet. It stays on this desk and syncs after the next sign-in.'
        : `${pending} changes are not synced yet. They stay on this desk and sync after the next sign-in.`,
    );
  if (needsAttention > 0)
    parts.push(
      needsAttention === 1
        ? '1 refused change in Needs attention stays here too.'
        : `${needsAttention} refused changes in Needs attention stay here too.`,
    );
  return parts.join(' ');
}

export function SignOutDialog({ onClose }: { onClose: () => void }) {
  const store = useStoreHost();
  const status = useLiveValue('sync.status', {}, null);
  const offline = connectionOf(status, useWindowOnline()) === 'offline';
  const textId = useId();
  const stayRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The network went while the dialog was open and Sign out went with it: Stay signed in has focus.
  useEffect(() => {
    const active = document.activeElement;
    if (offline && (active === null || active === document.body)) stayRef.current?.focus();
  }, [offline]);

  const signOut = async (everywhere: boolean): Promise<void> => {
    if (busy || offline) return;
    setBusy(true);
    const answer = await store.act('session.signOut', everywhere ? { everywhere } : {});
    setBusy(false);
    if (answer.ok) onClose();
    else setError(`Signing out did not work: ${answer.error.message}`);
  };

  const waiting = status
    ? waitingOnSignOut(status.pendingChanges, status.needsAttention ?? 0)
    : 'Changes not synced yet stay on this desk and sync after the next sign-in.';

  return (
    <ModalDialog title="Sign out" onCancel={onClose} initialFocus={stayRef} describedBy={textId}>
      <p id={textId}>{offline ? SESSION_WORDS.signOutOffline : waiting}</p>
      {!offline && <p>{SESSION_WORDS.signOutEverywhere}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions actions--end">
        {!offline && (
          <button
            type="button"
            className="button button--danger"
            aria-disabled={busy}
            onClick={() => void signOut(false)}
          >
            Sign out
          </button>
        )}
        {!offline && (
          <button
            type="button"
            className="button button--danger"
            aria-disabled={busy}
            onClick={() => void signOut(true)}
          >
            Sign out everywhere
          </button>
        )}
        <button type="button" className="button" ref={stayRef} onClick={onClose}>
          Stay signed in
        </button>
      </div>
    </ModalDialog>
  );
}
