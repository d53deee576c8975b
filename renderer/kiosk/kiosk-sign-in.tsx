// Staff sign the kiosk tablet in once with its kiosk account; the token is kept, never the
// password. Any other account is turned away here: the kiosk pages are for kiosk accounts only.

import { useId, useState, type FormEvent } from 'react';
import { SignInRequest } from '../../shared/sync/account-requests';
import type { KioskApi } from './kiosk-api';

interface KioskSignInProps {
  api: KioskApi;
  /** Why the kiosk is signed out (its session ended), shown above the form. */
  notice: string | null;
  onSignedIn: (token: string) => void;
}

export function KioskSignIn({ api, notice, onSignedIn }: KioskSignInProps) {
  const id = useId();
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const checked = SignInRequest.safeParse({ userName, password });
    if (!checked.success) {
      setMessage(checked.error.issues[0]?.message ?? 'Enter the user name and password.');
      return;
    }
    setBusy(true);
    setMessage(null);
    const answer = await api.signIn(checked.data.userName, checked.data.password);
    setBusy(false);
    setPassword('');
    if (!answer.ok) {
      setMessage(answer.message);
      return;
    }
    if (!answer.value.agent.roles.includes('kiosk')) {
      setMessage('This is not a kiosk account. Sign in with the kiosk account for this tablet.');
      return;
    }
    onSignedIn(answer.value.token);
  };

  return (
    <form
      className="kiosk-panel kiosk-sign-in"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h1 id={`${id}-title`}>Sign in this kiosk</h1>
      <p>Staff: sign in once with the kiosk account. The tablet stays signed in.</p>
      {notice && <p className="kiosk-notice">{notice}</p>}
      <label htmlFor={`${id}-user`}>User name</label>
      <input
        id={`${id}-user`}
        className="kiosk-input"
        autoComplete="username"
        value={userName}
        onChange={(event) => setUserName(event.target.value)}
      />
      <label htmlFor={`${id}-password`}>Password</label>
      <input
        id={`${id}-password`}
        className="kiosk-input"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      {message && (
        <p className="kiosk-error" role="alert">
          {message}
        </p>
      )}
      <button type="submit" className="kiosk-button kiosk-primary" disabled={busy}>
        Sign in
      </button>
    </form>
  );
}
