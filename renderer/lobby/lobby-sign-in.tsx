// Signs the lobby screen in once with the lobby account: user name and password, then a new password
// when the administrator gave a temporary one; the server's words when it refuses. Never keeps a
// password; the token goes to whoever called (the page keeps it).

import { useId, useState, type FormEvent } from 'react';
import { NewPassword, SignInRequest } from '../../shared/sync/account-requests';
import type { LobbyTransport } from './lobby-transport';

export interface LobbySignInProps {
  transport: LobbyTransport;
  /** Why the screen asks (the session ended), shown above the fields. */
  reason?: string | null;
  onSignedIn: (token: string) => void;
}

/** Signed in with a temporary password: the account chooses its own before the board opens. */
interface Temporary {
  token: string;
  currentPassword: string;
}

function Field(props: {
  id: string;
  label: string;
  value: string;
  type?: 'password';
  autoComplete: string;
  onChange: (value: string) => void;
}) {
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </>
  );
}

export function LobbySignIn({ transport, reason, onSignedIn }: LobbySignInProps) {
  const id = useId();
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [temporary, setTemporary] = useState<Temporary | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const attempt = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch (error) {
      setMessage(error instanceof Error ? error.message : 'Signing in did not work.');
    } finally {
      setBusy(false);
    }
  };

  const signIn = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const checked = SignInRequest.safeParse({ userName, password });
    if (!checked.success) {
      setMessage(checked.error.issues[0]?.message ?? 'Enter the user name and password.');
      return;
    }
    await attempt(async () => {
      setPassword('');
      const session = await transport.signIn(checked.data.userName, checked.data.password);
      if (session.mustChangePassword)
        setTemporary({ token: session.token, currentPassword: checked.data.password });
      else onSignedIn(session.token);
    });
  };

  const choose = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy || temporary === null) return;
    const checked = NewPassword.safeParse(newPassword);
    if (!checked.success) {
      setMessage(checked.error.issues[0]?.message ?? 'Choose a longer password.');
      return;
    }
    if (newPassword !== repeated) {
      setMessage('The two new passwords are not the same.');
      return;
    }
    await attempt(async () => {
      await transport.changePassword(temporary.token, temporary.currentPassword, checked.data);
      onSignedIn(temporary.token);
    });
  };

  const error = message ? (
    <p role="alert" className="lobby-error">
      {message}
    </p>
  ) : null;

  if (temporary)
    return (
      <main className="lobby lobby-sign-in">
        <h1>Lobby board</h1>
        <form onSubmit={(event) => void choose(event)} aria-describedby={`${id}-about`}>
          <p id={`${id}-about`}>
            This account has a temporary password: choose its own password before the board opens.
          </p>
          <Field
            id={`${id}-new`}
            label="New password"
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={setNewPassword}
          />
          <Field
            id={`${id}-repeat`}
            label="Repeat the new password"
            type="password"
            autoComplete="new-password"
            value={repeated}
            onChange={setRepeated}
          />
          {error}
          <button type="submit" disabled={busy}>
            Change password
          </button>
        </form>
      </main>
    );

  return (
    <main className="lobby lobby-sign-in">
      <h1>Lobby board</h1>
      <form onSubmit={(event) => void signIn(event)} aria-describedby={`${id}-about`}>
        <p id={`${id}-about`}>
          {reason ?? 'Sign in once with the lobby account; this screen then stays signed in.'}
        </p>
        <Field
          id={`${id}-user`}
          label="User name"
          autoComplete="username"
          value={userName}
          onChange={setUserName}
        />
        <Field
          id={`${id}-password`}
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        {error}
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
