// The incident as a technician works it: its facts, its fields (editable while it is open), the
// state buttons its machine allows from here (transitionsFrom), assignment, work notes and the
// interactions linked to it. Never bypasses the store's rules: every change is a command.

import { useId, useState } from 'react';
import {
  INCIDENT_LABELS as L,
  isOpenIncident,
  type IncidentChanges,
} from '../../shared/domain/incident';
import { PRIORITY_LABELS } from '../../shared/domain/priority';
import {
  INCIDENT_MACHINE,
  transitionsFrom,
  type IncidentAction,
} from '../../shared/domain/task-states';
import type { IncidentView } from '../../shared/store-api/escalation-contract';
import { formatFullTime } from '../format/format-time';
import { Fact } from '../interaction-form/record-summary';
import { InteractionNumber } from '../interaction-list/interaction-number';
import { useDeskpad } from '../app/deskpad-context';
import { IncidentFields } from './incident-fields';
import { OnHoldDialog, ReopenDialog, ResolveDialog } from '../task-form/reason-dialog';
import { RecordPlaceholder } from '../task-form/record-placeholder';
import { SaveRow, StateButtons } from '../task-form/task-form-parts';
import { RelatedInteractions } from '../task-form/related-interactions';
import { TaskWorkNotes } from '../task-form/task-work-notes';
import { offeredActions, useActor } from '../task-form/use-permission';
import { useLiveQuery } from '../hooks/use-live-query';

/** The command each button runs: what the permission matrix is asked about. */
const COMMAND_OF = {
  start: 'incident.setState',
  hold: 'incident.setState',
  resume: 'incident.setState',
  resolve: 'incident.resolve',
  reopen: 'incident.reopen',
  close: 'incident.close',
  cancel: 'incident.cancel',
} as const satisfies Record<IncidentAction, string>;

/** The button each transition is offered as; the names issue 4 lists are kept exactly. */
export const ACTION_LABELS: Readonly<Record<IncidentAction, string>> = {
  start: 'Start work',
  hold: 'Put on hold',
  resume: 'Resume work',
  resolve: 'Resolve',
  reopen: 'Reopen incident',
  close: 'Close incident',
  cancel: 'Cancel incident',
};

type Asking = 'hold' | 'resolve' | 'reopen' | null;

function IncidentFieldsEditor({ incident }: { incident: IncidentView }) {
  const { store } = useDeskpad();
  const baseId = useId();
  const idOf = (field: string) => `${baseId}-${field}`;
  const [changes, setChanges] = useState<IncidentChanges>({});
  // The names of what the agent picked; until then the record's own (which may change meanwhile).
  const [picked, setPicked] = useState<{ caller?: string; component?: string }>({});
  const names = {
    caller: changes.caller !== undefined ? (picked.caller ?? '') : (incident.callerName ?? ''),
    component:
      changes.component !== undefined ? (picked.component ?? '') : (incident.componentName ?? ''),
  };
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = !isOpenIncident(incident);
  const values = { ...incident, ...changes };
  const changed = Object.keys(changes).length > 0;
  const edit = (next: IncidentChanges) => {
    setChanges((c) => ({ ...c, ...next }));
    setErrors((e) => {
      const left = { ...e };
      for (const key of Object.keys(next)) delete left[key];
      return left;
    });
  };

  const save = async () => {
    if (busy || !changed) return;
    setBusy(true);
    const answer = await store.command('incident.update', { id: incident.id, changes });
    setBusy(false);
    if (answer.ok) {
      setChanges({});
      setErrors({});
      setMessage(`Saved ${answer.value.number}.`);
    } else {
      setErrors(answer.error.fieldErrors ?? {});
      setMessage(answer.error.message);
    }
  };

  return (
    <form
      className="escalation-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      aria-label={`${incident.number} fields`}
    >
      <IncidentFields
        idOf={idOf}
        values={values}
        names={names}
        errors={errors}
        readOnly={readOnly}
        onEdit={edit}
        onPicked={(field, name) => setPicked((n) => ({ ...n, [field]: name }))}
        assignedToName={incident.assignedToName}
        offerAssignToMe
      />
      <SaveRow readOnly={readOnly} busy={busy} changed={changed} message={message} />
    </form>
  );
}

