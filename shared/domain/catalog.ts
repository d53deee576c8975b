// Catalog items, the request forms of the directory: their fields, the validator a request's
// answers are checked with (built from the item), and the catalog search. Pure; never stores.

import { z } from 'zod';
import { askingWords, sameWord, words } from './asking-words';
import { Id } from './directory';
import { fail, ok, type StoreResult } from './result';
import { foldText } from './search-text';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from './storable-text';

export const FIELD_TYPES = [
  'text',
  'multi-line-text',
  'choice',
  'checkbox',
  'date',
  'user-reference',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Longest answer any text field may allow: a long justification, not a document. */
export const ANSWER_TEXT_MAX = 4000;
export const CATALOG_FIELDS_MAX = 50;

export const FieldName = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,39}$/,
    'A field name is up to 40 lower-case letters, digits and _, starting with a letter.',
  );

const fieldCommon = {
  name: FieldName,
  label: z.string().trim().min(1).max(80),
  required: z.boolean(),
  /** One line under the field, e.g. what the approver will look at. */
  help: z.string().max(300).optional(),
};

export const ChoiceOption = z.object({
  value: z.string().min(1).max(100),
  label: z.string().min(1).max(100),
});
export type ChoiceOption = z.infer<typeof ChoiceOption>;

export const CatalogField = z.discriminatedUnion('type', [
  z.object({ ...fieldCommon, type: z.literal('text'), maxLength: z.int().min(1).max(1000) }),
  z.object({
    ...fieldCommon,
    type: z.literal('multi-line-text'),
    maxLength: z.int().min(1).max(ANSWER_TEXT_MAX),
  }),
  z.object({
    ...fieldCommon,
    type: z.literal('choice'),
    options: z.array(ChoiceOption).min(1).max(100),
  }),
  z.object({ ...fieldCommon, type: z.literal('checkbox') }),
  z.object({ ...fieldCommon, type: z.literal('date') }),
  z.object({ ...fieldCommon, type: z.literal('user-reference') }),
]);
export type CatalogField = z.infer<typeof CatalogField>;

export const CatalogItem = z
  .object({
    id: Id,
    name: z.string().trim().min(1).max(100),
    category: z.string().trim().min(1).max(60),
    description: z.string().max(1000),
    keywords: z.array(z.string().trim().min(1).max(40)).max(30),
    fields: z.array(CatalogField).max(CATALOG_FIELDS_MAX),
    /** The assignment group a new request for this item goes to. */
    fulfillmentGroup: Id.nullable(),
    /** Retired items stay for the requests that name them but are not offered any more. */
    active: z.boolean(),
  })
  .superRefine((item, context) => {
    const names = new Set<string>();
    item.fields.forEach((field, i) => {
      if (names.has(field.name))
        context.addIssue({
          code: 'custom',
          path: ['fields', i, 'name'],
          message: `Two fields are called ${field.name}.`,
        });
      names.add(field.name);
      if (field.type === 'choice') {
        const values = field.options.map((o) => o.value);
        if (new Set(values).size !== values.length)
          context.addIssue({
            code: 'custom',
            path: ['fields', i, 'options'],
            message: `${field.label} lists the same option twice.`,
          });
      }
    });
  });
export type CatalogItem = z.infer<typeof CatalogItem>;

// ---- answers ----

export const AnswerValue = z.union([
  z.string().refine(isStorableText, UNSTORABLE_TEXT_MESSAGE).max(ANSWER_TEXT_MAX),
  z.boolean(),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;

/** Answers as they travel, before the item they belong to is known: field name → value. */
export const CatalogAnswers = z
  .record(FieldName, AnswerValue)
  .refine(
    (answers) => Object.keys(answers).length <= CATALOG_FIELDS_MAX,
    `A request has at most ${CATALOG_FIELDS_MAX} answers.`,
  );
export type CatalogAnswers = z.infer<typeof CatalogAnswers>;

export interface AnswerCheckOptions {
  /** Whether a user reference names someone the directory knows; Id-shaped is enough without it. */
  isKnownUser?: (id: string) => boolean;
}

function fieldSchema(field: CatalogField, options: AnswerCheckOptions): z.ZodType<AnswerValue> {
  const { label } = field;
  const missing = `${label} is required.`;
  const typed = (expected: string) => (issue: { input?: unknown }) =>
    issue.input === undefined ? missing : `${label} ${expected}.`;
  switch (field.type) {
    case 'text':
    case 'multi-line-text':
      return z
        .string({ error: typed('must be text') })
        .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE)
        .trim()
        .max(field.maxLength, `${label} can be at most ${field.maxLength} characters.`);
    case 'choice': {
      const values = new Set(field.options.map((o) => o.value));
      return z
        .string({ error: typed('must be one of its options') })
        .refine((v) => values.has(v), `Pick one of the options for ${label}.`);
    }
    case 'checkbox':
      return field.required
        ? z.literal(true, { error: `${label} must be checked.` })
        : z.boolean({ error: typed('must be checked or unchecked') });
    case 'date':
      return z.iso.date({ error: typed('must be a date like 2026-12-31') });
    case 'user-reference':
      return Id.refine((id) => options.isKnownUser?.(id) ?? true, `${label} must name a user.`);
  }
}

/**
 * The validator for one item's answers: exactly its fields, each checked by its type, required
 * ones present. An empty text counts as not answered; an unanswered optional checkbox is `false`.
 */
export function answersSchema(
  item: Pick<CatalogItem, 'fields'>,
  options: AnswerCheckOptions = {},
): z.ZodType<CatalogAnswers, unknown> {
  const shape: Record<string, z.ZodType<AnswerValue | undefined>> = {};
  for (const field of item.fields) {
    const schema = fieldSchema(field, options);
    shape[field.name] =
      field.type === 'checkbox' && !field.required
        ? (schema as z.ZodType<boolean>).default(false)
        : field.required
          ? schema
          : schema.optional();
  }
  const blankAsMissing = (value: unknown): unknown =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value).filter(([, v]) => !(typeof v === 'string' && v.trim() === '')),
        )
      : value;
  // Built from the item at run time, so statically it can only be the general answers record.
  return z.preprocess(
    blankAsMissing,
    z.strictObject(shape, {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `This form has no field called ${issue.keys.join(', ')}.`
          : undefined,
    }),
  ) as unknown as z.ZodType<CatalogAnswers, unknown>;
}

