// "Change your password": shown after signing in with a temporary password, before the desk; the
// desk opens once the server took the new one. Never keeps what was typed after sending.

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SessionState } from '../../shared/store-api/contract';
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

const FIELDS = ['currentPassword', 'newPassword', 'confirm'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

export function ChangePasswordScreen({ session }: { session: SessionState }) {
  const store = useStoreHost();
  const baseId = useId();
  const [values, setValues] = useState<Values>({
    currentPassword: '',
    newPassword: '',
    confirm: '',
  });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const refs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});

  useEffect(() => {
    refs.current.currentPassword?.focus();
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
    const { PasswordChangeRequest } = schemas;
    const { confirm, ...input } = values;
    const parsed = PasswordChangeRequest.safeParse(input);
    const found: FieldErrors<Field> = parsed.success ? {} : fieldErrorsOf(parsed.error, FIELDS);
    if (!found.newPassword && confirm !== values.newPassword)
      found.confirm = ACCOUNT_WORDS.passwordsDiffer;
    if (!parsed.success || Object.keys(found).length > 0) {
      setErrors(found);
      setMessage(ACCOUNT_WORDS.checkFields);
      focusFirstError(found);
      return;
    }
    busyRef.current = true;
    setBusy(true);
    setMessage(null);
    setErrors({});
    try {
      const answer = await store.act('session.changePassword', parsed.data);
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

  const field = (name: Field, label: string, autoComplete: string, hint?: string) => (
    <AccountField
      id={`${baseId}-${name}`}
      label={label}
      type="password"
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
        <h1 id={headingId}>Change your password</h1>
        <p className="muted">
          {session.agent?.name ?? 'You'} signed in with a temporary password. Choose your own before
          you start.
        </p>
        {message && (
          <p className="form-error" role="alert">
            {message}
          </p>
        )}
        {field('currentPassword', 'Current password', 'current-password', 'The temporary one.')}
        {field(
          'newPassword',
          'New password',
          'new-password',
          `At least ${NEW_PASSWORD_MIN} characters.`,
        )}
        {field('confirm', 'Confirm new password', 'new-password')}
        <div className="actions">
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            Change password
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void store.act('session.signOut', {})}
          >
            Sign out
          </button>
          <p className="muted" role="status">
            {busy ? 'Changing the password…' : ''}
          </p>
        </div>
      </form>
    </main>
  );
}
