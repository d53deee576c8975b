// The request form as the Catalog editor holds it while an administrator types: text as typed,
// each field and option with a stable key, names following labels until edited. Pure: turning it
// into a CatalogItem, moving fields, and the render-safe item the live preview shows.

import { fieldNameFrom } from '../../../shared/admin/catalog';
import type { CatalogField, CatalogItem, FieldType } from '../../../shared/domain/catalog';

export interface OptionDraft {
  key: string;
  label: string;
  value: string;
  /** Until the value is typed by hand, it follows the label. */
  valueEdited: boolean;
}

export interface FieldDraft {
  key: string;
  type: FieldType;
  label: string;
  name: string;
  /** Until the name is typed by hand, it follows the label. */
  nameEdited: boolean;
  required: boolean;
  help: string;
  /** As typed; a whole number when valid (text and multi-line text only). */
  maxLength: string;
  options: OptionDraft[];
}

export interface FormDraft {
  id: string;
  name: string;
  category: string;
  description: string;
  /** Comma-separated, as typed. */
  keywords: string;
  /** A group id, or '' for none. */
  fulfillmentGroup: string;
  fields: FieldDraft[];
}

export const FIELD_TYPE_LABELS: Readonly<Record<FieldType, string>> = {
  text: 'Text',
  'multi-line-text': 'Multi-line text',
  choice: 'Choice',
  checkbox: 'Checkbox',
  date: 'Date',
  'user-reference': 'User reference',
};

const DEFAULT_MAX_LENGTH: Partial<Record<FieldType, number>> = {
  text: 200,
  'multi-line-text': 4000,
};

export const hasMaxLength = (type: FieldType): boolean => DEFAULT_MAX_LENGTH[type] !== undefined;

export function emptyForm(id: string): FormDraft {
  return {
    id,
    name: '',
    category: '',
    description: '',
    keywords: '',
    fulfillmentGroup: '',
    fields: [],
  };
}

export function newOption(key: string): OptionDraft {
  return { key, label: '', value: '', valueEdited: false };
}

export function newField(key: string, type: FieldType = 'text'): FieldDraft {
  return {
    key,
    type,
    label: '',
    name: '',
    nameEdited: false,
    required: false,
    help: '',
    maxLength: String(DEFAULT_MAX_LENGTH[type] ?? ''),
    options: type === 'choice' ? [newOption(`${key}-option-1`)] : [],
  };
}

export function draftFromItem(item: CatalogItem, newKey: () => string): FormDraft {
  return {
    id: item.id,
    name: item.name,
    category: item.category,
    description: item.description,
    keywords: item.keywords.join(', '),
    fulfillmentGroup: item.fulfillmentGroup ?? '',
    fields: item.fields.map((field) => ({
      key: newKey(),
      type: field.type,
      label: field.label,
      name: field.name,
      nameEdited: field.name !== fieldNameFrom(field.label),
      required: field.required,
      help: field.help ?? '',
      maxLength:
        'maxLength' in field
          ? String(field.maxLength)
          : String(DEFAULT_MAX_LENGTH[field.type] ?? ''),
      options:
        field.type === 'choice'
          ? field.options.map((option) => ({
              key: newKey(),
              label: option.label,
              value: option.value,
              valueEdited: option.value !== fieldNameFrom(option.label),
            }))
          : [],
    })),
  };
}

/** A typed whole number, or the text itself so the schema can say what is wrong with it. */
const lengthOf = (typed: string): number | string => {
  const trimmed = typed.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
};

function fieldOf(field: FieldDraft): Record<string, unknown> {
  const common = {
    name: field.name,
    label: field.label,
    required: field.required,
    ...(field.help.trim() === '' ? {} : { help: field.help }),
  };
  switch (field.type) {
    case 'text':
    case 'multi-line-text':
      return { ...common, type: field.type, maxLength: lengthOf(field.maxLength) };
    case 'choice':
      return {
        ...common,
        type: field.type,
        options: field.options.map(({ value, label }) => ({ value, label })),
      };
    case 'checkbox':
    case 'date':
    case 'user-reference':
      return { ...common, type: field.type };
  }
}

/** The form as the server takes it: checked there and here by the same `checkCatalogItem`. */
export function itemFromDraft(draft: FormDraft): Record<string, unknown> {
  return {
    id: draft.id,
    name: draft.name,
    category: draft.category,
    description: draft.description,
    keywords: draft.keywords
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    fields: draft.fields.map(fieldOf),
    fulfillmentGroup: draft.fulfillmentGroup === '' ? null : draft.fulfillmentGroup,
    active: false,
  };
}

/** A new label: the name follows it until the administrator typed a name of their own. */
export const withLabel = (field: FieldDraft, label: string): FieldDraft => ({
  ...field,
  label,
  name: field.nameEdited ? field.name : fieldNameFrom(label),
});

export const withOptionLabel = (option: OptionDraft, label: string): OptionDraft => ({
  ...option,
  label,
  value: option.valueEdited ? option.value : fieldNameFrom(label),
});

/** A new type keeps label, name, required and help; the type's own settings start afresh. */
export function withType(field: FieldDraft, type: FieldType): FieldDraft {
  const fresh = newField(field.key, type);
  return {
    ...fresh,
    label: field.label,
    name: field.name,
    nameEdited: field.nameEdited,
    required: field.required,
    help: field.help,
    options: field.options.length > 0 ? field.options : fresh.options,
  };
}

/** The list with the item at `index` moved `by` places (-1 up, +1 down); unchanged at an end. */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  if (item !== undefined) next.splice(target, 0, item);
  return next;
}

/**
 * The form as the live preview renders it even while it is half typed: each field named by its
 * key (so two fields with one name still render apart), a label and limits that render.
 */
export function previewItem(draft: FormDraft): CatalogItem {
  const fields = draft.fields.map((field): CatalogField => {
    const common = {
      name: field.key,
      label: field.label.trim() || 'Untitled field',
      required: field.required,
      ...(field.help.trim() === '' ? {} : { help: field.help }),
    };
    const length = Number(field.maxLength);
    const maxLength =
      Number.isInteger(length) && length >= 1
        ? Math.min(length, 4000)
        : (DEFAULT_MAX_LENGTH[field.type] ?? 200);
    switch (field.type) {
      case 'text':
      case 'multi-line-text':
        return { ...common, type: field.type, maxLength };
      case 'choice':
        return {
          ...common,
          type: 'choice',
          options: field.options.map((option) => ({
            value: option.key,
            label: option.label.trim() || 'Untitled option',
          })),
        };
      case 'checkbox':
      case 'date':
      case 'user-reference':
        return { ...common, type: field.type };
    }
  });
  return {
    id: draft.id,
    name: draft.name.trim() || 'Untitled form',
    category: draft.category,
    description: draft.description,
    keywords: [],
    fields,
    fulfillmentGroup: null,
    active: true,
  };
}
