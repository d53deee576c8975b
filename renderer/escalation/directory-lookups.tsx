// The person and component lookups of the escalation dialogs (Caller, Requested for, a user
// reference answer, Component), on the shared combobox. Never holds the picked value itself.

import { useCallback } from 'react';
import type { ConfigurationItemView, UserHit } from '../../shared/domain/directory';
import { CallerOption } from '../caller-lookup/caller-option';
import { parentChain } from '../interaction-form/component-picker';
import { FormField } from '../interaction-form/form-field';
import { LookupCombobox, type LookupValue } from '../lookup/lookup-combobox';
import { useEscalation } from './escalation-context';

interface LookupFieldProps<T> {
  id: string;
  label: string;
  value: LookupValue;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  onPick: (item: T) => void;
  onClear: () => void;
}

export function UserLookupField(props: LookupFieldProps<UserHit>) {
  const { port } = useEscalation();
  const search = useCallback(
    async (query: string) => {
      const found = await port.query('directory.searchUsers', { query, limit: 10 });
      return found.ok
        ? { items: found.value, error: null }
        : { items: [], error: found.error.message };
    },
    [port],
  );
  return (
    <FormField id={props.id} label={props.label} error={props.error} hint={props.hint}>
      {(control) => (
        <LookupCombobox<UserHit>
          control={control}
          labelId={`${props.id}-label`}
          menuLabel={`Matching users for ${props.label}`}
          value={props.value}
          placeholder="Name, user name, email or phone"
          search={search}
          itemKey={(user) => user.id}
          itemText={(user) => user.name}
          renderItem={(user) => <CallerOption user={user} />}
          noMatchText={(query) => `No user matches “${query.trim()}”.`}
          onPick={props.onPick}
          onClear={props.onClear}
        />
      )}
    </FormField>
  );
}

export function ComponentLookupField(props: LookupFieldProps<ConfigurationItemView>) {
  const { port } = useEscalation();
  const search = useCallback(
    async (query: string) => {
      const found = await port.query('directory.searchConfigurationItems', { query, limit: 10 });
      return found.ok
        ? { items: found.value, error: null }
        : { items: [], error: found.error.message };
    },
    [port],
  );
  return (
    <FormField id={props.id} label={props.label} error={props.error} hint={props.hint}>
      {(control) => (
        <LookupCombobox<ConfigurationItemView>
          control={control}
          labelId={`${props.id}-label`}
          menuLabel="Matching configuration items"
          value={props.value}
          placeholder="Printer, laptop, application…"
          searchWhenEmpty
          search={search}
          itemKey={(item) => item.id}
          itemText={(item) => item.name}
          renderItem={(item) => (
            <>
              <span className="option-title">
                <span className="option-name">{item.name}</span>
                <span className="option-class">{item.className}</span>
              </span>
              {item.parents.length > 0 && (
                <span className="option-detail">in {parentChain(item)}</span>
              )}
            </>
          )}
          noMatchText={(query) => `No configuration item matches “${query.trim()}”.`}
          onPick={props.onPick}
          onClear={props.onClear}
        />
      )}
    </FormField>
  );
}
