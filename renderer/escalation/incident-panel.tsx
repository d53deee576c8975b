// The incident as a technician works it: its facts, editable fields while it is open, the state
// buttons its machine allows from here (transitionsFrom), assignment and work notes. Never bypasses the store's rules.

import { useId, useState, type ReactNode } from 'react';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_LABELS as L,
  isOpenIncident,
  type IncidentCategory,
  type IncidentChanges,
} from '../../shared/domain/incident';
import {
  LEVEL_LABELS,
  LEVELS,
  PRIORITY_LABELS,
  priorityOf,
  type Level,
} from '../../shared/domain/priority';
import {
  INCIDENT_MACHINE,
  transitionsFrom,
  type IncidentAction,
} from '../../shared/domain/task-states';
import type { IncidentView } from '../../shared/store-api/escalation-contract';
import { FormField } from '../interaction-form/form-field';
import { AssignmentPicker } from './assignment-picker';
import { useEscalation } from './escalation-context';
import { OnHoldDialog, ReopenDialog, ResolveDialog } from './reason-dialog';
import { TaskWorkNotes } from './task-work-notes';
import { usePortQuery, usePortValue } from './use-port-query';

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

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function IncidentFieldsEditor({ incident }: { incident: IncidentView }) {
  const { port } = useEscalation();
  const baseId = useId();
  const idOf = (field: string) => `${baseId}-${field}`;
  const session = usePortValue('session.current', {}, null);
  const [changes, setChanges] = useState<IncidentChanges>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const readOnly = !isOpenIncident(incident);
  const values = { ...incident, ...changes };
  const edit = (next: IncidentChanges) => setChanges((c) => ({ ...c, ...next }));

  const save = async () => {
    const answer = await port.command('incident.update', { id: incident.id, changes });
    if (answer.ok) {
      setChanges({});
      setErrors({});
      setMessage(`Saved ${answer.value.number}.`);
    } else {
      setErrors(answer.error.fieldErrors ?? {});
      setMessage(answer.error.message);
    }
  };
  const level = (field: 'impact' | 'urgency') => (
    <FormField id={idOf(field)} label={L[field]} error={errors[field]}>
      {(control) => (
        <select
          {...control}
          disabled={readOnly}
          value={values[field]}
          onChange={(e) => edit({ [field]: Number(e.target.value) as Level })}
        >
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABELS[l]}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );

  return (
    <form noValidate onSubmit={(e) => e.preventDefault()} aria-label={`${incident.number} fields`}>
      <FormField
        id={idOf('shortDescription')}
        label={L.shortDescription}
        error={errors.shortDescription}
      >
        {(control) => (
          <input
            {...control}
            readOnly={readOnly}
            value={values.shortDescription}
            onChange={(e) => edit({ shortDescription: e.target.value })}
          />
        )}
      </FormField>
      <FormField id={idOf('description')} label={L.description} error={errors.description}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            readOnly={readOnly}
            value={values.description}
            onChange={(e) => edit({ description: e.target.value })}
          />
        )}
      </FormField>
      <div className="form-row">
        <FormField id={idOf('category')} label={L.category} error={errors.category}>
          {(control) => (
            <select
              {...control}
              disabled={readOnly}
              value={values.category}
              onChange={(e) => edit({ category: e.target.value as IncidentCategory })}
            >
              {INCIDENT_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {level('impact')}
        {level('urgency')}
        <div className="field">
          <span id={idOf('priority')}>{L.priority}</span>
          <output aria-labelledby={idOf('priority')}>
            {PRIORITY_LABELS[priorityOf(values.impact, values.urgency)]}
          </output>
        </div>
      </div>
      <AssignmentPicker
        idOf={idOf}
        value={values}
        assignedToName={incident.assignedToName}
        errors={errors}
        readOnly={readOnly}
        agentId={session?.agent.id ?? null}
        onChange={(assignment) => edit(assignment)}
      />
      {!readOnly && (
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            aria-disabled={Object.keys(changes).length === 0}
            onClick={() => {
              if (Object.keys(changes).length > 0) void save();
            }}
          >
            Save
          </button>
        </div>
      )}
      <p className="save-message" role="status" aria-atomic="true">
        {message}
      </p>
    </form>
  );
}

export function IncidentPanel({ incidentId }: { incidentId: string }) {
  const { port } = useEscalation();
  const headingId = useId();
  const answer = usePortQuery('incident.get', { id: incidentId });
  const [asking, setAsking] = useState<Asking>(null);
  const [message, setMessage] = useState<string | null>(null);
  const incident = answer?.ok ? answer.value : null;

  if (!incident) {
    return (
      <section className="form-placeholder" aria-labelledby={headingId}>
        <h2 id={headingId}>Incident</h2>
        <p className="muted">
          {answer === undefined
            ? 'Opening the incident…'
            : answer.ok
              ? 'This incident is not on this desk.'
              : answer.error.message}
        </p>
      </section>
    );
  }

  const run = async (action: IncidentAction) => {
    const id = incident.id;
    const done =
      action === 'close'
        ? await port.command('incident.close', { id })
        : action === 'cancel'
          ? await port.command('incident.cancel', { id })
          : await port.command('incident.setState', { id, state: 'In Progress' });
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
          <Fact label={L.state}>
            {incident.state}
            {incident.onHoldReason ? ` (${incident.onHoldReason})` : ''}
          </Fact>
          <Fact label={L.priority}>{PRIORITY_LABELS[incident.priority]}</Fact>
          <Fact label={L.caller}>{incident.callerName ?? ''}</Fact>
          <Fact label={L.component}>{incident.componentName ?? 'None'}</Fact>
          <Fact label="Callers affected">{incident.affectedCallers}</Fact>
          <Fact label={L.reopenCount}>{incident.reopenCount}</Fact>
        </dl>
      </div>
      {incident.resolutionNotes && (
        <p>
          {L.resolutionNotes} ({incident.resolutionCode}): {incident.resolutionNotes}
        </p>
      )}
      <div className="actions" role="group" aria-label="State">
        {transitionsFrom(INCIDENT_MACHINE, incident.state).map((t) => (
          <button
            key={t.to}
            type="button"
            className={t.action === 'cancel' ? 'button button--danger' : 'button'}
            onClick={() => onAction(t.action)}
          >
            {ACTION_LABELS[t.action]}
          </button>
        ))}
      </div>
      <p className="save-message" role="status" aria-atomic="true">
        {message}
      </p>
      <IncidentFieldsEditor key={incident.updatedAt} incident={incident} />
      <TaskWorkNotes
        notes={incident.workNotes}
        onAdd={(noteId, text) =>
          port.command('incident.addWorkNote', { id: incident.id, noteId, text })
        }
      />
      {incident.relatedInteractions.length > 0 && (
        <section aria-label={L.relatedInteractions}>
          <h3>{L.relatedInteractions}</h3>
          <ul>
            {incident.relatedInteractions.map((r) => (
              <li key={r.id}>
                {r.number} ({r.relation === 'origin' ? 'created it' : 'associated'})
              </li>
            ))}
          </ul>
        </section>
      )}
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
