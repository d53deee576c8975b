// The chosen catalog item's own form, generated from its fields (text, multi-line text, choice,
// checkbox, date, user reference). Holds no answers itself: the Create Request dialog does.

import type { CatalogAnswers, CatalogField, CatalogItem } from '../../shared/domain/catalog';
import { FormField } from '../interaction-form/form-field';
import { UserLookupField } from '../task-form/directory-lookups';

export type AnswerDraft = Record<string, string | boolean>;

interface CatalogItemFormProps {
  item: CatalogItem;
  answers: AnswerDraft;
  /** Display names of the user references picked, by field name. */
  userNames: Record<string, string>;
  errors: Record<string, string>;
  idOf: (key: string) => string;
  onAnswer: (name: string, value: string | boolean, userName?: string) => void;
}

/** The answers as the store takes them: untouched optional text left out, checkboxes as booleans. */
export function answersFrom(item: CatalogItem, draft: AnswerDraft): CatalogAnswers {
  const answers: CatalogAnswers = {};
  for (const field of item.fields) {
    const value = draft[field.name];
    if (value === undefined || value === '') continue;
    answers[field.name] = value;
  }
  return answers;
}

function FieldControl({ field, props }: { field: CatalogField; props: CatalogItemFormProps }) {
  const key = `answers.${field.name}`;
  const id = props.idOf(key);
  const value = props.answers[field.name];
  const text = typeof value === 'string' ? value : '';
  const common = { id, label: field.label, error: props.errors[key], hint: field.help };
  switch (field.type) {
    case 'text':
    case 'multi-line-text':
    case 'date':
      return (
        <FormField {...common}>
          {(control) =>
            field.type === 'multi-line-text' ? (
              <textarea
                {...control}
                rows={3}
                aria-required={field.required}
                maxLength={field.maxLength}
                value={text}
                onChange={(e) => props.onAnswer(field.name, e.target.value)}
              />
            ) : (
              <input
                {...control}
                type={field.type === 'date' ? 'date' : 'text'}
                aria-required={field.required}
                maxLength={field.type === 'text' ? field.maxLength : undefined}
                value={text}
                onChange={(e) => props.onAnswer(field.name, e.target.value)}
              />
            )
          }
        </FormField>
      );
    case 'choice':
      return (
        <FormField {...common}>
          {(control) => (
            <select
              {...control}
              aria-required={field.required}
              value={text}
              onChange={(e) => props.onAnswer(field.name, e.target.value)}
            >
              <option value="">{field.required ? 'Pick one' : 'None'}</option>
              {field.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      );
    case 'checkbox':
      return (
        <FormField {...common} className="field--checkbox">
          {(control) => (
            <input
              {...control}
              type="checkbox"
              aria-required={field.required}
              checked={value === true}
              onChange={(e) => props.onAnswer(field.name, e.target.checked)}
            />
          )}
        </FormField>
      );
    case 'user-reference':
      return (
        <UserLookupField
          {...common}
          value={{ id: text || null, text: props.userNames[field.name] ?? '' }}
          onPick={(user) => props.onAnswer(field.name, user.id, user.name)}
          onClear={() => props.onAnswer(field.name, '', '')}
        />
      );
  }
}

export function CatalogItemForm(props: CatalogItemFormProps) {
  return (
    <fieldset className="catalog-item-form">
      <legend>{props.item.name}</legend>
      {props.item.description && <p className="muted">{props.item.description}</p>}
      {props.item.fields.map((field) => (
        <FieldControl key={field.name} field={field} props={props} />
      ))}
    </fieldset>
  );
}
