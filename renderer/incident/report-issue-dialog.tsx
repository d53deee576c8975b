// Report an Issue: the incident made from the interaction, prefilled by incidentDraftFromInteraction,
// Priority shown live from Impact × Urgency. Submits once (its id is fixed on open); never closes the interaction.

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  CreateIncidentFromInteractionArgs,
  incidentDraftFromInteraction,
  suggestedCategory,
} from '../../shared/domain/escalation';
import type { InteractionView } from '../../shared/store-api/contract';
import type { IncidentView } from '../../shared/store-api/escalation-contract';
import { ModalDialog } from '../dialog/modal-dialog';
import { useDeskpad } from '../app/deskpad-context';
import { IncidentFields } from './incident-fields';
import { IncidentTemplateSuggestion } from './incident-template';
import { fieldErrorsOf, focusFirstError, type FieldErrors } from '../task-form/field-errors';

const FIELD_ORDER = [
  'caller',
  'shortDescription',
  'description',
  'component',
  'category',
  'impact',
  'urgency',
  'assignmentGroup',
  'assignedTo',
];

interface ReportIssueDialogProps {
  interaction: InteractionView;
  onCreated: (incident: IncidentView) => void;
  onCancel: () => void;
}

export function ReportIssueDialog({ interaction, onCreated, onCancel }: ReportIssueDialogProps) {
  const { store, newId } = useDeskpad();
  const baseId = useId();
  const idOf = (field: string) => `${baseId}-${field}`;
  const [incidentId] = useState(newId);
  const [values, setValues] = useState(() => incidentDraftFromInteraction(interaction));
  const [names, setNames] = useState({
    caller: interaction.openedForName ?? '',
    component: interaction.componentName ?? '',
  });
  const [categoryTouched, setCategoryTouched] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const firstField = useRef<HTMLInputElement>(null);

  // The category is suggested from the component's class once the directory answers.
  useEffect(() => {
    const componentId = values.component;
    if (componentId === null || categoryTouched) return undefined;
    let active = true;
    void store.query('directory.getConfigurationItem', { id: componentId }).then((found) => {
      if (active && found.ok && found.value)
        setValues((v) => ({ ...v, category: suggestedCategory(found.value?.className) }));
    });
    return () => {
      active = false;
    };
  }, [store, values.component, categoryTouched]);

  const edit = (changes: Partial<typeof values>) => {
    setValues((v) => ({ ...v, ...changes }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(changes)) delete next[key];
      return next;
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const parsed = CreateIncidentFromInteractionArgs.safeParse({
      ...values,
      id: incidentId,
      interactionId: interaction.id,
    });
    if (!parsed.success) {
      const found = fieldErrorsOf(parsed.error);
      setErrors(found);
      setFormError('Check the fields marked below.');
      focusFirstError(found, FIELD_ORDER, idOf);
      return;
    }
    setBusy(true);
    setFormError(null);
    const answer = await store.command('incident.createFromInteraction', parsed.data);
    setBusy(false);
    if (answer.ok) {
      onCreated(answer.value.incident);
      return;
    }
    const found = answer.error.fieldErrors ?? {};
    setErrors(found);
    setFormError(answer.error.message);
    focusFirstError(found, FIELD_ORDER, idOf);
  };

  return (
    <ModalDialog title="Report an Issue" onCancel={onCancel} initialFocus={firstField} wide>
      <form className="escalation-form" noValidate onSubmit={(e) => void submit(e)}>
        <p className="muted">
          From interaction {interaction.number}. The interaction stays open until you close it.
        </p>
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        <IncidentTemplateSuggestion
          values={values}
          onUse={(fill) => {
            if (fill.component) {
              const { name } = fill.component;
              setNames((n) => ({ ...n, component: name }));
            }
            edit({
              ...(fill.component ? { component: fill.component.id } : {}),
              ...(fill.assignmentGroup ? { assignmentGroup: fill.assignmentGroup } : {}),
              ...(fill.description !== undefined ? { description: fill.description } : {}),
            });
          }}
        />
        <IncidentFields
          idOf={idOf}
          values={values}
          names={names}
          errors={errors}
          onEdit={(changes) => {
            if (changes.category !== undefined) setCategoryTouched(true);
            edit(changes);
          }}
          onPicked={(field, name) => setNames((n) => ({ ...n, [field]: name }))}
          shortDescriptionRef={firstField}
        />
        <div className="actions actions--end">
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            Submit
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
