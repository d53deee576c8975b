// The Agents page: the accounts with a role (or any user found by name, to make them an agent)
// with roles, last sign-in and marks, and each change an admin makes to them. Calls only admin ops.

import { useEffect, useId, useState } from 'react';
import type { AgentRow } from '../../../shared/admin/agents';
import { AdminLoadState } from '../admin-load-state';
import { useAdminCall, useAdminQuery } from '../admin-client';
import { ConfirmAgentDialog, ResetPasswordDialog, SetRolesDialog } from './agent-change-dialogs';
import { lastSignInText, marksOf, rolesText } from './agent-words';
import { CreateAgentDialog } from './create-agent-dialog';

const SEARCH_PAUSE_MS = 250;

type Asked =
  | { kind: 'create' }
  | { kind: 'roles' | 'reset' | 'disable' | 'enable' | 'sign-out'; agent: AgentRow };

export function AgentsPage() {
  const id = useId();
  const call = useAdminCall();
  const [query, setQuery] = useState('');
  // Asked a moment after the typing stops, not once per key.
  const [asking, setAsking] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setAsking(query.trim()), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query]);
  const agents = useAdminQuery('agents.list', { query: asking });
  const [asked, setAsked] = useState<Asked | null>(null);
  const [said, setSaid] = useState('');
  const [unlockError, setUnlockError] = useState<string | null>(null);

  const done = (text: string): void => {
    setAsked(null);
    setSaid(text);
    agents.reload();
  };

  const unlock = async (agent: AgentRow): Promise<void> => {
    const answer = await call('agents.unlock', { userId: agent.id });
    if (answer.ok) {
      setUnlockError(null);
      done(`${agent.name} is unlocked: their failed sign-ins are forgotten.`);
    } else setUnlockError(answer.error.message);
  };

  const list = agents.value;
  return (
    <div className="admin-agents">
      <div className="admin-toolbar">
        <label htmlFor={`${id}-find`}>Find a user</label>
        <input
          id={`${id}-find`}
          type="search"
          value={query}
          aria-describedby={`${id}-find-hint`}
          onChange={(event) => setQuery(event.target.value)}
        />
        <span id={`${id}-find-hint`} className="field-hint">
          Empty: everyone with a role. A name finds any user, to make them an agent.
        </span>
        <button
          type="button"
          className="button button--primary"
          onClick={() => setAsked({ kind: 'create' })}
        >
          Create agent
        </button>
        <button type="button" className="button" onClick={agents.reload}>
          Refresh
        </button>
      </div>
      <p className="muted" role="status">
        {said}
      </p>
      {unlockError && (
        <p className="form-error" role="alert">
          {unlockError}
        </p>
      )}
      <AdminLoadState query={agents} what="the agents" />
      {list && (
        <table className="admin-table">
          <caption className="visually-hidden">
            {asking === '' ? 'Accounts with a role' : `Users matching ${asking}`}
          </caption>
          <thead>
            <tr>
              <th scope="col">User name</th>
              <th scope="col">Name</th>
              <th scope="col">Roles</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.agents.map((agent) => (
              <tr key={agent.id}>
                <th scope="row">{agent.userName}</th>
                <td>{agent.name}</td>
                <td>{rolesText(agent)}</td>
                <td>{lastSignInText(agent)}</td>
                <td>{marksOf(agent).join(', ')}</td>
                <td>
                  <AgentActions agent={agent} ask={setAsked} unlock={(a) => void unlock(a)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list && list.agents.length === 0 && (
        <p>{asking === '' ? 'No agents yet.' : 'Nobody matches.'}</p>
      )}
      {list?.more && <p className="muted">More match: type more of the name.</p>}
      {asked && <AskedDialog asked={asked} onClose={() => setAsked(null)} onDone={done} />}
    </div>
  );
}

function AgentActions({
  agent,
  ask,
  unlock,
}: {
  agent: AgentRow;
  ask: (asked: Asked) => void;
  unlock: (agent: AgentRow) => void;
}) {
  const of = ` ${agent.userName}`;
  return (
    <div className="admin-row-actions">
      <button
        type="button"
        aria-label={`Set roles of${of}`}
        onClick={() => ask({ kind: 'roles', agent })}
      >
        Set roles
      </button>
      <button
        type="button"
        aria-label={`Reset password of${of}`}
        onClick={() => ask({ kind: 'reset', agent })}
      >
        Reset password
      </button>
      {agent.disabled ? (
        <button
          type="button"
          aria-label={`Enable${of}`}
          onClick={() => ask({ kind: 'enable', agent })}
        >
          Enable
        </button>
      ) : (
        <button
          type="button"
          aria-label={`Disable${of}`}
          onClick={() => ask({ kind: 'disable', agent })}
        >
          Disable
        </button>
      )}
      {agent.locked && (
        <button type="button" aria-label={`Unlock${of}`} onClick={() => unlock(agent)}>
          Unlock
        </button>
      )}
      <button
        type="button"
        aria-label={`Sign out everywhere${of}`}
        onClick={() => ask({ kind: 'sign-out', agent })}
      >
        Sign out everywhere
      </button>
    </div>
  );
}

function AskedDialog({
  asked,
  onClose,
  onDone,
}: {
  asked: Asked;
  onClose: () => void;
  onDone: (said: string) => void;
}) {
  const call = useAdminCall();
  if (asked.kind === 'create')
    return (
      <CreateAgentDialog
        onClose={onClose}
        onCreated={(agent) =>
          onDone(`${agent.name} was created; they choose their own password at the first sign-in.`)
        }
      />
    );
  const { agent } = asked;
  const props = { agent, onClose, onDone };
  switch (asked.kind) {
    case 'roles':
      return <SetRolesDialog {...props} />;
    case 'reset':
      return <ResetPasswordDialog {...props} />;
    case 'disable':
    case 'enable': {
      const disabled = asked.kind === 'disable';
      return (
        <ConfirmAgentDialog
          title={`${disabled ? 'Disable' : 'Enable'} ${agent.name}?`}
          confirm={disabled ? 'Disable' : 'Enable'}
          run={() => call('agents.set-disabled', { userId: agent.id, disabled })}
          said={
            disabled
              ? `${agent.name} is disabled; their sessions ended.`
              : `${agent.name} can sign in again.`
          }
          onClose={onClose}
          onDone={onDone}
        >
          {disabled
            ? `${agent.name} can no longer sign in, and every session they have ends now. Their records keep their name.`
            : `${agent.name} can sign in again with their password.`}
        </ConfirmAgentDialog>
      );
    }
    case 'sign-out':
      return (
        <ConfirmAgentDialog
          title={`Sign ${agent.name} out everywhere?`}
          confirm="Sign out everywhere"
          run={() => call('agents.sign-out-everywhere', { userId: agent.id })}
          said={`${agent.name} was signed out everywhere.`}
          onClose={onClose}
          onDone={onDone}
        >
          {`Every session of ${agent.name} ends now, on every desk. Changes waiting on those desks stay there and sync after they sign in again.`}
        </ConfirmAgentDialog>
      );
  }
}
