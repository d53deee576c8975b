// The request as a fulfiller works it: Requested for, the catalog item and its answers,
// assignment, the state buttons its machine allows (closing asks for Close notes), work notes and
// the interactions it came from. Never bypasses the store's rules: every change is a command.

import { useId, useRef, useState } from 'react';
import { validateAnswers, type CatalogItem } from '../../shared/domain/catalog';
import {
  isOpenRequest,
  REQUEST_LABELS as L,
  type RequestChanges,
} from '../../shared/domain/request';
import {
  REQUEST_MACHINE,
  transitionsFrom,
  type RequestAction,
  type RequestState,
} from '../../shared/domain/task-states';
import type { RequestView } from '../../shared/store-api/escalation-contract';
import { AssignmentPicker } from '../assignment/assignment-picker';
import { formatFullTime } from '../format/format-time';
import { FormField } from '../interaction-form/form-field';
import { Fact } from '../interaction-form/record-summary';
import { InteractionNumber } from '../interaction-list/interaction-number';
import { answersFrom, CatalogItemForm, type AnswerDraft } from '../catalog/catalog-item-form';
import { UserLookupField } from '../task-form/directory-lookups';
import { useDeskpad } from '../app/deskpad-context';
import { focusFirstError, type FieldErrors } from '../task-form/field-errors';
import { ReasonDialog } from '../task-form/reason-dialog';
import { RecordPlaceholder } from '../task-form/record-placeholder';
import { SaveRow, StateButtons } from '../task-form/task-form-parts';
import { RelatedInteractions } from '../task-form/related-interactions';
import { TaskWorkNotes } from '../task-form/task-work-notes';
import { offeredActions, useActor } from '../task-form/use-permission';
import { useLiveQuery, useLiveValue } from '../hooks/use-live-query';

/** The button each transition is offered as. */
export const REQUEST_ACTION_LABELS: Readonly<Record<RequestAction, string>> = {
  start: 'Start work',
  complete: 'Close Complete',
  'close-incomplete': 'Close Incomplete',
  cancel: 'Cancel request',
};

/** The answers as the form edits them: what the record holds, user references by name. */
function draftOf(request: RequestView): AnswerDraft {
  return { ...request.answers };
}

function userNamesOf(request: RequestView, item: CatalogItem | null): Record<string, string> {
  const names: Record<string, string> = {};
  for (const field of item?.fields ?? []) {
    if (field.type !== 'user-reference') continue;
    const line = request.answerLines.find((l) => l.label === field.label);
    if (line) names[field.name] = line.value;
  }
  return names;
}

