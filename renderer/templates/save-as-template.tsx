// Save as template: the form's Type, Component, Assignment group and descriptions kept as one of
// the agent's own templates under a name, with "Usually closes at once". Kept on the desk at once,
// sent with the next sync. Never changes the form.

import { useId, useRef, useState } from 'react';
import {
  slashQuery,
  TEMPLATE_NAME_MAX,
  type TemplateFields,
} from '../../shared/domain/contact-template';
import { INTERACTION_LABELS as L } from '../../shared/domain/interaction';
import { useDeskpad } from '../app/deskpad-context';
import { ModalDialog } from '../dialog/modal-dialog';
import type { InteractionFormModel } from '../interaction-form/use-interaction-form';

/** What the form would give a template (a `/` search in Short description is not text). */
export function templateFieldsOf(
  model: Pick<InteractionFormModel, 'values' | 'closeOnSave'>,
  name: string,
  closesAtOnce: boolean,
): TemplateFields {
  const { values } = model;
  const short = slashQuery(values.shortDescription) === null ? values.shortDescription.trim() : '';
  return {
    name: name.trim(),
    type: values.type,
    component: values.component,
    assignmentGroup: values.assignmentGroup,
    shortDescription: short,
    description: values.description,
    closesAtOnce,
  };
}

interface SaveAsTemplateProps {
  model: InteractionFormModel;
  groupName: string | null;
  onClose: () => void;
}

export function SaveAsTemplateDialog({ model, groupName, onClose }: SaveAsTemplateProps) {
  const { store, newId } = useDeskpad();
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const { values } = model;
  const initialName =
    slashQuery(values.shortDescription) === null ? values.shortDescription.trim() : '';
  const [name, setName] = useState(initialName.slice(0, TEMPLATE_NAME_MAX));
  const [closesAtOnce, setClosesAtOnce] = useState(model.closeOnSave);
  const [error, setError] = useState<string | null>(null);
  const [templateId] = useState(newId);

  const save = async (): Promise<void> => {
    const fields = templateFieldsOf(model, name, closesAtOnce);
    const saved = await store.act('template.save', { id: templateId, ...fields });
    if (!saved.ok) {
      setError(
        saved.error.fieldErrors?.name ??
          saved.error.fieldErrors?.shortDescription ??
          saved.error.message,
      );
      nameRef.current?.focus();
      return;
    }
    onClose();
    model.announce(
      `Saved the template ${saved.value.name}: type /${saved.value.name.slice(0, 3).toLowerCase()} in Short description`,
    );
  };

  const rows: [string, string][] = [
    [L.type, values.type],
    [L.component, values.componentName],
    [L.assignmentGroup, groupName ?? ''],
    [L.shortDescription, templateFieldsOf(model, name, closesAtOnce).shortDescription],
    [L.description, values.description],
  ];
  return (
    <ModalDialog
      title="Save as template"
      onCancel={onClose}
      initialFocus={nameRef}
      describedBy={`${id}-text`}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p id={`${id}-text`}>
          One of your own templates, on your desks only. It fills these fields of a new interaction:
        </p>
        <dl className="template-fields">
          {rows
            .filter(([, value]) => value.trim() !== '')
            .map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
        <div className={error ? 'field field--invalid' : 'field'}>
          <label htmlFor={`${id}-name`}>Template name</label>
          <input
            id={`${id}-name`}
            ref={nameRef}
            value={name}
            maxLength={TEMPLATE_NAME_MAX}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
          />
          {error && (
            <p id={`${id}-error`} className="field-error">
              {error}
            </p>
          )}
        </div>
        <div className="field field--check">
          <input
            id={`${id}-closes`}
            type="checkbox"
            checked={closesAtOnce}
            onChange={(e) => setClosesAtOnce(e.target.checked)}
          />
          <label htmlFor={`${id}-closes`}>
            Usually closes at once (Save closes it as Closed Complete)
          </label>
        </div>
        <div className="actions actions--end">
          <button type="submit" className="button button--primary">
            Save template
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
