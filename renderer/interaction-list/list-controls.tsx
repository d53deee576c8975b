// The list's view (My open, All open, Recently closed) and its Type and State filters.
// UI state only: choosing a view never changes a record.

import { useId } from 'react';
import {
  INTERACTION_STATES,
  INTERACTION_TYPES,
  InteractionState,
  InteractionType,
} from '../../shared/domain/interaction';
import type { InteractionListView } from '../../shared/store-api/contract';
import { useUi } from '../app/deskpad-context';

export const LIST_VIEW_LABELS: Record<InteractionListView, string> = {
  'my-open': 'My open',
  'all-open': 'All open',
  'recently-closed': 'Recently closed',
};

export function ListControls() {
  const id = useId();
  const view = useUi((s) => s.listView);
  const typeFilter = useUi((s) => s.typeFilter);
  const stateFilter = useUi((s) => s.stateFilter);
  const setListView = useUi((s) => s.setListView);
  const setTypeFilter = useUi((s) => s.setTypeFilter);
  const setStateFilter = useUi((s) => s.setStateFilter);

  return (
    <div className="list-controls">
      <fieldset className="segmented">
        <legend className="visually-hidden">Show</legend>
        {(Object.keys(LIST_VIEW_LABELS) as InteractionListView[]).map((v) => (
          <label key={v} className={v === view ? 'segment is-checked' : 'segment'}>
            <input
              type="radio"
              name={`${id}-view`}
              value={v}
              checked={v === view}
              onChange={() => setListView(v)}
            />
            {LIST_VIEW_LABELS[v]}
          </label>
        ))}
      </fieldset>
      <div className="filters">
        <label htmlFor={`${id}-type`}>Filter by type</label>
        <select
          id={`${id}-type`}
          value={typeFilter ?? ''}
          onChange={(e) => {
            const t = InteractionType.safeParse(e.target.value);
            setTypeFilter(t.success ? t.data : null);
          }}
        >
          <option value="">Any type</option>
          {INTERACTION_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-state`}>Filter by state</label>
        <select
          id={`${id}-state`}
          value={stateFilter ?? ''}
          onChange={(e) => {
            const s = InteractionState.safeParse(e.target.value);
            setStateFilter(s.success ? s.data : null);
          }}
        >
          <option value="">Any state</option>
          {INTERACTION_STATES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
