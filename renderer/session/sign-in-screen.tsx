// The Sign in screen shown while this desk has a desk server and nobody is signed in (never yet, or an
// agent signed out): where the server is, the sign-in form, and what waits on this desk. Never stores what was typed.

import { useEffect, useId, useRef } from 'react';
import type { SessionState } from '../../shared/store-api/contract';
import { useLiveValue } from '../hooks/use-live-query';
import { SignInForm } from './sign-in-form';
import { waitingText } from './sign-in-words';

export function SignInScreen({
  session,
  notice = null,
}: {
  session: SessionState;
  /** Why the agent is here after all (a launch link that was used or expired). */
  notice?: string | null;
}) {
  const status = useLiveValue('sync.status', {}, null);
  const headingId = `${useId()}-heading`;
  const firstField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    firstField.current?.focus();
  }, []);

  const waiting = waitingText(status?.pendingChanges ?? 0);

  return (
    <main className="sign-in" aria-labelledby={headingId}>
      <SignInForm
        className="sign-in-form"
        firstFieldRef={firstField}
        header={
          <>
            <p className="app-name" aria-hidden="true">
              Deskpad
            </p>
            <h1 id={headingId}>Sign in</h1>
            {notice && (
              <p className="form-error" role="alert">
                {notice}
              </p>
            )}
            {session.serverUrl && (
              <p className="muted">
                to the desk server at <span className="server-url">{session.serverUrl}</span>
              </p>
            )}
          </>
        }
        footer={waiting && <p className="sign-in-waiting">{waiting}</p>}
      />
    </main>
  );
}
