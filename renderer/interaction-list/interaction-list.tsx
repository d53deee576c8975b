// The Interactions region: the chosen view of interactions on this desk, live, with filters.
// Reads only; opening a row tells the UI state which record the form shows.

import { useImperativeHandle, useRef, type Ref } from 'react';
import type { InteractionListItem } from '../../shared/store-api/contract';
import { useUi } from '../app/deskpad-context';
import { MyDay } from '../figures/my-day';
import { useLiveQuery } from '../hooks/use-live-query';
import { InteractionTable } from './interaction-table';
import { ListControls, LIST_VIEW_LABELS } from './list-controls';

export interface InteractionListHandle {
  focus(): void;
}

const NONE: InteractionListItem[] = [];

export function InteractionList({ ref }: { ref?: Ref<InteractionListHandle> }) {
  const view = useUi((s) => s.listView);
  const type = useUi((s) => s.typeFilter);
  const state = useUi((s) => s.stateFilter);
  const openId = useUi((s) => s.open.id);
  const openInteraction = useUi((s) => s.openInteraction);
  const regionRef = useRef<HTMLElement>(null);
  const firstRowRef = useRef<HTMLButtonElement>(null);

  const result = useLiveQuery('interaction.list', {
    view,
    ...(type ? { type } : {}),
    ...(state ? { state } : {}),
  });
  const items = result?.ok ? result.value : NONE;

  useImperativeHandle(ref, () => ({
    focus: () => {
      const selected = regionRef.current?.querySelector<HTMLButtonElement>(
        'button.row-open[aria-current="true"]',
      );
      const target =
        selected ??
        firstRowRef.current ??
        regionRef.current?.querySelector<HTMLInputElement>('input:checked');
      target?.focus();
    },
  }));

  return (
    <section className="interaction-list" aria-labelledby="interactions-heading" ref={regionRef}>
      <h2 id="interactions-heading">Interactions</h2>
      <MyDay />
      <ListControls />
      {/* One box for Loading…, the words and the table: on a narrow window its height is fixed,
          so the form below it never moves as the list fills (styles/interaction-list.css). */}
      <div className="interaction-list__results">
        {result === undefined ? (
          <p className="muted">Loading…</p>
        ) : !result.ok ? (
          <p className="error-text">{result.error.message}</p>
        ) : items.length === 0 ? (
          <p className="muted">
            No interactions in {LIST_VIEW_LABELS[view]}
            {type || state ? ' with these filters' : ''}.
          </p>
        ) : (
          <div className="table-scroll">
            <InteractionTable
              items={items}
              selectedId={openId}
              onOpen={openInteraction}
              firstRowRef={firstRowRef}
            />
          </div>
        )}
      </div>
    </section>
  );
}
