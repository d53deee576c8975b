// The Phone queues page of Administration: each queue name a phone system sends, mapped to the
// group whose agents' desks its calls pop on; added, renamed, moved, removed. Never writes but
// through admin operations.

import { useId, useState, type FormEvent } from 'react';
import type { StoreError } from '../../../shared/domain/result';
import { useStoreHost } from '../../app/deskpad-context';
import { FormField } from '../../interaction-form/form-field';
import { adminCall, useAdminQuery } from '../admin-client';
import { AdminLoadState } from '../admin-load-state';
import { PhoneQueueRow } from './phone-queue-row';

export function PhoneQueuesPage() {
  const store = useStoreHost();
  const id = useId();
  const list = useAdminQuery('phone-queues.list', {});
  const groupList = useAdminQuery('groups.list', { q: '', includeInactive: false });
  const queues = list.value?.queues ?? null;
  const groups = groupList.value?.groups ?? [];
  const [name, setName] = useState('');
  const [groupId, setGroupId] = useState('');
  const [createError, setCreateError] = useState<StoreError | null>(null);
  const [status, setStatus] = useState('');

  const create = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const answer = await adminCall(store, 'phone-queues.create', { name, groupId });
    if (!answer.ok) {
      setCreateError(answer.error);
      return;
    }
    setCreateError(null);
    setName('');
    setGroupId('');
    setStatus(`Queue ${answer.value.queue.name} goes to ${answer.value.queue.groupName}.`);
    list.reload();
  };

  const changed = (message: string): void => {
    setStatus(message);
    list.reload();
  };

  return (
    <div className="org-page">
      <form className="admin-form" aria-labelledby={`${id}-new`} onSubmit={(e) => void create(e)}>
        <h3 id={`${id}-new`}>New phone queue</h3>
        <p className="field-hint">
          A call in this queue pops on the desks of the group&apos;s agents. A call without a queue
          pops for the agents the phone system names.
        </p>
        <FormField
          id={`${id}-name`}
          label="Queue name, as the phone system sends it"
          error={createError?.fieldErrors?.name}
        >
          {(control) => (
            <input {...control} value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </FormField>
        <FormField id={`${id}-group`} label="Group" error={createError?.fieldErrors?.groupId}>
          {(control) => (
            <select {...control} value={groupId} onChange={(e) => setGroupId(e.target.value)}>
              <option value="">Choose a group</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {createError && !createError.fieldErrors && (
          <p className="error-text" role="alert">
            {createError.message}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button--primary">
            Add queue
          </button>
        </div>
      </form>
      <p role="status" className="muted">
        {status}
      </p>
      <AdminLoadState query={list} what="the phone queues" />
      {queues === null ? null : queues.length === 0 ? (
        <p className="muted">No phone queues yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="interaction-table admin-table">
            <caption className="visually-hidden">Phone queues</caption>
            <thead>
              <tr>
                <th scope="col">Queue</th>
                <th scope="col">Group</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {queues.map((queue) => (
                <PhoneQueueRow key={queue.id} queue={queue} groups={groups} onChanged={changed} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
