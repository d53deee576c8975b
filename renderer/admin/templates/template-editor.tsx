// The form that creates or edits a location's contact template: location (new ones only), name,
// the fields it fills and "Usually closes at once". Checked by the shared schema on the server;
// shows its refusals by field. Never lists templates.

import { useId, useState, type FormEvent } from 'react';
import type { GroupSummary } from '../../../shared/admin/groups';
import type { LocationView } from '../../../shared/admin/locations';
import type { TemplateAdminView } from '../../../shared/admin/templates';
import type { TemplateFields } from '../../../shared/domain/contact-template';
import {
  INTERACTION_LABELS as L,
  INTERACTION_TYPES,
  InteractionType,
} from '../../../shared/domain/interaction';
import type { StoreError } from '../../../shared/domain/result';
import { FormField } from '../../interaction-form/form-field';
import { ComponentPicker } from '../../interaction-form/component-picker';

export interface EditorValues extends TemplateFields {
  location: string;
  componentName: string;
}

export const blankTemplate = (location: string): EditorValues => ({
  location,
  name: '',
  type: null,
  component: null,
  componentName: '',
  assignmentGroup: null,
  shortDescription: '',
  description: '',
  closesAtOnce: false,
});

export const valuesOfTemplate = (t: TemplateAdminView): EditorValues => ({
  location: t.location ?? '',
  name: t.name,
  type: t.type,
  component: t.component,
  componentName: t.componentName ?? '',
  assignmentGroup: t.assignmentGroup,
  shortDescription: t.shortDescription,
  description: t.description,
  closesAtOnce: t.closesAtOnce,
});

interface TemplateEditorProps {
  heading: string;
  initial: EditorValues;
  /** Null when editing: a template stays at its location. */
  locations: readonly LocationView[] | null;
  groups: readonly GroupSummary[];
  submitLabel: string;
  onSubmit: (values: EditorValues) => Promise<StoreError | null>;
  onCancel?: () => void;
}

export function TemplateEditor(props: TemplateEditorProps) {
  const id = useId();
  const [values, setValues] = useState(props.initial);
  const [error, setError] = useState<StoreError | null>(null);
  const set = (next: Partial<EditorValues>): void => setValues((v) => ({ ...v, ...next }));
  const fieldError = (field: string): string | undefined => error?.fieldErrors?.[field];

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const refused = await props.onSubmit(values);
    setError(refused);
    if (!refused && !props.onCancel) setValues(blankTemplate(values.location));
  };

  return (
    <form className="admin-form" aria-labelledby={`${id}-heading`} onSubmit={(e) => void submit(e)}>
      <h3 id={`${id}-heading`}>{props.heading}</h3>
      {props.locations && (
        <FormField id={`${id}-location`} label="Location" error={fieldError('location')}>
          {(control) => (
            <select
              {...control}
              value={values.location}
              onChange={(e) => set({ location: e.target.value })}
            >
              <option value="">Choose a location</option>
              {props.locations?.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <FormField
        id={`${id}-name`}
        label="Template name"
        error={fieldError('name')}
        hint="Agents find it by typing / and its first letters in Short description."
      >
        {(control) => (
          <input {...control} value={values.name} onChange={(e) => set({ name: e.target.value })} />
        )}
      </FormField>
      <FormField id={`${id}-type`} label={L.type} error={fieldError('type')}>
        {(control) => (
          <select
            {...control}
            value={values.type ?? ''}
            onChange={(e) => {
              const type = InteractionType.safeParse(e.target.value);
              set({ type: type.success ? type.data : null });
            }}
          >
            <option value="">Leave as the agent has it</option>
            {INTERACTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id={`${id}-component`} label={L.component} error={fieldError('component')}>
        {(control) => (
          <ComponentPicker
            control={control}
            labelId={`${control.id}-label`}
            value={{ id: values.component, text: values.componentName }}
            readOnly={false}
            onPick={(item) => set({ component: item.id, componentName: item.name })}
            onClear={() => set({ component: null, componentName: '' })}
          />
        )}
      </FormField>
      <FormField id={`${id}-group`} label={L.assignmentGroup} error={fieldError('assignmentGroup')}>
        {(control) => (
          <select
            {...control}
            value={values.assignmentGroup ?? ''}
            onChange={(e) =>
              set({ assignmentGroup: e.target.value === '' ? null : e.target.value })
            }
          >
            <option value="">Leave as the agent has it</option>
            {props.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        id={`${id}-short`}
        label={L.shortDescription}
        error={fieldError('shortDescription')}
      >
        {(control) => (
          <input
            {...control}
            value={values.shortDescription}
            onChange={(e) => set({ shortDescription: e.target.value })}
          />
        )}
      </FormField>
      <FormField id={`${id}-description`} label={L.description} error={fieldError('description')}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={values.description}
            onChange={(e) => set({ description: e.target.value })}
          />
        )}
      </FormField>
      <div className="field field--check">
        <input
          id={`${id}-closes`}
          type="checkbox"
          checked={values.closesAtOnce}
          onChange={(e) => set({ closesAtOnce: e.target.checked })}
        />
        <label htmlFor={`${id}-closes`}>
          Usually closes at once (Save closes it as Closed Complete)
        </label>
      </div>
      {error && !error.fieldErrors && (
        <p className="error-text" role="alert">
          {error.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary">
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
