// One field of a request form in the Catalog editor: label, name, type, required, help and the
// type's own settings (max length, choice options), with Move up, Move down and Remove by keyboard.
// Holds nothing: every change goes to the editor as a new FieldDraft.

import { FIELD_TYPES, type FieldType } from '../../../shared/domain/catalog';
import { FormField } from '../../interaction-form/form-field';
import {
  FIELD_TYPE_LABELS,
  hasMaxLength,
  newOption,
  withLabel,
  withOptionLabel,
  withType,
  type FieldDraft,
  type OptionDraft,
} from './catalog-draft';

export type FieldAction = 'up' | 'down' | 'remove';

interface FieldEditorProps {
  field: FieldDraft;
  index: number;
  count: number;
  /** Messages by path inside this field (`label`, `options.0.value`). */
  errors: Record<string, string>;
  idOf: (part: string) => string;
  newKey: () => string;
  onChange: (field: FieldDraft) => void;
  onAction: (action: FieldAction) => void;
}

function OptionsEditor({ field, errors, idOf, newKey, onChange }: FieldEditorProps) {
  const setOption = (index: number, option: OptionDraft) =>
    onChange({ ...field, options: field.options.map((o, i) => (i === index ? option : o)) });
  return (
    <fieldset className="catalog-options">
      <legend>Options</legend>
      {errors.options && <p className="field-error">{errors.options}</p>}
      {field.options.map((option, i) => (
        <div key={option.key} className="catalog-option">
          <FormField
            id={idOf(`options.${i}.label`)}
            label={`Option ${i + 1} label`}
            error={errors[`options.${i}.label`]}
          >
            {(control) => (
              <input
                {...control}
                value={option.label}
                onChange={(e) => setOption(i, withOptionLabel(option, e.target.value))}
              />
            )}
          </FormField>
          <FormField
            id={idOf(`options.${i}.value`)}
            label={`Option ${i + 1} value`}
            error={errors[`options.${i}.value`]}
          >
            {(control) => (
              <input
                {...control}
                value={option.value}
                onChange={(e) =>
                  setOption(i, { ...option, value: e.target.value, valueEdited: true })
                }
              />
            )}
          </FormField>
          <button
            type="button"
            className="button"
            aria-label={`Remove option ${i + 1}`}
            onClick={() =>
              onChange({ ...field, options: field.options.filter((o) => o.key !== option.key) })
            }
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => onChange({ ...field, options: [...field.options, newOption(newKey())] })}
      >
        Add an option
      </button>
    </fieldset>
  );
}

export function CatalogFieldEditor(props: FieldEditorProps) {
  const { field, index, count, errors, idOf, onChange, onAction } = props;
  const title = `Field ${index + 1}${field.label.trim() ? `: ${field.label.trim()}` : ''}`;
  return (
    <fieldset className="catalog-field">
      <legend>{title}</legend>
      <FormField id={idOf('label')} label="Label" error={errors.label}>
        {(control) => (
          <input
            {...control}
            aria-required
            value={field.label}
            onChange={(e) => onChange(withLabel(field, e.target.value))}
          />
        )}
      </FormField>
      <FormField
        id={idOf('name')}
        label="Name"
        error={errors.name}
        hint="Follows the label until you change it. Requests keep answers under this name."
      >
        {(control) => (
          <input
            {...control}
            aria-required
            spellCheck={false}
            value={field.name}
            onChange={(e) => onChange({ ...field, name: e.target.value, nameEdited: true })}
          />
        )}
      </FormField>
      <FormField id={idOf('type')} label="Type" error={errors.type}>
        {(control) => (
          <select
            {...control}
            value={field.type}
            onChange={(e) => onChange(withType(field, e.target.value as FieldType))}
          >
            {FIELD_TYPES.map((type) => (
              <option key={type} value={type}>
                {FIELD_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        id={idOf('required')}
        label="Required"
        error={errors.required}
        className="field--checkbox"
      >
        {(control) => (
          <input
            {...control}
            type="checkbox"
            checked={field.required}
            onChange={(e) => onChange({ ...field, required: e.target.checked })}
          />
        )}
      </FormField>
      <FormField
        id={idOf('help')}
        label="Help"
        error={errors.help}
        hint="One line under the field."
      >
        {(control) => (
          <input
            {...control}
            value={field.help}
            onChange={(e) => onChange({ ...field, help: e.target.value })}
          />
        )}
      </FormField>
      {hasMaxLength(field.type) && (
        <FormField id={idOf('maxLength')} label="Max length" error={errors.maxLength}>
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              value={field.maxLength}
              onChange={(e) => onChange({ ...field, maxLength: e.target.value })}
            />
          )}
        </FormField>
      )}
      {field.type === 'choice' && <OptionsEditor {...props} />}
      <div className="actions">
        <button
          type="button"
          id={idOf('up')}
          className="button"
          aria-label={`Move up: ${title}`}
          disabled={index === 0}
          onClick={() => onAction('up')}
        >
          Move up
        </button>
        <button
          type="button"
          id={idOf('down')}
          className="button"
          aria-label={`Move down: ${title}`}
          disabled={index === count - 1}
          onClick={() => onAction('down')}
        >
          Move down
        </button>
        <button
          type="button"
          id={idOf('remove')}
          className="button"
          aria-label={`Remove: ${title}`}
          onClick={() => onAction('remove')}
        >
          Remove
        </button>
      </div>
    </fieldset>
  );
}