interface IncidentPanelProps {
  incidentId: string;
  /** Opens a related interaction in the interaction form. */
  onOpenInteraction?: (interactionId: string) => void;
}

export function IncidentPanel({ incidentId, onOpenInteraction }: IncidentPanelProps) {
  const { store } = useDeskpad();
  const headingId = useId();
  const answer = useLiveQuery('incident.get', { id: incidentId });
  const [asking, setAsking] = useState<Asking>(null);
  const [message, setMessage] = useState<string | null>(null);
  const actor = useActor();
  const incident = answer?.ok ? answer.value : null;

  if (!incident) return <RecordPlaceholder kind="incident" answer={answer} />;
  const { offered, withheld } = offeredActions(
    actor,
    transitionsFrom(INCIDENT_MACHINE, incident.state).map((t) => t.action),
    (action) => COMMAND_OF[action],
    incident,
  );

  const run = async (action: IncidentAction) => {
    const id = incident.id;
    const done =
      action === 'close'
        ? await store.command('incident.close', { id })
        : action === 'cancel'
          ? await store.command('incident.cancel', { id })
          : await store.command('incident.setState', { id, state: 'In Progress' });
    setMessage(done.ok ? `${done.value.number} is ${done.value.state}.` : done.error.message);
  };
  const onAction = (action: IncidentAction) => {
    if (action === 'hold' || action === 'resolve' || action === 'reopen') setAsking(action);
    else void run(action);
  };
  const finished = (view: IncidentView) => {
    setAsking(null);
    setMessage(`${view.number} is ${view.state}.`);
  };

  return (
    <section className="incident-panel" aria-labelledby={headingId}>
      <div className="form-header">
        <h2 id={headingId}>Incident {incident.number}</h2>
        <dl className="record-summary">
          <Fact label={L.number}>
            <InteractionNumber number={incident.number} provisional={incident.numberProvisional} />
          </Fact>
          <Fact label={L.state}>
            <span className="state">
              {incident.state}
              {incident.onHoldReason ? ` (${incident.onHoldReason})` : ''}
            </span>
          </Fact>
          <Fact label={L.priority}>{PRIORITY_LABELS[incident.priority]}</Fact>
          <Fact label="Callers affected">{incident.affectedCallers}</Fact>
          <Fact label={L.reopenCount}>{incident.reopenCount}</Fact>
          <Fact label={L.openedAt}>{formatFullTime(incident.openedAt)}</Fact>
          {incident.resolvedAt && (
            <Fact label={L.resolvedAt}>{formatFullTime(incident.resolvedAt)}</Fact>
          )}
          {incident.closedAt && <Fact label={L.closedAt}>{formatFullTime(incident.closedAt)}</Fact>}
        </dl>
      </div>
      {incident.resolutionNotes && (
        <p>
          {L.resolutionNotes} ({incident.resolutionCode}): {incident.resolutionNotes}
        </p>
      )}
      <StateButtons
        actions={offered}
        labels={ACTION_LABELS}
        primary={['resolve', 'close']}
        onAction={onAction}
        withheld={withheld}
      />
      <p className="save-message" role="status" aria-atomic="true">
        {message}
      </p>
      <IncidentFieldsEditor key={incident.id} incident={incident} />
      <TaskWorkNotes
        notes={incident.workNotes}
        onAdd={(noteId, text) =>
          store.command('incident.addWorkNote', { id: incident.id, noteId, text })
        }
      />
      <RelatedInteractions
        label={L.relatedInteractions}
        related={incident.relatedInteractions}
        onOpen={onOpenInteraction}
      />
      {asking === 'resolve' && (
        <ResolveDialog incident={incident} onDone={finished} onCancel={() => setAsking(null)} />
      )}
      {asking === 'hold' && (
        <OnHoldDialog incident={incident} onDone={finished} onCancel={() => setAsking(null)} />
      )}
      {asking === 'reopen' && (
        <ReopenDialog incident={incident} onDone={finished} onCancel={() => setAsking(null)} />
      )}
    </section>
  );
}
