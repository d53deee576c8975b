// The interaction form's model: what the agent sees (record + edits), checking it with the shared
// schema, and the changes a save sends. Pure; never talks to the store host.

import type { z } from 'zod';
import {
  InteractionFields,
  type InteractionChanges,
  type InteractionType,
} from '../../shared/domain/interaction';
import type { InteractionView } from '../../shared/store-api/contract';

/** Everything the form shows for editing, with the display names the pickers need. */
export interface FormValues {
  openedFor: string | null;
  openedForName: string;
  contactEmail: string;
  contactPhone: string;
  type: InteractionType;
  component: string | null;
  componentName: string;
  assignmentGroup: string | null;
  assignedTo: string | null;
  shortDescription: string;
  description: string;
}

export type FormEdits = Partial<FormValues>;
export type FieldName = keyof InteractionFields;
export type FieldErrors = Partial<Record<FieldName | 'workNote', string>>;

/** Form order: focus goes to the first of these that has an error. */
export const FIELD_ORDER = [
  'openedFor',
  'contactEmail',
  'contactPhone',
  'type',
  'component',
  'assignmentGroup',
  'assignedTo',
  'shortDescription',
  'description',
  'workNote',
] as const satisfies readonly (FieldName | 'workNote')[];

export function blankValues(type: InteractionType): FormValues {
  return {
    openedFor: null,
    openedForName: '',
    contactEmail: '',
    contactPhone: '',
    type,
    component: null,
    componentName: '',
    assignmentGroup: null,
    assignedTo: null,
    shortDescription: '',
    description: '',
  };
}

export function valuesOf(record: InteractionView): FormValues {
  return {
    openedFor: record.openedFor,
    openedForName: record.openedForName ?? '',
    contactEmail: record.contactEmail,
    contactPhone: record.contactPhone,
    type: record.type,
    component: record.component,
    componentName: record.componentName ?? '',
    assignmentGroup: record.assignmentGroup,
    assignedTo: record.assignedTo,
    shortDescription: record.shortDescription,
    description: record.description,
  };
}

/** The agent's edits laid over the record, so a record changed elsewhere still shows through. */
export function withEdits(base: FormValues, edits: FormEdits): FormValues {
  return { ...base, ...edits };
}

/** Whether the edits still change anything: typing a value and deleting it again is no change. */
export function hasChanges(base: FormValues, edits: FormEdits): boolean {
  return (Object.keys(edits) as (keyof FormValues)[]).some((key) => edits[key] !== base[key]);
}

export function toFields(values: FormValues): z.input<typeof InteractionFields> {
  return {
    openedFor: values.openedFor,
    contactEmail: values.contactEmail,
    contactPhone: values.contactPhone,
    type: values.type,
    component: values.component,
    assignmentGroup: values.assignmentGroup,
    assignedTo: values.assignedTo,
    shortDescription: values.shortDescription,
    description: values.description,
  };
}

export type Checked = { ok: true; fields: InteractionFields } | { ok: false; errors: FieldErrors };

/** The same schema the store host checks with, so the form and the host never disagree. */
export function checkValues(values: FormValues): Checked {
  const parsed = InteractionFields.safeParse(toFields(values));
  if (parsed.success) return { ok: true, fields: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && isFieldName(field)) errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

/** Only what differs from the record: a save never overwrites a field nobody touched. */
export function changesFrom(
  record: InteractionView,
  fields: InteractionFields,
): InteractionChanges {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(fields) as FieldName[]) {
    if (fields[key] !== record[key]) changes[key] = fields[key];
  }
  return changes;
}

/** Store errors come keyed by schema field (or "_" for the record as a whole). */
export function fieldErrorsFrom(fieldErrors: Record<string, string> | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const [key, message] of Object.entries(fieldErrors ?? {})) {
    const field = key === 'text' ? 'workNote' : key;
    if (isFieldName(field) || field === 'workNote') errors[field] = message;
  }
  return errors;
}

export function firstInvalid(errors: FieldErrors): (typeof FIELD_ORDER)[number] | null {
  return FIELD_ORDER.find((field) => errors[field] !== undefined) ?? null;
}

/** Edits that still differ from what was just saved stay; the rest are now part of the record. */
export function editsAfterSave(current: FormEdits, saved: FormEdits): FormEdits {
  const left: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(current)) {
    if (saved[key as keyof FormEdits] !== value) left[key] = value;
  }
  return left;
}

function isFieldName(key: string): key is FieldName {
  return Object.hasOwn(InteractionFields.shape, key);
}

/**
 * Where the agent goes once the caller is picked: the first required field still empty (Type,
 * then Short description), or null when nothing more is needed.
 */
export function nextNeededField(values: FormValues): 'type' | 'shortDescription' | null {
  if (!(values.type as string | undefined)) return 'type';
  if (values.shortDescription.trim() === '') return 'shortDescription';
  return null;
}
