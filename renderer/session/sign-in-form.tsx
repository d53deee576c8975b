// User name and password, checked with the shared schema and sent once per submit, for the Sign in
// screen and the Sign in dialog alike. Never stores what was typed; never decides where focus starts.

import {
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { useStoreHost } from '../app/deskpad-context';
import { FormField } from '../interaction-form/form-field';
import { prefetchAccountRequests } from './load-account-requests';
import {
  SIGN_IN_WORDS,
  checkSignIn,
  describeSignInError,
  type SignInFieldErrors,
} from './sign-in-words';

interface SignInFormProps {
  /** Set to the field the agent types in first: the password when the user name is filled in. */
  firstFieldRef: RefObject<HTMLInputElement | null>;
  /** The user name to start with (the agent whose session ended signs in again). */
  initialUserName?: string;
  className?: string;
  /** Above the fields: the heading and where the desk server is. */
  header?: ReactNode;
  /** Beside the Sign in button (the dialog's Not now). */
  actions?: ReactNode;
  /** Below everything (what waits on this desk). */
  footer?: ReactNode;
  /** The desk server took the user name and password. */
  onSignedIn?: () => void;
}

export function SignInForm({
  firstFieldRef,
  initialUserName = '',
  className,
  header,
  actions,
  footer,
  onSignedIn,
}: SignInFormProps) {
  const store = useStoreHost();
  const baseId = useId();
  const [userName, setUserName] = useState(initialUserName);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<SignInFieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const userNameRef = useRef<HTMLInputElement | null>(null);
  const passwordRef = useRef<HTMLInputElement | null>(null);
  const startsAtPassword = initialUserName !== '';

  const focusFirst = (found: SignInFieldErrors): void => {
    if (found.userName) userNameRef.current?.focus();
    else if (found.password) passwordRef.current?.focus();
  };

  // Zod's schemas come after the screen: asked for while the agent types.
  useEffect(() => prefetchAccountRequests(), []);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    // Enter pressed twice, or a click while the first answer is on its way: one sign-in.
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    try {
      const checked = await checkSignIn({ userName, password }).catch(() => null);
      if (checked === null) {
        setMessage(SIGN_IN_WORDS.unreachable);
        return;
      }
      if (!checked.ok) {
        setErrors(checked.errors);
        setMessage(null);
        focusFirst(checked.errors);
        return;
      }
      setMessage(null);
      setErrors({});
      const answer = await store.act('session.signIn', checked.value);
      if (answer.ok) {
        onSignedIn?.();
        return;
      }
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

  return (
    <form className={className} noValidate onSubmit={(event) => void submit(event)}>
      {header}
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
      <FormField id={`${baseId}-user-name`} label="User name" error={errors.userName}>
        {(control) => (
          <input
            {...control}
            ref={(element) => {
              userNameRef.current = element;
              if (!startsAtPassword) firstFieldRef.current = element;
            }}
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
            ref={(element) => {
              passwordRef.current = element;
              if (startsAtPassword) firstFieldRef.current = element;
            }}
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
        {actions}
        <p className="muted" role="status">
          {busy ? 'Signing in…' : ''}
        </p>
      </div>
      {footer}
    </form>
  );
}
