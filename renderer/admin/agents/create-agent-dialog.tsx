// Create agent: user name, names, email, roles and a temporary password the agent changes at the
// first sign-in. Checked with the shared schema before it is sent; never keeps the password.

import { useId, useRef, useState, type FormEvent } from 'react';
import { CreateAgentInput, type AgentRow } from '../../../shared/admin/agents';
import { NEW_PASSWORD_MIN, type Role } from '../../../shared/sync/server-api';
import { ModalDialog } from '../../dialog/modal-dialog';
import { AccountField } from '../../session/account-field';
import { describeAccountError, fieldErrorsOf, type FieldErrors } from '../../session/account-words';
import { useAdminCall } from '../admin-client';
import { RolesFieldset } from './roles-fieldset';

const FIELDS = [
  'userName',
  'firstName',
  'lastName',
  'email',
  'roles',
  'temporaryPassword',
] as const;
type Field = (typeof FIELDS)[number];

export function CreateAgentDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (agent: AgentRow) => void;
}) {
  const call = useAdminCall();
  const id = useId();
  const [values, setValues] = useState({
    userName: '',
    firstName: '',
    lastName: '',
    email: '',
    temporaryPassword: '',
  });
  const [roles, setRoles] = useState<Role[]>(['agent']);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});
  const first = useRef<HTMLInputElement | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const parsed = CreateAgentInput.safeParse({ ...values, roles });
    if (!parsed.success) {
      const found = fieldErrorsOf(parsed.error, FIELDS);
      setErrors(found);
      setMessage('Check the fields marked.');
      const field = FIELDS.find((f) => found[f] && f !== 'roles');
      if (field) refs.current[field]?.focus();
      return;
    }
    setBusy(true);
    const answer = await call('agents.create', parsed.data);
    setBusy(false);
    if (answer.ok) {
      onCreated(answer.value.agent);
      return;
    }
    const described = describeAccountError(answer.error, FIELDS);
    setErrors(described.fieldErrors);
    setMessage(described.message);
    const field = FIELDS.find((f) => described.fieldErrors[f] && f !== 'roles');
    if (field) refs.current[field]?.focus();
  };

  const field = (
    name: Exclude<Field, 'roles'>,
    label: string,
    autoComplete: string,
    type: 'text' | 'email' | 'password' = 'text',
    hint?: string,
  ) => (
    <AccountField
      id={`${id}-${name}`}
      label={label}
      type={type}
      autoComplete={autoComplete}
      value={values[name]}
      error={errors[name]}
      {...(hint ? { hint } : {})}
      inputRef={(element) => {
        refs.current[name] = element;
        if (name === 'userName') first.current = element;
      }}
      onChange={(value) => {
        setValues((before) => ({ ...before, [name]: value }));
        if (errors[name]) setErrors(({ [name]: _dropped, ...rest }) => rest);
      }}
    />
  );

  return (
    <ModalDialog title="Create agent" onCancel={onClose} initialFocus={first} wide>
      <form noValidate onSubmit={(event) => void submit(event)}>
        {message && (
          <p className="form-error" role="alert">
            {message}
          </p>
        )}
        {field('userName', 'User name', 'off')}
        {field('firstName', 'First name', 'off')}
        {field('lastName', 'Last name', 'off')}
        {field('email', 'Email', 'off', 'email', 'Optional.')}
        <RolesFieldset idPrefix={id} roles={roles} onChange={setRoles} error={errors.roles} />
        {field(
          'temporaryPassword',
          'Temporary password',
          'new-password',
          'password',
          `At least ${NEW_PASSWORD_MIN} characters. The agent chooses their own at the first sign-in.`,
        )}
        <div className="actions actions--end">
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            Create agent
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
