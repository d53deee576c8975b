// Catalog administration's contract: the request form as an administrator sends it (checked by
// the CatalogItem schema's own rules, worded for a person), its states, and the list and view
// the Catalog page shows. Schemas and pure helpers only; never stores.

import { z } from 'zod';
import { CatalogItem } from '../domain/catalog';
import { Id } from '../domain/directory';
import { foldText } from '../domain/search-text';
import { adminOperation } from './operation';

/**
 * draft: never offered, not sent to desks; published: offered (active); retired: kept for the
 * requests that name it, no longer offered (not active).
 */
export const CATALOG_STATES = ['draft', 'published', 'retired'] as const;
export const CatalogState = z.enum(CATALOG_STATES);
export type CatalogState = z.infer<typeof CatalogState>;

export const CATALOG_STATE_LABELS: Readonly<Record<CatalogState, string>> = {
  draft: 'Draft',
  published: 'Published',
  retired: 'Retired',
};

const FIELD_PARTS: Readonly<Record<string, string>> = {
  label: 'Label',
  name: 'Name',
  help: 'Help',
  maxLength: 'Max length',
  options: 'Options',
  required: 'Required',
  type: 'Type',
};
const ITEM_PARTS: Readonly<Record<string, string>> = {
  id: 'Id',
  name: 'Name',
  category: 'Category',
  description: 'Description',
  keywords: 'Keywords',
  fields: 'Fields',
  fulfillmentGroup: 'Fulfillment group',
  active: 'Active',
};

/** What a path of the form is called on the editor: `fields.1.label` → "Field 2: Label". */
export function catalogPathLabel(path: readonly PropertyKey[]): string {
  const [top, index, part, optionIndex, optionPart] = path;
  if (top === 'keywords' && typeof index === 'number') return `Keyword ${index + 1}`;
  if (top !== 'fields' || typeof index !== 'number')
    return ITEM_PARTS[String(top)] ?? String(top ?? 'The form');
  const field = `Field ${index + 1}`;
  if (part === undefined) return field;
  if (part === 'options' && typeof optionIndex === 'number')
    return `${field}: Option ${optionIndex + 1}${optionPart === 'value' ? ' value' : optionPart === 'label' ? ' label' : ''}`;
  return `${field}: ${FIELD_PARTS[String(part)] ?? String(part)}`;
}

type Issue = z.core.$ZodRawIssue;

/** zod's own words for the rules without a message of their own, said as the editor names them. */
function clearMessage(issue: Issue): string | undefined {
  const what = catalogPathLabel(issue.path ?? []);
  const limit = (key: 'minimum' | 'maximum') => Number(issue[key]);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return limit('minimum') <= 1
          ? `${what} is required.`
          : `${what} needs at least ${limit('minimum')} characters.`;
      if (issue.origin === 'array')
        return `${what} needs at least ${limit('minimum')} ${what.endsWith('Options') ? 'option' : 'entry'}.`;
      return `${what} must be at least ${limit('minimum')}.`;
    case 'too_big':
      if (issue.origin === 'string')
        return `${what} can be at most ${limit('maximum')} characters.`;
      if (issue.origin === 'array') return `${what} can have at most ${limit('maximum')}.`;
      return `${what} can be at most ${limit('maximum')}.`;
    case 'invalid_type':
      if (issue.expected === 'int' || issue.expected === 'number')
        return `${what} must be a whole number.`;
      return issue.input === undefined
        ? `${what} is missing.`
        : `${what} has the wrong kind of value.`;
    case 'invalid_union':
      return `${what}: pick one of text, multi-line text, choice, checkbox, date or user reference.`;
    case 'unrecognized_keys':
      return `${what} has nothing called ${issue.keys.join(', ')}.`;
    case 'custom':
    case 'invalid_format':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_value':
    case 'not_multiple_of':
      // The schema's own messages (field names, duplicates) are already in words.
      return undefined;
  }
}

/** Parses a request form with messages a person can act on, keyed by path (`fields.1.label`). */
export function checkCatalogItem(
  value: unknown,
): { ok: true; item: CatalogItem } | { ok: false; fieldErrors: Record<string, string> } {
  const parsed = CatalogItem.safeParse(value, { error: clearMessage });
  if (parsed.success) return { ok: true, item: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}

/**
 * The form as an administrator sends it: any object, checked by `checkCatalogItem`, so a 400
 * names each wrong part of the form in the editor's words. `active` is the server's to set.
 */
export const CatalogItemInput = z
  .custom<z.input<typeof CatalogItem>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    'Send the request form as an object.',
  )
  .transform((value, context) => {
    const checked = checkCatalogItem(value);
    if (checked.ok) return checked.item;
    for (const [path, message] of Object.entries(checked.fieldErrors))
      context.addIssue({ code: 'custom', path: path === '_' ? [] : path.split('.'), message });
    return z.NEVER;
  });

/** A row of the Catalog page's list. */
export const CatalogAdminSummary = z.object({
  id: Id,
  name: z.string(),
  category: z.string(),
  state: CatalogState,
  /** A published or retired form with saved edits not yet published. */
  unpublishedChanges: z.boolean(),
  fieldCount: z.int(),
});
export type CatalogAdminSummary = z.infer<typeof CatalogAdminSummary>;

/** One form as the editor opens it: what desks have, and the revision waiting to be published. */
export const CatalogAdminView = z.object({
  state: CatalogState,
  /** The form desks are offered (published), were offered (retired), or the draft itself. */
  item: CatalogItem,
  /** Edits of a published or retired form, saved and not yet published. */
  draft: CatalogItem.nullable(),
});
export type CatalogAdminView = z.infer<typeof CatalogAdminView>;

export const CatalogListInput = z.strictObject({
  query: z.string().max(100).default(''),
  state: CatalogState.optional(),
});

/** Does the row match every typed word (name, category, or a keyword)? */
export function matchesCatalogQuery(
  row: { name: string; category: string; keywords?: readonly string[] },
  query: string,
): boolean {
  const haystack = foldText([row.name, row.category, ...(row.keywords ?? [])].join(' '));
  return foldText(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** A field's name from its label: "Cost center (if known)" → `cost_center_if_known`. */
export function fieldNameFrom(label: string): string {
  const base = foldText(label)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const named = /^[a-z]/.test(base) ? base : `field_${base}`.replace(/_+$/, '');
  return named.slice(0, 40).replace(/_+$/, '');
}

const ById = z.strictObject({ id: Id });

export const CATALOG_OPERATIONS = {
  'catalog.list': adminOperation(
    'catalog.list',
    CatalogListInput,
    z.object({ items: z.array(CatalogAdminSummary) }),
  ),
  'catalog.get': adminOperation('catalog.get', ById, CatalogAdminView),
  /** A new form is a draft; a draft is edited in place; a published or retired form's edits wait for Publish. */
  'catalog.save': adminOperation('catalog.save', CatalogItemInput, CatalogAdminView),
  'catalog.publish': adminOperation('catalog.publish', ById, CatalogAdminView),
  'catalog.retire': adminOperation('catalog.retire', ById, CatalogAdminView),
  'catalog.discard-draft': adminOperation('catalog.discard-draft', ById, CatalogAdminView),
} as const;
