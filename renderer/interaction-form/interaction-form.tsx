// The interaction form: every field in the seed's wording, the record's facts, the actions and
// escalation buttons, a callback due, work notes, and the related lists (related records, User's
// Interactions, User's Tasks). Layout only; behaviour is use-interaction-form.

import { useEffect, useId, useImperativeHandle, useRef, type Ref } from 'react';
import { relatedRecordsOf } from '../../shared/domain/related-records';
import { useUi } from '../app/deskpad-context';
import { enterText } from '../lookup/enter-text';
import { CallbackNotice } from '../escalation/callback-notice';
import {
  EscalationActions,
  type EscalationActionsHandle,
  type EscalationStart,
} from '../escalation/escalation-actions';
import { RelatedRecords } from '../task-list/related-records';
import { UsersTasks } from '../task-list/users-tasks';
import { CallerFields } from './caller-fields';
import { ClassificationFields } from './classification-fields';
import { AssignmentFields } from './assignment-fields';
import { DescriptionFields } from './description-fields';
import { FormActions } from './form-actions';
import { RecordSummary } from './record-summary';
import { useInteractionForm } from './use-interaction-form';
import { UsersInteractions } from './users-interactions';
import { WorkNotes } from './work-notes';

export interface InteractionFormHandle {
  save(): void;
  /** Save and continue: saves with Save's rules and answers whether the record was saved. */
  /** Saves; answers the confirmation to carry to the next form, or null when nothing was saved. */
  saveBeforeLeaving(): Promise<string | null>;
  focusCallerLookup(): void;
  /** Look up on an unknown caller's banner: the caller lookup with `text` typed (and selected). */
  lookUpCaller(text: string): void;
  /**
   * A shortcut for Create Incident, Create Request or Find existing incidents: the button's own
   * flow on a saved, open interaction; on a new one only "Save the interaction first.".
   */
  escalate(kind: EscalationStart): void;
}

interface InteractionFormProps {
  id: string;
  isNew: boolean;
  ref?: Ref<InteractionFormHandle>;
}

export function InteractionForm({ id, isNew, ref }: InteractionFormProps) {
  const baseId = useId();
  const headingId = `${baseId}-heading`;
  const model = useInteractionForm(id, isNew, baseId);
  const lookupRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const escalationRef = useRef<EscalationActionsHandle>(null);
  const openTask = useUi((s) => s.openTask);
  const { mode, record, formError } = model;

  useImperativeHandle(ref, () => ({
    save: () => void model.save(),
    saveBeforeLeaving: async () => ((await model.save()) ? model.lastAnnouncement() : null),
    focusCallerLookup: () => lookupRef.current?.focus(),
    lookUpCaller: (text) => {
      const input = lookupRef.current;
      if (!input || input.readOnly) return;
      input.focus();
      enterText(input, text);
      // The matches for the number show; a name typed now replaces it.
      input.select();
    },
    escalate: (kind) => {
      if (mode === 'new') model.announce('Save the interaction first.');
      else escalationRef.current?.start(kind);
    },
  }));

  // A new interaction starts where the agent starts: at the caller.
  useEffect(() => {
    if (isNew) lookupRef.current?.focus();
  }, [isNew]);

  if (mode === 'loading' || mode === 'missing') {
    return (
      <section className="form-placeholder" aria-labelledby={headingId}>
        <h2 id={headingId}>Interaction</h2>
        <p className="muted">
          {mode === 'loading'
            ? 'Opening the interaction…'
            : 'This interaction is not on this desk.'}
        </p>
      </section>
    );
  }

  return (
    <div className="interaction">
      <form
        className="interaction-form"
        aria-labelledby={headingId}
        noValidate
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="form-header">
          <h2 id={headingId} ref={headingRef} tabIndex={-1}>
            {record ? `Interaction ${record.number}` : 'New interaction'}
          </h2>
          <RecordSummary record={record} />
          {record && (
            <EscalationActions
              ref={escalationRef}
              interaction={record}
              beforeStart={model.saveIfChanged}
              announce={model.announce}
              onInteractionClosed={() => headingRef.current?.focus()}
            />
          )}
        </div>
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        {record && !model.closed && (
          <CallbackNotice
            interactionId={record.id}
            onReopened={(text) => {
              model.announce(text);
              headingRef.current?.focus();
            }}
          />
        )}
        <CallerFields model={model} lookupRef={lookupRef} />
        <ClassificationFields model={model} />
        <AssignmentFields model={model} />
        <DescriptionFields model={model} />
        <FormActions model={model} />
        <WorkNotes model={model} />
      </form>
      {record && relatedRecordsOf(record).length > 0 && (
        <RelatedRecords records={relatedRecordsOf(record)} onOpen={openTask} />
      )}
      <div className="related-lists">
        <UsersInteractions userId={model.values.openedFor} currentId={id} />
        <UsersTasks
          userId={model.values.openedFor}
          onOpen={(task) => openTask(task.kind, task.id)}
        />
      </div>
    </div>
  );
}
