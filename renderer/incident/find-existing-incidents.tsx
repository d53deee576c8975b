// Find existing incidents (second seed): open incidents on the interaction's component or one of
// its parents, nearest first, the caller's own marked; Associate links one. Never creates an incident.

import { useId, useRef, useState } from 'react';
import { PRIORITY_LABELS } from '../../shared/domain/priority';
import type { InteractionView } from '../../shared/store-api/contract';
import type { IncidentHitView, IncidentView } from '../../shared/store-api/escalation-contract';
import { ModalDialog } from '../dialog/modal-dialog';
import { useDeskpad } from '../app/deskpad-context';
import { useLiveQuery } from '../hooks/use-live-query';

/** Where the incident sits relative to the interaction's component. */
export function distanceText(distance: number): string {
  if (distance === 0) return 'this component';
  if (distance === 1) return 'its parent';
  return `${distance} levels up`;
}

function HitRow({
  hit,
  busy,
  onAssociate,
}: {
  hit: IncidentHitView;
  busy: boolean;
  onAssociate: () => void;
}) {
  const titleId = useId();
  const { incident } = hit;
  return (
    <li className="incident-hit" aria-labelledby={titleId}>
      <h3 id={titleId} className="attention-title">
        {incident.number} · {incident.shortDescription}
      </h3>
      <p>
        On {hit.componentName ?? 'a component'} ({distanceText(hit.distance)}) · Priority{' '}
        {PRIORITY_LABELS[incident.priority]} · {incident.state} · {hit.affectedCallers}{' '}
        {hit.affectedCallers === 1 ? 'caller' : 'callers'} affected
        {hit.sameCaller && (
          <>
            {' '}
            <span className="badge">Reported by this caller</span>
          </>
        )}
      </p>
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          aria-describedby={titleId}
          aria-disabled={busy}
          onClick={onAssociate}
        >
          Associate
        </button>
      </div>
    </li>
  );
}

interface FindExistingIncidentsProps {
  interaction: InteractionView;
  onAssociated: (incident: IncidentView) => void;
  onRegisterNew: () => void;
  onCancel: () => void;
}

export function FindExistingIncidents({
  interaction,
  onAssociated,
  onRegisterNew,
  onCancel,
}: FindExistingIncidentsProps) {
  const { store } = useDeskpad();
  const registerRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const answer = useLiveQuery(
    'incident.searchByComponent',
    interaction.component
      ? { componentId: interaction.component, callerId: interaction.openedFor, limit: 50 }
      : null,
  );

  const associate = async (incidentId: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const done = await store.command('interaction.associateIncident', {
      id: interaction.id,
      incidentId,
    });
    setBusy(false);
    if (done.ok) onAssociated(done.value.incident);
    else setError(done.error.message);
  };

  const path = answer?.ok ? answer.value.path.map((c) => c.name).join(' › ') : '';
  return (
    <ModalDialog title="Existing incidents" onCancel={onCancel} initialFocus={registerRef} wide>
      <p className="muted">
        {interaction.component
          ? `Open incidents on ${path || (interaction.componentName ?? 'the component')} and its parents, nearest first.`
          : 'Pick the Component on the interaction to find the incidents already open on it.'}
      </p>
      <div className="actions">
        <button type="button" className="button" ref={registerRef} onClick={onRegisterNew}>
          Register a new incident
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {interaction.component &&
        (answer === undefined ? (
          <p className="muted">Searching…</p>
        ) : !answer.ok ? (
          <p className="error-text">{answer.error.message}</p>
        ) : answer.value.hits.length === 0 ? (
          <p className="muted" role="status">
            No open incident on this component or its parents.
          </p>
        ) : (
          <ul
            className="attention-list"
            aria-label="Open incidents on the component and its parents"
          >
            {answer.value.hits.map((hit) => (
              <HitRow
                key={hit.incident.id}
                hit={hit}
                busy={busy}
                onAssociate={() => void associate(hit.incident.id)}
              />
            ))}
          </ul>
        ))}
    </ModalDialog>
  );
}
