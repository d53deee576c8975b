// "Create the first administrator": the form a setup link (`/#setup=<code>`) opens on an empty desk
// server; the desk lands signed in as them. Never keeps the code or the password after sending.

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { NEW_PASSWORD_MIN } from '../../shared/sync/account-limits';
import { useStoreHost } from '../app/deskpad-context';
import { AccountField } from './account-field';
import { prefetchAccountRequests, schemasForSubmit } from './load-account-requests';
import {
  ACCOUNT_WORDS,
  describeAccountError,
  fieldErrorsOf,
  type FieldErrors,
} from './account-words';

const FIELDS = ['userName', 'firstName', 'lastName', 'email', 'password', 'confirm'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const EMPTY: Values = {
  userName: '',
  firstName: '',
  lastName: '',
  email: '',
  password: '',
  confirm: '',
};

export function FirstAdminScreen({
  code,
  serverUrl,
  onSignInInstead,
}: {
  code: string;
  serverUrl: string | null;
  /** An administrator exists already (or the person has an account): the Sign in screen instead. */
  onSignInInstead: () => void;
}) {
  const store = useStoreHost();
  const baseId = useId();
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const refs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});

  useEffect(() => {
    refs.current.userName?.focus();
  }, []);
  // Zod's schemas come after the screen: asked for while the fields are filled in.
  useEffect(() => prefetchAccountRequests(), []);

  const focusFirstError = (found: FieldErrors<Field>): void => {
    const field = FIELDS.find((f) => found[f]);
    if (field) refs.current[field]?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busyRef.current) return;
    const schemas = await schemasForSubmit(busyRef, () => setMessage(ACCOUNT_WORDS.unreachable));
    if (schemas === null) return;
    const { SetupRequest } = schemas;
    const { confirm, ...input } = values;
    const parsed = SetupRequest.safeParse({ ...input, code });
    const found: FieldErrors<Field> = parsed.success ? {} : fieldErrorsOf(parsed.error, FIELDS);
    if (!found.password && confirm !== values.password)
      found.confirm = ACCOUNT_WORDS.passwordsDiffer;
    if (!parsed.success || Object.keys(found).length > 0) {
      setErrors(found);
      // No field named: the code itself (the link) is wrong.
      setMessage(
        Object.keys(found).length > 0 || parsed.success
          ? ACCOUNT_WORDS.checkFields
          : (parsed.error.issues[0]?.message ?? ACCOUNT_WORDS.checkFields),
      );
      focusFirstError(found);
      return;
    }
    busyRef.current = true;
    setBusy(true);
    setMessage(null);
    setErrors({});
    try {
      const answer = await store.act('session.setup', parsed.data);
      if (answer.ok) return;
      const described = describeAccountError(answer.error, FIELDS);
      setErrors(described.fieldErrors);
      setMessage(described.message);
      focusFirstError(described.fieldErrors);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const field = (
    name: Field,
    label: string,
    autoComplete: string,
    type: 'text' | 'email' | 'password' = 'text',
    hint?: string,
  ) => (
    <AccountField
      id={`${baseId}-${name}`}
      label={label}
      type={type}
      autoComplete={autoComplete}
      value={values[name]}
      error={errors[name]}
      {...(hint ? { hint } : {})}
      inputRef={(element) => {
        refs.current[name] = element;
      }}
      onChange={(value) => {
        setValues((before) => ({ ...before, [name]: value }));
        if (errors[name]) setErrors(({ [name]: _dropped, ...rest }) => rest);
      }}
    />
  );

  const headingId = `${baseId}-heading`;
  return (
    <main className="sign-in" aria-labelledby={headingId}>
      <form className="sign-in-form" noValidate onSubmit={(event) => void submit(event)}>
        <p className="app-name" aria-hidden="true">
          Deskpad
        </p>
        <h1 id={headingId}>Create the first administrator</h1>
        {serverUrl && (
          <p className="muted">
            on the desk server at <span className="server-url">{serverUrl}</span>
          </p>
        )}
        {message && (
          <p className="form-error" role="alert">
            {message}
          </p>
        )}
        {field('userName', 'User name', 'username')}
        {field('firstName', 'First name', 'given-name')}
        {field('lastName', 'Last name', 'family-name')}
        {field('email', 'Email', 'email', 'email', 'Optional.')}
        {field(
          'password',
          'Password',
          'new-password',
          'password',
          `At least ${NEW_PASSWORD_MIN} characters.`,
        )}
        {field('confirm', 'Confirm password', 'new-password', 'password')}
        <div className="actions">
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            Create administrator
          </button>
          <button type="button" className="button" onClick={onSignInInstead}>
            Sign in instead
          </button>
          <p className="muted" role="status">
            {busy ? 'Creating the administrator…' : ''}
          </p>
        </div>
      </form>
    </main>
  );
}
