// The Component field: the configuration item the caller is calling about, picked from the
// directory with its parent chain shown (printer › floor network › building). Never edits it.

import { useCallback } from 'react';
import type { ConfigurationItemView } from '../../shared/domain/directory';
import { useStoreHost } from '../app/deskpad-context';
import { LookupCombobox, type LookupValue } from '../lookup/lookup-combobox';
import type { ControlProps } from './form-field';

export const parentChain = (item: Pick<ConfigurationItemView, 'parents'>): string =>
  item.parents.map((p) => p.name).join(' › ');

function ComponentOption({ item }: { item: ConfigurationItemView }) {
  const chain = parentChain(item);
  return (
    <>
      <span className="option-title">
        <span className="option-name">{item.name}</span>
        <span className="option-class">{item.className}</span>
      </span>
      {chain && <span className="option-detail">in {chain}</span>}
    </>
  );
}

interface ComponentPickerProps {
  control: ControlProps;
  labelId: string;
  value: LookupValue;
  readOnly: boolean;
  onPick: (item: ConfigurationItemView) => void;
  onClear: () => void;
}

export function ComponentPicker(props: ComponentPickerProps) {
  const store = useStoreHost();
  const search = useCallback(
    async (query: string) => {
      const found = await store.query('directory.searchConfigurationItems', { query, limit: 10 });
      return found.ok
        ? { items: found.value, error: null }
        : { items: [], error: found.error.message };
    },
    [store],
  );
  return (
    <LookupCombobox<ConfigurationItemView>
      {...props}
      placeholder="Printer, laptop, application…"
      searchWhenEmpty
      menuLabel="Matching configuration items"
      search={search}
      itemKey={(item) => item.id}
      itemText={(item) => item.name}
      renderItem={(item) => <ComponentOption item={item} />}
      noMatchText={(query) => `No configuration item matches “${query.trim()}”.`}
    />
  );
}