function RequestFieldsEditor({ request }: { request: RequestView }) {
  const { store } = useDeskpad();
  const baseId = useId();
  const idOf = (key: string) => `${baseId}-${key.replace('.', '-')}`;
  const item = useLiveValue('catalog.getItem', { id: request.catalogItem }, null);
  const [changes, setChanges] = useState<Omit<RequestChanges, 'answers'>>({});
  const [answers, setAnswers] = useState<AnswerDraft | null>(null);
  const [pickedNames, setPickedNames] = useState<Record<string, string>>({});
  const [requestedForName, setRequestedForName] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = !isOpenRequest(request);
  const values = { ...request, ...changes };
  const changed = Object.keys(changes).length > 0 || answers !== null;
  const clearError = (key: string) => setErrors(({ [key]: _gone, ...rest }) => rest);
  const edit = (next: Omit<RequestChanges, 'answers'>) => {
    setChanges((c) => ({ ...c, ...next }));
    for (const key of Object.keys(next)) clearError(key);
  };
  const order = ['requestedFor', ...(item?.fields.map((f) => `answers.${f.name}`) ?? [])];

  const save = async () => {
    if (busy || !changed) return;
    const all: RequestChanges = { ...changes };
    if (answers !== null && item) {
      const checked = validateAnswers(item, answersFrom(item, answers));
      if (!checked.ok) {
        const found = checked.error.fieldErrors ?? {};
        setErrors(found);
        setMessage(checked.error.message);
        focusFirstError(found, order, idOf);
        return;
      }
      all.answers = checked.value;
    }
    setBusy(true);
    const answer = await store.command('request.update', { id: request.id, changes: all });
    setBusy(false);
    if (answer.ok) {
      setChanges({});
      setAnswers(null);
      setPickedNames({});
      setRequestedForName(null);
      setErrors({});
      setMessage(`Saved ${answer.value.number}.`);
    } else {
      const found = answer.error.fieldErrors ?? {};
      setErrors(found);
      setMessage(answer.error.message);
      focusFirstError(found, order, idOf);
    }
  };

  return (
    <form
      className="escalation-form"
      noValidate
      aria-label={`${request.number} fields`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <UserLookupField
        id={idOf('requestedFor')}
        label={L.requestedFor}
        value={{
          id: values.requestedFor || null,
          text: requestedForName ?? request.requestedForName ?? '',
        }}
        error={errors.requestedFor}
        readOnly={readOnly}
        onPick={(user) => {
          setRequestedForName(user.name);
          edit({ requestedFor: user.id });
        }}
        onClear={() => {
          setRequestedForName('');
          edit({ requestedFor: '' });
        }}
      />
      {readOnly || !item ? (
        <section className="answers" aria-label={L.answers}>
          <h3>{request.catalogItemName ?? request.shortDescription}</h3>
          {request.answerLines.length === 0 ? (
            <p className="muted">No answers.</p>
          ) : (
            <dl className="answer-lines">
              {request.answerLines.map((line) => (
                <Fact key={line.label} label={line.label}>
                  {line.value}
                </Fact>
              ))}
            </dl>
          )}
        </section>
      ) : (
        <CatalogItemForm
          item={item}
          answers={answers ?? draftOf(request)}
          userNames={{ ...userNamesOf(request, item), ...pickedNames }}
          errors={errors}
          idOf={idOf}
          onAnswer={(name, value, userName) => {
            setAnswers((a) => ({ ...(a ?? draftOf(request)), [name]: value }));
            if (userName !== undefined) setPickedNames((n) => ({ ...n, [name]: userName }));
            clearError(`answers.${name}`);
          }}
        />
      )}
      <AssignmentPicker
        idOf={idOf}
        value={values}
        assignedToName={request.assignedToName}
        errors={errors}
        readOnly={readOnly}
        offerAssignToMe
        onChange={(assignment) => edit(assignment)}
      />
      <SaveRow readOnly={readOnly} busy={busy} changed={changed} message={message} />
    </form>
  );
}

function CloseRequestDialog({
  request,
  state,
  onDone,
  onCancel,
}: {
  request: RequestView;
  state: RequestState;
  onDone: (request: RequestView) => void;
  onCancel: () => void;
}) {
  const { store } = useDeskpad();
  const baseId = useId();
  const first = useRef<HTMLTextAreaElement>(null);
  const [notes, setNotes] = useState('');
  const required = state === 'Closed Incomplete';
  return (
    <ReasonDialog
      title={`${state === 'Canceled' ? 'Cancel' : 'Close'} ${request.number}`}
      intro={
        required
          ? `It becomes ${state}. Say in the Close notes why it could not be fulfilled.`
          : `It becomes ${state}, for good. Close notes are optional.`
      }
      initialFocus={first}
      onDone={onDone}
      onCancel={onCancel}
      run={() =>
        store.command('request.setState', {
          id: request.id,
          state,
          ...(notes.trim() ? { closeNotes: notes } : {}),
        })
      }
    >
      {(errors) => (
        <FormField id={`${baseId}-notes`} label={L.closeNotes} error={errors.closeNotes}>
          {(control) => (
            <textarea
              {...control}
              ref={first}
              rows={3}
              aria-required={required}
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
            />
          )}
        </FormField>
      )}
    </ReasonDialog>
  );
}

interface RequestPanelProps {
  requestId: string;
  onOpenInteraction?: (interactionId: string) => void;
}

export function RequestPanel({ requestId, onOpenInteraction }: RequestPanelProps) {
  const { store } = useDeskpad();
  const headingId = useId();
  const answer = useLiveQuery('request.get', { id: requestId });
  const [closing, setClosing] = useState<RequestState | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const actor = useActor();
  const request = answer?.ok ? answer.value : null;

  if (!request) return <RecordPlaceholder kind="request" answer={answer} />;

  const transitions = transitionsFrom(REQUEST_MACHINE, request.state);
  // Every state change of a request is request.setState: its assignee, its group, technicians, admins.
  const { offered, withheld } = offeredActions(
    actor,
    transitions.map((t) => t.action),
    () => 'request.setState',
    request,
  );
  const start = async () => {
    const done = await store.command('request.setState', {
      id: request.id,
      state: 'Work in Progress',
    });
    setMessage(done.ok ? `${done.value.number} is ${done.value.state}.` : done.error.message);
  };

  return (
    <section className="incident-panel request-panel" aria-labelledby={headingId}>
      <div className="form-header">
        <h2 id={headingId}>Request {request.number}</h2>
        <dl className="record-summary">
          <Fact label={L.number}>
            <InteractionNumber number={request.number} provisional={request.numberProvisional} />
          </Fact>
          <Fact label={L.state}>
            <span className="state">{request.state}</span>
          </Fact>
          <Fact label={L.catalogItem}>{request.catalogItemName ?? request.shortDescription}</Fact>
          <Fact label={L.openedAt}>{formatFullTime(request.openedAt)}</Fact>
          {request.closedAt && <Fact label={L.closedAt}>{formatFullTime(request.closedAt)}</Fact>}
        </dl>
      </div>
      {request.closeNotes && (
        <p>
          {L.closeNotes}: {request.closeNotes}
        </p>
      )}
      <StateButtons
        actions={offered}
        labels={REQUEST_ACTION_LABELS}
        primary={['complete']}
        withheld={withheld}
        onAction={(action) => {
          const to = transitions.find((t) => t.action === action)?.to;
          if (action === 'start') void start();
          else if (to) setClosing(to);
        }}
      />
      <p className="save-message" role="status" aria-atomic="true">
        {message}
      </p>
      <RequestFieldsEditor key={request.id} request={request} />
      <TaskWorkNotes
        notes={request.workNotes}
        onAdd={(noteId, text) =>
          store.command('request.addWorkNote', { id: request.id, noteId, text })
        }
      />
      <RelatedInteractions
        label={L.relatedInteractions}
        related={request.relatedInteractions}
        onOpen={onOpenInteraction}
      />
      {closing && (
        <CloseRequestDialog
          request={request}
          state={closing}
          onCancel={() => setClosing(null)}
          onDone={(view) => {
            setClosing(null);
            setMessage(`${view.number} is ${view.state}.`);
          }}
        />
      )}
    </section>
  );
}
