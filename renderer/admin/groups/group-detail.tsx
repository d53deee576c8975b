// One group opened on the Groups page: its name and description edited, its members listed,
// added (picked by name, user name or email) and removed, the group deactivated or brought back.

import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { GroupDetail, MemberView } from '../../../shared/admin/groups';
import type { StoreError } from '../../../shared/domain/result';
import { useStoreHost } from '../../app/deskpad-context';
import { FormField } from '../../interaction-form/form-field';
import { LookupCombobox } from '../../lookup/lookup-combobox';
import { adminCall } from '../admin-client';

interface GroupDetailProps {
  groupId: string;
  onChanged: (message: string) => void;
}

export function GroupDetailPanel({ groupId, onChanged }: GroupDetailProps) {
  const store = useStoreHost();
  const id = useId();
  const [group, setGroup] = useState<GroupDetail | null>(null);
  const [error, setError] = useState<StoreError | null>(null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');

  const show = useCallback((next: GroupDetail) => {
    setGroup(next);
    setName(next.name);
    setDescription(next.description);
  }, []);

  useEffect(() => {
    void adminCall(store, 'groups.get', { id: groupId }).then((answer) => {
      if (answer.ok) show(answer.value.group);
      else setError(answer.error);
    });
  }, [store, groupId, show]);

  const answered = (
    answer: { ok: true; value: { group: GroupDetail } } | { ok: false; error: StoreError },
    message: (g: GroupDetail) => string,
  ): void => {
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setError(null);
    show(answer.value.group);
    onChanged(message(answer.value.group));
  };

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const answer = await adminCall(store, 'groups.update', { id: groupId, name, description });
    answered(answer, (g) => `Group ${g.name} saved.`);
  };

  const changeMember = async (member: MemberView, add: boolean): Promise<void> => {
    const answer = await adminCall(store, add ? 'groups.add-member' : 'groups.remove-member', {
      groupId,
      userId: member.id,
    });
    answered(answer, (g) => `${member.name} ${add ? 'added to' : 'removed from'} ${g.name}.`);
  };

  const setActive = async (active: boolean): Promise<void> => {
    const answer = await adminCall(store, 'groups.set-active', { id: groupId, active });
    answered(answer, (g) => `Group ${g.name} ${active ? 'reactivated' : 'deactivated'}.`);
  };

  const findUsers = async (query: string) => {
    if (query.trim() === '') return { items: [], error: null };
    const answer = await adminCall(store, 'groups.find-users', { q: query });
    if (!answer.ok) return { items: [], error: answer.error.message };
    const members = new Set(group?.members.map((m) => m.id));
    return { items: answer.value.users.filter((u) => !members.has(u.id)), error: null };
  };

  if (group === null)
    return (
      <section className="admin-detail" aria-label="Group">
        {error ? <p className="error-text">{error.message}</p> : <p className="muted">Loading…</p>}
      </section>
    );

  return (
    <section className="admin-detail" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{group.name}</h3>
      {!group.active && <p className="muted">This group is deactivated.</p>}
      <form className="admin-form" onSubmit={(e) => void save(e)}>
        <FormField id={`${id}-name`} label="Group name" error={error?.fieldErrors?.name}>
          {(control) => (
            <input {...control} value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </FormField>
        <FormField
          id={`${id}-description`}
          label="Group description"
          error={error?.fieldErrors?.description}
        >
          {(control) => (
            <input
              {...control}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </FormField>
        <div className="actions">
          <button type="submit" className="button button--primary">
            Save group
          </button>
          <button
            type="button"
            className="button button--warn"
            onClick={() => void setActive(!group.active)}
          >
            {group.active ? 'Deactivate group' : 'Reactivate group'}
          </button>
        </div>
      </form>
      {error && (
        <p className="error-text" role="alert">
          {error.message}
        </p>
      )}
      <h4 id={`${id}-members`}>Members ({group.memberCount})</h4>
      {group.members.length === 0 ? (
        <p className="muted">No members yet.</p>
      ) : (
        <ul className="admin-members" aria-labelledby={`${id}-members`}>
          {group.members.map((member) => (
            <li key={member.id}>
              <span>
                {member.name} <span className="muted">{member.userName}</span>
                {!member.active && <span className="muted"> (deactivated)</span>}
              </span>
              <button
                type="button"
                className="button button--quiet"
                aria-label={`Remove ${member.name}`}
                onClick={() => void changeMember(member, false)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormField id={`${id}-add`} label="Add a member" hint="Type a name, user name or email.">
        {(control) => (
          <LookupCombobox<MemberView>
            control={control}
            labelId={`${id}-add-label`}
            menuLabel="People"
            value={{ id: null, text: '' }}
            search={findUsers}
            itemKey={(u) => u.id}
            itemText={(u) => u.name}
            renderItem={(u) => (
              <>
                {u.name}{' '}
                <span className="muted">
                  {u.userName} · {u.email}
                </span>
              </>
            )}
            noMatchText={(text) => `Nobody matches ${text}.`}
            onPick={(u) => void changeMember(u, true)}
            onClear={() => undefined}
          />
        )}
      </FormField>
    </section>
  );
}
