// The User's Interactions related list: every interaction of the caller in Opened for, shown as
// soon as the caller is picked (live). Never lists anyone else's.

import { useId } from 'react';
import type { InteractionListItem } from '../../shared/store-api/contract';
import { useUi } from '../app/deskpad-context';
import { useLiveQuery } from '../hooks/use-live-query';
import { InteractionTable } from '../interaction-list/interaction-table';

const NONE: InteractionListItem[] = [];

export function UsersInteractions({
  userId,
  currentId,
}: {
  userId: string | null;
  currentId: string;
}) {
  const headingId = useId();
  const openInteraction = useUi((s) => s.openInteraction);
  const result = useLiveQuery('interaction.listForUser', userId ? { userId } : null);
  const items = result?.ok ? result.value : NONE;
  return (
    <section className="related-list" aria-labelledby={headingId}>
      <h3 id={headingId}>User&apos;s Interactions</h3>
      {!userId ? (
        <p className="muted">Pick the caller in Opened for to see their interactions.</p>
      ) : result === undefined ? (
        <p className="muted">Loading…</p>
      ) : !result.ok ? (
        <p className="error-text">{result.error.message}</p>
      ) : items.length === 0 ? (
        <p className="muted">No interactions for this caller yet.</p>
      ) : (
        <div className="table-scroll">
          <InteractionTable
            items={items}
            selectedId={currentId}
            onOpen={openInteraction}
            showOpenedFor={false}
          />
        </div>
      )}
    </section>
  );
}
