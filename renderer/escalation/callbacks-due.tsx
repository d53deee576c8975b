// Callbacks due (second seed): each open interaction linked to a Resolved incident. The agent calls
// the user back, then closes the interaction or reopens the incident (asked why). Never does either alone.

import { useEffect, useId, useRef, useState } from 'react';
import type { CallbackDueView } from '../../shared/store-api/escalation-contract';
import { formatFullTime, formatShortTime } from '../format/format-time';
import { useEscalation } from './escalation-context';
import { ReopenDialog } from './reason-dialog';
import { usePortQuery } from './use-port-query';

function CallbackRow({ due, onReopen }: { due: CallbackDueView; onReopen: () => void }) {
  const { port, now } = useEscalation();
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = async () => {
    if (busy) return;
    setBusy(true);
    const answer = await port.command('interaction.close', {
      id: due.interactionId,
      state: 'Closed Complete',
    });
    setBusy(false);
    if (!answer.ok) setError(answer.error.message);
  };

  return (
    <li className="attention-item" aria-labelledby={titleId}>
      <h3 id={titleId} className="attention-title">
        {due.interactionNumber} · {due.callerName ?? 'An unnamed caller'}
      </h3>
      <p>
        {due.incidentNumber} · {due.incidentShortDescription}, resolved{' '}
        <time dateTime={due.resolvedAt} title={formatFullTime(due.resolvedAt)}>
          {formatShortTime(due.resolvedAt, now())}
        </time>
      </p>
      {due.resolutionNotes && <p className="muted">{due.resolutionNotes}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          aria-describedby={titleId}
          aria-disabled={busy}
          onClick={() => void close()}
        >
          Close interaction
        </button>
        <button type="button" className="button" aria-describedby={titleId} onClick={onReopen}>
          Reopen incident
        </button>
      </div>
    </li>
  );
}

export function CallbacksDue() {
  const headingId = useId();
  const answer = usePortQuery('incident.callbacksDue', { limit: 200 });
  const [reopening, setReopening] = useState<CallbackDueView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const items = answer?.ok ? answer.value : [];
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A row leaves once its interaction is closed or its incident reopened: focus stays in the list.
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) headingRef.current?.focus();
  }, [items.length, reopening]);
  return (
    <section className="callbacks-due" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        Callbacks due
      </h2>
      {answer === undefined ? (
        <p className="muted">Loading…</p>
      ) : !answer.ok ? (
        <p className="error-text">{answer.error.message}</p>
      ) : items.length === 0 ? (
        <p className="muted">No callbacks due.</p>
      ) : (
        <ul className="attention-list" aria-labelledby={headingId}>
          {items.map((due) => (
            <CallbackRow
              key={`${due.incidentId}:${due.interactionId}`}
              due={due}
              onReopen={() => setReopening(due)}
            />
          ))}
        </ul>
      )}
      <p className="save-message" role="status" aria-atomic="true">
        {message}
      </p>
      {reopening && (
        <ReopenDialog
          incident={{ id: reopening.incidentId, number: reopening.incidentNumber }}
          onCancel={() => setReopening(null)}
          onDone={(incident) => {
            setReopening(null);
            setMessage(
              `${incident.number} is In Progress again (reopened ${incident.reopenCount}×).`,
            );
          }}
        />
      )}
    </section>
  );
}