/**
 * Checks `answers` against the item; field errors are keyed `answers.<field name>`, as the
 * request form and the store port name them.
 */
export function validateAnswers(
  item: Pick<CatalogItem, 'fields'>,
  answers: unknown,
  options: AnswerCheckOptions = {},
): StoreResult<CatalogAnswers> {
  const parsed = answersSchema(item, options).safeParse(answers);
  if (parsed.success) return ok(parsed.data);
  const fieldErrors: Record<string, string> = {};
  const labels: string[] = [];
  for (const issue of parsed.error.issues) {
    const name = issue.path[0];
    const key = typeof name === 'string' ? `answers.${name}` : 'answers';
    if (fieldErrors[key] !== undefined) continue;
    fieldErrors[key] = issue.message;
    const label = item.fields.find((f) => f.name === name)?.label;
    if (label) labels.push(label);
  }
  const message =
    labels.length > 0
      ? `Check ${labels.join(', ')}.`
      : (parsed.error.issues[0]?.message ?? 'Check the answers.');
  return fail('invalid-input', message, fieldErrors);
}

/** The answers as the request form and the read API show them, in the item's field order. */
export function answerLines(
  item: Pick<CatalogItem, 'fields'>,
  answers: CatalogAnswers,
  userName: (id: string) => string,
): { label: string; value: string }[] {
  return item.fields.flatMap((field) => {
    const value = answers[field.name];
    if (value === undefined) return [];
    if (typeof value === 'boolean') return [{ label: field.label, value: value ? 'Yes' : 'No' }];
    if (field.type === 'choice')
      return [
        { label: field.label, value: field.options.find((o) => o.value === value)?.label ?? value },
      ];
    if (field.type === 'user-reference') return [{ label: field.label, value: userName(value) }];
    return [{ label: field.label, value }];
  });
}

// ---- search: Create Request's "search for the specific Request form" ----

export interface CatalogSearchOptions {
  category?: string;
  limit?: number;
}

/** How well one typed word matches an item: a name beats a keyword beats the category. */
function wordScore(word: string, item: CatalogItem): number {
  const starts = (list: string[]) => list.some((w) => w.startsWith(word));
  if (starts(words(item.name))) return 8;
  if (item.keywords.some((k) => starts(words(k)))) return 5;
  if (starts(words(item.category))) return 3;
  if (starts(words(item.description))) return 1;
  return 0;
}

/**
 * Active items matching every typed word (by name, keyword, category or description), best
 * first. No words: every active item of the category, by name.
 */
export function searchCatalog(
  items: readonly CatalogItem[],
  query: string,
  options: CatalogSearchOptions = {},
): CatalogItem[] {
  const typed = words(query);
  const category = options.category === undefined ? undefined : foldText(options.category);
  const scored: { item: CatalogItem; score: number }[] = [];
  for (const item of items) {
    if (!item.active) continue;
    if (category !== undefined && foldText(item.category) !== category) continue;
    let score = 0;
    for (const word of typed) {
      const s = wordScore(word, item);
      if (s === 0) {
        score = -1;
        break;
      }
      score += s;
    }
    if (score >= 0) scored.push({ item, score });
  }
  scored.sort((a, b) => b.score - a.score || a.item.name.localeCompare(b.item.name));
  return scored.slice(0, options.limit ?? 50).map((s) => s.item);
}

/** The categories to filter by, as the catalog names them, sorted. */
export function catalogCategories(items: readonly CatalogItem[]): string[] {
  return [...new Set(items.filter((i) => i.active).map((i) => i.category))].sort((a, b) =>
    a.localeCompare(b),
  );
}

// ---- suggestions: Create Request's first step offers the items the short description names ----

/**
 * The active items the text (an interaction's short description) is most likely asking for, best
 * first: each of its words that names an item counts (in its name 8, a keyword 5, its category 3,
 * its description 1), and an item needs a word in its name or keywords to be offered at all.
 */
export function suggestCatalog(
  items: readonly CatalogItem[],
  text: string,
  limit = 3,
): CatalogItem[] {
  const typed = askingWords(text);
  if (typed.length === 0) return [];
  const scored: { item: CatalogItem; score: number }[] = [];
  for (const item of items) {
    if (!item.active) continue;
    const name = words(item.name);
    const keywords = item.keywords.flatMap(words);
    const category = words(item.category);
    const description = words(item.description);
    let score = 0;
    let named = false;
    for (const word of typed) {
      const hit = (list: string[]) => list.some((own) => sameWord(word, own));
      if (hit(name)) score += 8;
      else if (hit(keywords)) score += 5;
      else {
        if (hit(category)) score += 3;
        else if (hit(description)) score += 1;
        continue;
      }
      named = true;
    }
    if (named) scored.push({ item, score });
  }
  scored.sort((a, b) => b.score - a.score || a.item.name.localeCompare(b.item.name));
  return scored.slice(0, limit).map((s) => s.item);
}
