// Signs the lobby screen in once with the lobby account: user name and password, the server's words
// when it refuses. Never keeps the password; the token goes to whoever called (the page keeps it).

import { useId, useState, type FormEvent } from 'react';
import { SignInRequest } from '../../shared/sync/server-api';
import type { LobbyTransport } from './lobby-transport';

export interface LobbySignInProps {
  transport: LobbyTransport;
  /** Why the screen asks (the session ended), shown above the fields. */
  reason?: string | null;
  onSignedIn: (token: string) => void;
}

export function LobbySignIn({ transport, reason, onSignedIn }: LobbySignInProps) {
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
    try {
      onSignedIn(await transport.signIn(checked.data.userName, checked.data.password));
    } catch (error) {
      setPassword('');
      setMessage(error instanceof Error ? error.message : 'Signing in did not work.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="lobby lobby-sign-in">
      <h1>Lobby board</h1>
      <form onSubmit={(event) => void submit(event)} aria-describedby={`${id}-about`}>
        <p id={`${id}-about`}>
          {reason ?? 'Sign in once with the lobby account; this screen then stays signed in.'}
        </p>
        <label htmlFor={`${id}-user`}>User name</label>
        <input
          id={`${id}-user`}
          autoComplete="username"
          value={userName}
          onChange={(event) => setUserName(event.target.value)}
        />
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {message ? (
          <p role="alert" className="lobby-error">
            {message}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
