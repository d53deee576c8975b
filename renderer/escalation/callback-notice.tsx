// On an open interaction: each incident it is linked to that has been Resolved, so the caller is
// due a callback (second seed). Offers Reopen incident (asked why); Close interaction is the
// form's own button. Never closes or reopens anything by itself.

import { useEffect, useId, useRef, useState } from 'react';
import type { CallbackDueView } from '../../shared/store-api/escalation-contract';
import { formatFullTime, formatShortTime } from '../format/format-time';
import { useDeskpad } from '../app/deskpad-context';
import { ReopenDialog } from '../task-form/reason-dialog';
import { useLiveValue } from '../hooks/use-live-query';

const NONE: CallbackDueView[] = [];

function DueIncident({ due, onReopen }: { due: CallbackDueView; onReopen: () => void }) {
  const { now } = useDeskpad();
  const titleId = useId();
  return (
    <li className="callback-notice" aria-labelledby={titleId}>
      <p id={titleId}>
        <strong>Callback due:</strong> {due.incidentNumber} · {due.incidentShortDescription} was
        resolved{' '}
        <time dateTime={due.resolvedAt} title={formatFullTime(due.resolvedAt)}>
          {formatShortTime(due.resolvedAt, now())}
        </time>
        .
      </p>
      {due.resolutionNotes && <p className="muted">{due.resolutionNotes}</p>}
      <p className="muted">
        Call the user back. If it works now, Close interaction; if the problem is back, Reopen
        incident.
      </p>
      <div className="actions">
        <button type="button" className="button" aria-describedby={titleId} onClick={onReopen}>
          Reopen incident
        </button>
      </div>
    </li>
  );
}

interface CallbackNoticeProps {
  interactionId: string;
  /**
   * After a reopen, with what it did in words: the row (and the button that held focus) goes, so
   * the form says so and puts the agent somewhere. Without it, the notice says so itself.
   */
  onReopened?: (text: string) => void;
}

export function CallbackNotice({ interactionId, onReopened }: CallbackNoticeProps) {
  const all = useLiveValue('incident.callbacksDue', { limit: 200 }, NONE);
  const due = all.filter((d) => d.interactionId === interactionId);
  const [reopening, setReopening] = useState<CallbackDueView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  /** What the last reopen did, until it has been said where focus can follow it. */
  const reopened = useRef<string | null>(null);
  const onReopenedNow = useRef(onReopened);
  useEffect(() => {
    onReopenedNow.current = onReopened;
  });
  // After the dialog is gone (the window is no longer inert). The row whose button held focus
  // leaves once the incident's new state arrives: focus goes to the news, not to the page.
  useEffect(() => {
    const text = reopened.current;
    if (text === null || reopening) return;
    const tell = onReopenedNow.current;
    if (tell) {
      reopened.current = null;
      tell(text);
      return;
    }
    const active = document.activeElement;
    if (active === null || active === document.body || !active.isConnected) {
      reopened.current = null;
      statusRef.current?.focus();
    }
  }, [due.length, reopening]);
  if (due.length === 0 && !message && !reopening) return null;
  return (
    <div className="callbacks-due">
      {due.length > 0 && (
        <ul className="attention-list" aria-label="Callbacks due for this interaction">
          {due.map((d) => (
            <DueIncident key={d.incidentId} due={d} onReopen={() => setReopening(d)} />
          ))}
        </ul>
      )}
      {!onReopened && (
        <p className="save-message" role="status" aria-atomic="true" ref={statusRef} tabIndex={-1}>
          {message}
        </p>
      )}
      {reopening && (
        <ReopenDialog
          incident={{ id: reopening.incidentId, number: reopening.incidentNumber }}
          onCancel={() => setReopening(null)}
          onDone={(incident) => {
            const text = `${incident.number} is In Progress again (reopened ${incident.reopenCount}×). The interaction stays open.`;
            reopened.current = text;
            setReopening(null);
            if (!onReopened) setMessage(text);
          }}
        />
      )}
    </div>
  );
}
