// The Sign in screen shown while this desk has a desk server and nobody signed in: user name and
// password, checked with the shared schema, sent once per submit. Never stores what was typed.

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SessionState } from '../../shared/store-api/contract';
import { useStoreHost } from '../app/deskpad-context';
import { useLiveValue } from '../hooks/use-live-query';
import { FormField } from '../interaction-form/form-field';
import {
  checkSignIn,
  describeSignInError,
  waitingText,
  type SignInFieldErrors,
} from './sign-in-words';

export function SignInScreen({ session }: { session: SessionState }) {
  const store = useStoreHost();
  const status = useLiveValue('sync.status', {}, null);
  const baseId = useId();
  const headingId = `${baseId}-heading`;
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<SignInFieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const userNameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    userNameRef.current?.focus();
  }, []);

  const focusFirst = (found: SignInFieldErrors): void => {
    if (found.userName) userNameRef.current?.focus();
    else if (found.password) passwordRef.current?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    // Enter pressed twice, or a click while the first answer is on its way: one sign-in.
    if (busyRef.current) return;
    const checked = checkSignIn({ userName, password });
    if (!checked.ok) {
      setErrors(checked.errors);
      setMessage(null);
      focusFirst(checked.errors);
      return;
    }
    busyRef.current = true;
    setBusy(true);
    setMessage(null);
    setErrors({});
    try {
      const answer = await store.act('session.signIn', checked.value);
      // Signed in: the session's live query takes this screen away.
      if (answer.ok) return;
      const described = describeSignInError(answer.error);
      setErrors(described.fieldErrors);
      setMessage(described.message);
      if (Object.keys(described.fieldErrors).length > 0) focusFirst(described.fieldErrors);
      else if (answer.error.code === 'invalid-input') {
        // A wrong password is typed again, the user name usually is right.
        setPassword('');
        passwordRef.current?.focus();
      }
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const waiting = waitingText(status?.pendingChanges ?? 0);

  return (
    <main className="sign-in" aria-labelledby={headingId}>
      <form className="sign-in-form" noValidate onSubmit={(event) => void submit(event)}>
        <p className="app-name" aria-hidden="true">
          Deskpad
        </p>
        <h1 id={headingId}>Sign in</h1>
        {session.serverUrl && (
          <p className="muted">
            to the desk server at <span className="server-url">{session.serverUrl}</span>
          </p>
        )}
        {message && (
          <p className="form-error" role="alert">
            {message}
          </p>
        )}
        <FormField id={`${baseId}-user-name`} label="User name" error={errors.userName}>
          {(control) => (
            <input
              {...control}
              ref={userNameRef}
              type="text"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={userName}
              onChange={(event) => {
                setUserName(event.target.value);
                if (errors.userName) setErrors(({ userName: _dropped, ...rest }) => rest);
              }}
            />
          )}
        </FormField>
        <FormField id={`${baseId}-password`} label="Password" error={errors.password}>
          {(control) => (
            <input
              {...control}
              ref={passwordRef}
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => {
                setPassword(event.target.value);
                if (errors.password) setErrors(({ password: _dropped, ...rest }) => rest);
              }}
            />
          )}
        </FormField>
        <div className="actions">
          {/* aria-disabled, not disabled: focus stays on the button while the answer comes. */}
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            Sign in
          </button>
          <p className="muted" role="status">
            {busy ? 'Signing in…' : ''}
          </p>
        </div>
        {waiting && <p className="sign-in-waiting">{waiting}</p>}
      </form>
    </main>
  );
}
