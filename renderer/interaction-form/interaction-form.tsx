// The interaction form: every field in the seed's wording, the record's facts, the actions, work
// notes and the User's Interactions related list. Layout only; behaviour is use-interaction-form.

import { useEffect, useId, useImperativeHandle, useRef, type Ref } from 'react';
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
  const { mode, record, formError } = model;

  useImperativeHandle(ref, () => ({
    save: () => void model.save(),
    saveBeforeLeaving: async () => ((await model.save()) ? model.lastAnnouncement() : null),
    focusCallerLookup: () => lookupRef.current?.focus(),
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
          <h2 id={headingId}>{record ? `Interaction ${record.number}` : 'New interaction'}</h2>
          <RecordSummary record={record} />
        </div>
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        <CallerFields model={model} lookupRef={lookupRef} />
        <ClassificationFields model={model} />
        <AssignmentFields model={model} />
        <DescriptionFields model={model} />
        <FormActions model={model} />
        <WorkNotes model={model} />
      </form>
      <UsersInteractions userId={model.values.openedFor} currentId={id} />
    </div>
  );
}
