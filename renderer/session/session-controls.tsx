// The banner's account part: who works at this desk ("Signed in as …" and Sign out while a desk
// server session is kept, with a quiet word when it ends within a day; the agent's name alone on a
// desk without one). Never signs in or out by itself.

import { useEffect, useState } from 'react';
import type { SessionState } from '../../shared/store-api/contract';
import { useDeskpad, useUi } from '../app/deskpad-context';
import { useLiveValue } from '../hooks/use-live-query';
import { expiryNote, untilExpiryNoteChanges } from './session-end';

/** setTimeout takes at most 2^31 - 1 ms; a later change is waited for in steps. */
const LONGEST_TIMER_MS = 2_147_483_647;

/** The expiry note as of now, shown again when it appears, changes its day, or the time is up. */
function useExpiryNote(expiresAt: string | null): string | null {
  const { now } = useDeskpad();
  const [, setTick] = useState(0);
  const wait = untilExpiryNoteChanges(expiresAt, now());
  useEffect(() => {
    if (wait === null) return undefined;
    const timer = setTimeout(
      () => setTick((tick) => tick + 1),
      Math.min(wait + 1000, LONGEST_TIMER_MS),
    );
    return () => clearTimeout(timer);
  }, [wait]);
  return expiryNote(expiresAt, now());
}

function ExpiryNote({ expiresAt }: { expiresAt: string | null }) {
  const note = useExpiryNote(expiresAt);
  const askSignIn = useUi((s) => s.setSignInAsked);
  if (!note) return null;
  return (
    <>
      <span className="session-expiry muted">{note}</span>
      <button type="button" className="button button--quiet" onClick={() => askSignIn(true)}>
        Sign in again
      </button>
    </>
  );
}

export function SessionControls({ session }: { session: SessionState | null }) {
  const current = useLiveValue('session.current', {}, null);
  const askSignOut = useUi((s) => s.setSignOutAsked);
  if (session?.status === 'signed-in') {
    const name = session.agent?.name ?? current?.agent.name ?? 'an agent';
    return (
      <>
        <span className="agent-name">
          Signed in as <span className="agent-name-value">{name}</span>
        </span>
        <ExpiryNote expiresAt={session.expiresAt} />
        <button type="button" className="button button--quiet" onClick={() => askSignOut(true)}>
          Sign out
        </button>
      </>
    );
  }
  // A desk without a desk server works as the demo agent; its name shows once the directory is in.
  return current ? <span className="agent-name">{current.agent.name}</span> : null;
}
