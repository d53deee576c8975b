// The person and component lookups of the escalation screens (Caller, Requested for, a user
// reference answer, Component), on the shared combobox. Never holds the picked value itself.

import { useCallback, type ReactNode } from 'react';
import type { ConfigurationItemView, UserHit } from '../../shared/domain/directory';
import { CallerOption } from '../caller-lookup/caller-option';
import { parentChain } from '../interaction-form/component-picker';
import { FormField } from '../interaction-form/form-field';
import { LookupCombobox, type LookupValue } from '../lookup/lookup-combobox';
import type { LookupSearch } from '../lookup/use-lookup-search';
import type { QueryInput, QueryOutput } from '../../shared/store-api/contract';
import { useDeskpad } from '../app/deskpad-context';

interface LookupFieldProps<T> {
  id: string;
  label: string;
  value: LookupValue;
  error?: string | undefined;
  hint?: string | undefined;
  readOnly?: boolean;
  onPick: (item: T) => void;
  onClear: () => void;
}

interface LookupKind<T> {
  menuLabel: string;
  placeholder: string;
  searchWhenEmpty?: boolean;
  itemKey: (item: T) => string;
  itemText: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  noMatch: string;
}

type DirectorySearch = 'directory.searchUsers' | 'directory.searchConfigurationItems';

/** The lookup's search over one of the directory's searches, ten matches at a time. */
function useDirectorySearch<N extends DirectorySearch>(
  name: N,
): LookupSearch<QueryOutput<N>[number]> {
  const { store } = useDeskpad();
  return useCallback(
    async (query: string) => {
      // Both searches take { query, limit }; TypeScript cannot see that through the generic name.
      const found = await store.query(name, { query, limit: 10 } as QueryInput<N>);
      return found.ok
        ? { items: found.value, error: null }
        : { items: [], error: found.error.message };
    },
    [store, name],
  );
}

function DirectoryLookupField<T>({
  props,
  kind,
  search,
}: {
  props: LookupFieldProps<T>;
  kind: LookupKind<T>;
  search: LookupSearch<T>;
}) {
  return (
    <FormField id={props.id} label={props.label} error={props.error} hint={props.hint}>
      {(control) => (
        <LookupCombobox<T>
          control={control}
          labelId={`${props.id}-label`}
          menuLabel={kind.menuLabel}
          value={props.value}
          readOnly={props.readOnly ?? false}
          placeholder={kind.placeholder}
          searchWhenEmpty={kind.searchWhenEmpty ?? false}
          search={search}
          itemKey={kind.itemKey}
          itemText={kind.itemText}
          renderItem={kind.renderItem}
          noMatchText={(query) => `${kind.noMatch} “${query.trim()}”.`}
          onPick={props.onPick}
          onClear={props.onClear}
        />
      )}
    </FormField>
  );
}

export function UserLookupField(props: LookupFieldProps<UserHit>) {
  const search = useDirectorySearch('directory.searchUsers');
  return (
    <DirectoryLookupField
      props={props}
      search={search}
      kind={{
        menuLabel: `Matching users for ${props.label}`,
        placeholder: 'Name, user name, email or phone',
        itemKey: (user) => user.id,
        itemText: (user) => user.name,
        renderItem: (user) => <CallerOption user={user} />,
        noMatch: 'No user matches',
      }}
    />
  );
}

export function ComponentLookupField(props: LookupFieldProps<ConfigurationItemView>) {
  const search = useDirectorySearch('directory.searchConfigurationItems');
  return (
    <DirectoryLookupField
      props={props}
      search={search}
      kind={{
        menuLabel: 'Matching configuration items',
        placeholder: 'Printer, laptop, application…',
        searchWhenEmpty: true,
        itemKey: (item) => item.id,
        itemText: (item) => item.name,
        renderItem: (item) => (
          <>
            <span className="option-title">
              <span className="option-name">{item.name}</span>
              <span className="option-class">{item.className}</span>
            </span>
            {item.parents.length > 0 && (
              <span className="option-detail">in {parentChain(item)}</span>
            )}
          </>
        ),
        noMatch: 'No configuration item matches',
      }}
    />
  );
}
