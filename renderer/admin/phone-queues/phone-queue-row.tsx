// One row of the Phone queues table: the queue name and its group, edited in place (name and
// group), or removed. Never lists queues nor groups: the page does.

import { useId, useState, type FormEvent } from 'react';
import type { GroupSummary } from '../../../shared/admin/groups';
import type { PhoneQueueView } from '../../../shared/admin/phone-queues';
import type { StoreError } from '../../../shared/domain/result';
import { useStoreHost } from '../../app/deskpad-context';
import { adminCall } from '../admin-client';

interface PhoneQueueRowProps {
  queue: PhoneQueueView;
  groups: readonly GroupSummary[];
  onChanged: (message: string) => void;
}

export function PhoneQueueRow({ queue, groups, onChanged }: PhoneQueueRowProps) {
  const store = useStoreHost();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(queue.name);
  const [groupId, setGroupId] = useState(queue.groupId);
  const [error, setError] = useState<StoreError | null>(null);

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const answer = await adminCall(store, 'phone-queues.update', { id: queue.id, name, groupId });
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setError(null);
    setEditing(false);
    onChanged(`Queue ${answer.value.queue.name} goes to ${answer.value.queue.groupName}.`);
  };

  const remove = async (): Promise<void> => {
    const answer = await adminCall(store, 'phone-queues.remove', { id: queue.id });
    if (!answer.ok) setError(answer.error);
    else
      onChanged(
        `Queue ${queue.name} removed: its calls pop for the agents the phone system names.`,
      );
  };

  if (editing)
    return (
      <tr>
        <td colSpan={3}>
          <form className="admin-inline-form" onSubmit={(e) => void save(e)}>
            <label htmlFor={`${id}-name`}>Queue name of {queue.name}</label>
            <input
              id={`${id}-name`}
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={error?.fieldErrors?.name ? true : undefined}
            />
            <label htmlFor={`${id}-group`}>Group of {queue.name}</label>
            <select
              id={`${id}-group`}
              value={groupId}
              onChange={(e) => setGroupId(e.target.value)}
              aria-invalid={error?.fieldErrors?.groupId ? true : undefined}
            >
              {!groups.some((g) => g.id === queue.groupId) && (
                <option value={queue.groupId}>{queue.groupName || 'A group that is gone'}</option>
              )}
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
            {error && (
              <p className="error-text" role="alert">
                {error.message}
              </p>
            )}
            <div className="actions">
              <button type="submit" className="button button--primary">
                Save
              </button>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setEditing(false);
                  setError(null);
                  setName(queue.name);
                  setGroupId(queue.groupId);
                }}
              >
                Cancel
              </button>
            </div>
          </form>
        </td>
      </tr>
    );

  return (
    <tr>
      <td>{queue.name}</td>
      <td>
        {queue.groupName || 'A group that is gone'}
        {!queue.groupActive && ' (deactivated: its calls pop nowhere)'}
      </td>
      <td>
        <div className="actions">
          <button
            type="button"
            className="button button--quiet"
            aria-label={`Edit ${queue.name}`}
            onClick={() => setEditing(true)}
          >
            Edit
          </button>
          <button
            type="button"
            className="button button--quiet"
            aria-label={`Remove ${queue.name}`}
            onClick={() => void remove()}
          >
            Remove
          </button>
        </div>
        {error && (
          <p className="error-text" role="alert">
            {error.message}
          </p>
        )}
      </td>
    </tr>
  );
}
