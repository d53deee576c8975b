// The Groups page of Administration: groups listed with their member counts and searched, a new
// group created, one group opened to edit. Never writes but through admin operations.

import { useId, useState, type FormEvent } from 'react';
import type { StoreError } from '../../../shared/domain/result';
import { useStoreHost } from '../../app/deskpad-context';
import { FormField } from '../../interaction-form/form-field';
import { adminCall, useAdminQuery } from '../admin-client';
import { AdminLoadState } from '../admin-load-state';
import { GroupDetailPanel } from './group-detail';

export function GroupsPage() {
  const store = useStoreHost();
  const id = useId();
  const [q, setQ] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const list = useAdminQuery('groups.list', { q, includeInactive });
  const groups = list.value?.groups ?? null;
  const more = list.value?.more ?? false;
  const [openId, setOpenId] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [createError, setCreateError] = useState<StoreError | null>(null);

  const create = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const answer = await adminCall(store, 'groups.create', { name, description });
    if (!answer.ok) {
      setCreateError(answer.error);
      return;
    }
    setCreateError(null);
    setName('');
    setDescription('');
    setStatus(`Group ${answer.value.group.name} created.`);
    setOpenId(answer.value.group.id);
    list.reload();
  };

  return (
    <div className="org-page">
      <div className="admin-columns">
        <div>
          <div className="list-controls">
            <div className="filters">
              <label htmlFor={`${id}-search`}>Search groups</label>
              <input
                id={`${id}-search`}
                type="search"
                value={q}
                onChange={(e) => setQ(e.target.value)}
              />
            </div>
            <label className="check">
              <input
                type="checkbox"
                checked={includeInactive}
                onChange={(e) => setIncludeInactive(e.target.checked)}
              />
              Show deactivated groups
            </label>
          </div>
          <p role="status" className="muted">
            {status}
          </p>
          <AdminLoadState query={list} what="the groups" />
          {groups === null ? null : groups.length === 0 ? (
            <p className="muted">No groups{q === '' ? ' yet' : ` match ${q}`}.</p>
          ) : (
            <div className="table-scroll">
              <table className="interaction-table admin-table">
                <caption className="visually-hidden">Groups</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Description</th>
                    <th scope="col">Members</th>
                    <th scope="col">State</th>
                  </tr>
                </thead>
                <tbody>
                  {groups.map((group) => (
                    <tr key={group.id} className={group.id === openId ? 'is-selected' : undefined}>
                      <td>
                        <button
                          type="button"
                          className="row-open"
                          aria-current={group.id === openId ? 'true' : undefined}
                          onClick={() => setOpenId(group.id)}
                        >
                          {group.name}
                        </button>
                      </td>
                      <td>{group.description}</td>
                      <td>{group.memberCount}</td>
                      <td>{group.active ? 'Active' : 'Deactivated'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {more && <p className="muted">More groups match: search to narrow the list.</p>}
            </div>
          )}
          <form
            className="admin-form"
            aria-labelledby={`${id}-new`}
            onSubmit={(e) => void create(e)}
          >
            <h3 id={`${id}-new`}>New group</h3>
            <FormField id={`${id}-name`} label="Name" error={createError?.fieldErrors?.name}>
              {(control) => (
                <input {...control} value={name} onChange={(e) => setName(e.target.value)} />
              )}
            </FormField>
            <FormField
              id={`${id}-description`}
              label="Description"
              error={createError?.fieldErrors?.description}
            >
              {(control) => (
                <input
                  {...control}
                  value={description}
                  onChange={(e) => setDescription(e.target.value)}
                />
              )}
            </FormField>
            {createError && !createError.fieldErrors && (
              <p className="error-text" role="alert">
                {createError.message}
              </p>
            )}
            <div className="actions">
              <button type="submit" className="button button--primary">
                Create group
              </button>
            </div>
          </form>
        </div>
        {openId !== null && (
          <GroupDetailPanel
            key={openId}
            groupId={openId}
            onChanged={(message) => {
              setStatus(message);
              list.reload();
            }}
          />
        )}
      </div>
    </div>
  );
}
