// The Agents page's dialogs for one account: Set roles, Reset password (a temporary one), and the
// confirmations for Disable and Sign out everywhere. Each sends one operation; never keeps a password.

import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ResetPasswordInput, SetRolesInput, type AgentRow } from '../../../shared/admin/agents';
import type { StoreResult } from '../../../shared/domain/result';
import { NEW_PASSWORD_MIN, type Role } from '../../../shared/sync/server-api';
import { ModalDialog } from '../../dialog/modal-dialog';
import { AccountField } from '../../session/account-field';
import { fieldErrorsOf } from '../../session/account-words';
import { useAdminCall } from '../admin-client';
import { RolesFieldset } from './roles-fieldset';

interface DialogProps {
  agent: AgentRow;
  onClose: () => void;
  /** The change was made: the page shows what it says and reloads the list. */
  onDone: (said: string) => void;
}

/** Sends once; a refusal is said in the dialog, which stays open. */
function useSend(onDone: (said: string) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async (work: () => Promise<StoreResult<unknown>>, said: string): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const answer = await work();
    setBusy(false);
    if (answer.ok) onDone(said);
    else setError(answer.error.message);
  };
  return { busy, error, setError, send };
}

function Failure({ error }: { error: string | null }) {
  return error ? (
    <p className="form-error" role="alert">
      {error}
    </p>
  ) : null;
}

function Actions({ busy, label, onClose }: { busy: boolean; label: string; onClose: () => void }) {
  return (
    <div className="actions actions--end">
      <button type="submit" className="button button--primary" aria-disabled={busy}>
        {label}
      </button>
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
    </div>
  );
}

export function SetRolesDialog({ agent, onClose, onDone }: DialogProps) {
  const call = useAdminCall();
  const id = useId();
  const [roles, setRoles] = useState<Role[]>([...agent.roles]);
  const { busy, error, setError, send } = useSend(onDone);
  const first = useRef<HTMLInputElement | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const parsed = SetRolesInput.safeParse({ userId: agent.id, roles });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the roles.');
    void send(() => call('agents.set-roles', parsed.data), `${agent.name}'s roles were changed.`);
  };
  return (
    <ModalDialog title={`Set roles of ${agent.name}`} onCancel={onClose} initialFocus={first}>
      <form noValidate onSubmit={submit}>
        <Failure error={error} />
        <RolesFieldset idPrefix={id} roles={roles} onChange={setRoles} firstRef={first} />
        <Actions busy={busy} label="Save roles" onClose={onClose} />
      </form>
    </ModalDialog>
  );
}

export function ResetPasswordDialog({ agent, onClose, onDone }: DialogProps) {
  const call = useAdminCall();
  const id = useId();
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const { busy, error, send } = useSend(onDone);
  const input = useRef<HTMLInputElement | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const parsed = ResetPasswordInput.safeParse({ userId: agent.id, temporaryPassword: password });
    if (!parsed.success) {
      setFieldError(fieldErrorsOf(parsed.error, ['temporaryPassword'] as const).temporaryPassword);
      input.current?.focus();
      return;
    }
    void send(
      () => call('agents.reset-password', parsed.data),
      `${agent.name} has a temporary password and must change it at the next sign-in; their sessions ended.`,
    );
  };
  return (
    <ModalDialog
      title={`Reset the password of ${agent.name}`}
      onCancel={onClose}
      initialFocus={input}
    >
      <form noValidate onSubmit={submit}>
        <Failure error={error} />
        <AccountField
          id={`${id}-temporary`}
          label="Temporary password"
          type="password"
          autoComplete="new-password"
          value={password}
          error={fieldError}
          hint={`At least ${NEW_PASSWORD_MIN} characters. ${agent.name} must change it at the next sign-in; their sessions end now.`}
          inputRef={input}
          onChange={(value) => {
            setPassword(value);
            setFieldError(undefined);
          }}
        />
        <Actions busy={busy} label="Reset password" onClose={onClose} />
      </form>
    </ModalDialog>
  );
}

/** Disable / Enable / Sign out everywhere: what happens, said before it is done. */
export function ConfirmAgentDialog({
  title,
  children,
  confirm,
  run,
  said,
  onClose,
  onDone,
}: {
  title: string;
  children: ReactNode;
  confirm: string;
  run: () => Promise<StoreResult<unknown>>;
  said: string;
  onClose: () => void;
  onDone: (said: string) => void;
}) {
  const textId = useId();
  const cancelRef = useRef<HTMLButtonElement | null>(null);
  const { busy, error, send } = useSend(onDone);
  return (
    <ModalDialog title={title} onCancel={onClose} initialFocus={cancelRef} describedBy={textId}>
      <p id={textId}>{children}</p>
      <Failure error={error} />
      <div className="actions actions--end">
        <button
          type="button"
          className="button button--danger"
          aria-disabled={busy}
          onClick={() => void send(run, said)}
        >
          {confirm}
        </button>
        <button type="button" className="button" ref={cancelRef} onClick={onClose}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}
