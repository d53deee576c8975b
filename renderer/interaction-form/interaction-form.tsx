// The interaction form: every field in the seed's wording, the record's facts, the actions and
// escalation buttons, a callback due, work notes, and the related lists (related records, User's
// Interactions, User's Tasks). Layout only; behaviour is use-interaction-form.

import { useEffect, useId, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { relatedRecordsOf } from '../../shared/domain/related-records';
import { useUi } from '../app/deskpad-context';
import { afterNextFrame, agentHasActed } from '../hooks/agent-acted';
import { enterText } from '../lookup/enter-text';
import { CallbackNotice } from '../escalation/callback-notice';
import {
  EscalationActions,
  type EscalationActionsHandle,
  type EscalationStart,
} from '../escalation/escalation-actions';
import { RelatedRecords } from '../task-list/related-records';
import { UsersTasks } from '../task-list/users-tasks';
import { CallCandidates } from './call-candidates';
import { CallTimer } from './call-timer';
import { CallerFields } from './caller-fields';
import { ClassificationFields } from './classification-fields';
import { AssignmentFields } from './assignment-fields';
import { DescriptionFields } from './description-fields';
import { ArticleSuggestions } from '../knowledge/article-suggestions';
import { FormActions } from './form-actions';
import { RecordSummary } from './record-summary';
import { useInteractionForm } from './use-interaction-form';
import { UsersInteractions } from './users-interactions';
import { WorkNotes } from './work-notes';
import { TemplateBar } from '../templates/template-bar';
import { useTemplateApply } from '../templates/use-template-apply';

export interface InteractionFormHandle {
  save(): void;
  /** Ctrl+Enter: saves and closes as Closed Complete in one step, when the form is valid. */
  saveAndClose(): void;
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
  /** Start call or End call (Alt+T), as the call timer's button. */
  toggleCall(): void;
  /** The Templates dialog (Alt+P), as the form's Templates button. */
  openTemplates(): void;
}

interface InteractionFormProps {
  id: string;
  isNew: boolean;
  /** The call a new interaction is opened for (Answer on the banner, Log as interaction). */
  fromCall?: string | undefined;
  /** The caller's number a softphone's deskpad://call link named. */
  fromNumber?: string | undefined;
  ref?: Ref<InteractionFormHandle>;
}

export function InteractionForm({ id, isNew, fromCall, fromNumber, ref }: InteractionFormProps) {
  const baseId = useId();
  const headingId = `${baseId}-heading`;
  const model = useInteractionForm(id, isNew, baseId, { call: fromCall, number: fromNumber });
  const templates = useTemplateApply(model);
  const [templatesOpen, setTemplatesOpen] = useState(false);
  const lookupRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const escalationRef = useRef<EscalationActionsHandle>(null);
  const openTask = useUi((s) => s.openTask);
  const { mode, record, formError, callerMatch } = model;
  // A number several people share: offered until one is picked (or the agent picks in Opened for).
  const candidates =
    callerMatch && callerMatch.candidates.length > 1 && model.values.openedFor === null
      ? { number: callerMatch.number, people: callerMatch.candidates }
      : null;

  useImperativeHandle(ref, () => ({
    save: () => void model.save(),
    saveAndClose: () => {
      if (!model.closed) void model.close('Closed Complete');
    },
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
    toggleCall: () => void model.toggleCall(),
    openTemplates: () => {
      if (!model.closed) setTemplatesOpen(true);
    },
  }));

  // A new interaction starts where the agent starts: at the caller. While the desk opens (the agent
  // has not acted yet) the caller lookup is focused after the desk's first frame, and only if nothing
  // else took the focus: focusing lays the whole page out at once, which held that frame back.
  useEffect(() => {
    if (!isNew) return undefined;
    if (agentHasActed()) {
      lookupRef.current?.focus();
      return undefined;
    }
    return afterNextFrame(() => {
      const focused = document.activeElement;
      if (focused === null || focused === document.body) lookupRef.current?.focus();
    });
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
        <CallTimer model={model} />
        {candidates && (
          <CallCandidates
            number={candidates.number}
            people={candidates.people}
            onPick={(person) => {
              model.pickCandidate(person);
              document.getElementById(model.fieldId('shortDescription'))?.focus();
            }}
          />
        )}
        <CallerFields model={model} lookupRef={lookupRef} />
        <ClassificationFields model={model} />
        <AssignmentFields model={model} />
        <DescriptionFields model={model} templates={templates} />
        <TemplateBar
          model={model}
          templates={templates}
          pickerOpen={templatesOpen}
          setPickerOpen={setTemplatesOpen}
        />
        <FormActions model={model} />
        <WorkNotes model={model} />
      </form>
      {record && relatedRecordsOf(record).length > 0 && (
        <RelatedRecords records={relatedRecordsOf(record)} onOpen={openTask} />
      )}
      <div className="related-lists">
        <ArticleSuggestions model={model} />
        <UsersInteractions userId={model.values.openedFor} currentId={id} />
        <UsersTasks
          userId={model.values.openedFor}
          onOpen={(task) => openTask(task.kind, task.id)}
        />
      </div>
    </div>
  );
}
