// The Opened for field: caller lookup with autofill, searching the directory in the store host on
// every keystroke. Never writes the directory: picking only tells the form who the caller is.

import { useCallback, useMemo, type Ref } from 'react';
import type { UserHit } from '../../shared/domain/directory';
import { useStoreHost } from '../app/deskpad-context';
import type { ControlProps } from '../interaction-form/form-field';
import { LookupCombobox, type LookupValue } from '../lookup/lookup-combobox';
import type { LookupAhead, LookupInstrument } from '../lookup/use-lookup-search';
import { CallerOption } from './caller-option';

/** The names the benchmark reads from the Performance timeline. */
export const CALLER_LOOKUP_INSTRUMENT: LookupInstrument = {
  inputMark: 'lookup:input',
  renderMeasure: 'lookup:keystroke-to-render',
};

export const CALLER_RESULTS_LIMIT = 10;
export const RECENT_CALLERS_LIMIT = 5;

interface CallerLookupProps {
  control: ControlProps;
  labelId: string;
  value: LookupValue;
  readOnly: boolean;
  onPick: (user: UserHit) => void;
  onClear: () => void;
  inputRef?: Ref<HTMLInputElement>;
}

export function CallerLookup(props: CallerLookupProps) {
  const store = useStoreHost();
  const search = useCallback(
    async (query: string) => {
      // Nothing typed: the agent's latest callers, so a caller who rings back is ArrowDown, Enter.
      const found =
        query.trim() === ''
          ? await store.query('directory.recentCallers', { limit: RECENT_CALLERS_LIMIT })
          : await store.query('directory.searchUsers', { query, limit: CALLER_RESULTS_LIMIT });
      return found.ok
        ? { items: found.value, error: null }
        : { items: [], error: found.error.message };
    },
    [store],
  );
  const ahead = useMemo<LookupAhead<UserHit>>(
    () => ({
      fetch: async (query) => {
        const found = await store.query('directory.searchUsersAhead', {
          query,
          limit: CALLER_RESULTS_LIMIT,
        });
        return found.ok ? found.value : null;
      },
      itemKey: (user) => user.id,
    }),
    [store],
  );
  return (
    <LookupCombobox<UserHit>
      {...props}
      placeholder="Type a name and Enter (your callers come first), or ↓ for recent callers…"
      menuLabel="Matching callers"
      searchWhenEmpty
      search={search}
      itemKey={(user) => user.id}
      itemText={(user) => user.name}
      renderItem={(user) => <CallerOption user={user} />}
      noMatchText={(query) => `No caller matches “${query.trim()}”.`}
      instrument={CALLER_LOOKUP_INSTRUMENT}
      ahead={ahead}
      enterPicksFirst="Enter picks the first match. Callers you dealt with lately come first."
    />
  );
}
