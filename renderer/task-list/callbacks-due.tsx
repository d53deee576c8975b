// Callbacks due (second seed): each open interaction linked to a Resolved incident. Its number
// opens the interaction, where the agent closes it or reopens the incident after calling the user
// back (callback-notice). Never closes or reopens anything itself.

import { useId, useImperativeHandle, useRef, type Ref } from 'react';
import type { CallbackDueView } from '../../shared/store-api/escalation-contract';
import { formatFullTime, formatShortTime } from '../format/format-time';
import { moveBetweenRows } from '../interaction-list/interaction-table';
import { useDeskpad } from '../app/deskpad-context';
import { useLiveQuery } from '../hooks/use-live-query';

export interface CallbacksDueHandle {
  focus(): void;
}

function CallbackRow({
  due,
  selected,
  onOpen,
}: {
  due: CallbackDueView;
  selected: boolean;
  onOpen: () => void;
}) {
  const { now } = useDeskpad();
  const titleId = useId();
  return (
    <li
      className={selected ? 'attention-item is-selected' : 'attention-item'}
      aria-labelledby={titleId}
    >
      <h3 id={titleId} className="attention-title">
        <button
          type="button"
          className="row-open"
          aria-current={selected ? 'true' : undefined}
          onClick={onOpen}
        >
          {due.interactionNumber}
        </button>{' '}
        · {due.callerName ?? 'An unnamed caller'}
      </h3>
      <p>{due.interactionShortDescription}</p>
      <p>
        {due.incidentNumber} · {due.incidentShortDescription}, resolved{' '}
        <time dateTime={due.resolvedAt} title={formatFullTime(due.resolvedAt)}>
          {formatShortTime(due.resolvedAt, now())}
        </time>
      </p>
      {due.resolutionNotes && <p className="muted">{due.resolutionNotes}</p>}
    </li>
  );
}

interface CallbacksDueProps {
  /** The interaction open in the form beside the list. */
  selectedId?: string | null;
  onOpen: (interactionId: string) => void;
  ref?: Ref<CallbacksDueHandle>;
}

export function CallbacksDue({ selectedId = null, onOpen, ref }: CallbacksDueProps) {
  const headingId = useId();
  const answer = useLiveQuery('incident.callbacksDue', { limit: 200 });
  const items = answer?.ok ? answer.value : [];
  const regionRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useImperativeHandle(ref, () => ({
    focus: () => {
      const rows = regionRef.current?.querySelectorAll<HTMLButtonElement>('button.row-open');
      const selected = regionRef.current?.querySelector<HTMLButtonElement>(
        'button.row-open[aria-current="true"]',
      );
      (selected ?? rows?.[0] ?? headingRef.current)?.focus();
    },
  }));

  return (
    <section className="interaction-list callbacks-due" aria-labelledby={headingId} ref={regionRef}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        Callbacks due
      </h2>
      <p className="muted">
        Incidents resolved since these callers got in touch. Open the interaction, call the user
        back, then close it or reopen the incident.
      </p>
      {answer === undefined ? (
        <p className="muted">Loading…</p>
      ) : !answer.ok ? (
        <p className="error-text">{answer.error.message}</p>
      ) : items.length === 0 ? (
        <p className="muted">No callbacks due.</p>
      ) : (
        <ul className="attention-list" aria-labelledby={headingId} onKeyDown={moveBetweenRows}>
          {items.map((due) => (
            <CallbackRow
              key={`${due.incidentId}:${due.interactionId}`}
              due={due}
              selected={due.interactionId === selectedId}
              onOpen={() => onOpen(due.interactionId)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
