// Contact templates (issue 16, item 3): a location's (Administration's) or an agent's own preset
// for a frequent contact — Type, Component, Assignment group, the descriptions, "usually closes at
// once" — and the pure rules for finding one by `/letters` and applying it to a form without ever
// losing what the agent typed. Pure; never stores a template nor touches a form.

import { z } from 'zod';
import { askingWords, sameWord, words } from './asking-words';
import { Id } from './directory';
import { contactWeight, KNOWN_WINDOW_DAYS } from './known-callers';
import {
  DESCRIPTION_MAX,
  INTERACTION_LABELS,
  InteractionType,
  SHORT_DESCRIPTION_MAX,
} from './interaction';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from './storable-text';

export const TEMPLATE_NAME_MAX = 80;
/** How many templates one agent keeps, and one location: a list to pick from, not a library. */
export const OWN_TEMPLATES_MAX = 100;
export const LOCATION_TEMPLATES_MAX = 200;

const text = () => z.string().refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

export const TemplateName = text()
  .trim()
  .min(1, 'Name the template.')
  .max(TEMPLATE_NAME_MAX, `Keep the template's name to ${TEMPLATE_NAME_MAX} characters.`);

/** What a template fills in; a null or empty field is left as the form has it. */
export const TemplateFields = z.object({
  name: TemplateName,
  type: InteractionType.nullable(),
  component: Id.nullable(),
  assignmentGroup: Id.nullable(),
  shortDescription: text()
    .trim()
    .max(
      SHORT_DESCRIPTION_MAX,
      `Short description can be at most ${SHORT_DESCRIPTION_MAX} characters.`,
    ),
  description: text().max(
    DESCRIPTION_MAX,
    `Description can be at most ${DESCRIPTION_MAX} characters.`,
  ),
  /** The contact is usually over at once: applying it sets the form to close on save. */
  closesAtOnce: z.boolean(),
});
export type TemplateFields = z.infer<typeof TemplateFields>;

/** A template fills at least one field, else it is only a name. */
export const fillsSomething = (t: Omit<TemplateFields, 'name'>): boolean =>
  t.type !== null ||
  t.component !== null ||
  t.assignmentGroup !== null ||
  t.shortDescription.trim() !== '' ||
  t.description.trim() !== '' ||
  t.closesAtOnce;

export const NOTHING_TO_FILL = 'A template fills at least one field: add a Short description, say.';

export const TEMPLATE_SCOPES = ['location', 'agent'] as const;
export type TemplateScope = (typeof TEMPLATE_SCOPES)[number];

/** A template as the desk server keeps it and a desk receives it. */
export const ContactTemplate = TemplateFields.extend({
  id: Id,
  scope: z.enum(TEMPLATE_SCOPES),
  /** The location it belongs to (scope `location`); null for an agent's own. */
  location: Id.nullable(),
  /** The agent it belongs to (scope `agent`); null for a location's. */
  owner: Id.nullable(),
  /** False once retired (a location's) or deleted (an agent's own). */
  active: z.boolean(),
  updatedAt: z.string(),
});
export type ContactTemplate = z.infer<typeof ContactTemplate>;

// ---- finding one: `/` + a few letters in Short description ----

/**
 * The letters after a leading `/` in Short description, or null when the text is not a template
 * search (no slash first, or a space typed: the agent is writing, not searching).
 */
export function slashQuery(shortDescription: string): string | null {
  const match = /^\/(\S{0,40})$/.exec(shortDescription);
  return match ? (match[1] ?? '') : null;
}

const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** An interaction as template use counts it: its Short description, and when it was opened. */
type Use = { shortDescription: string; openedAt: string };

const useKey = (shortDescription: string): string => fold(shortDescription.trim());

/**
 * How much the agent used each template lately: the frecency (`contactWeight`, the known callers'
 * weights) of the agent's interactions of the last KNOWN_WINDOW_DAYS whose Short description is
 * the template's, folded. A template fills Short description, so its text marks the contact; one
 * with an empty Short description is never counted.
 */
export function templateUses<T extends Pick<ContactTemplate, 'id' | 'shortDescription'>>(
  templates: readonly T[],
  contacts: readonly Use[],
  now: Date,
): Map<string, number> {
  const wanted = new Set(
    templates.flatMap((t) => (t.shortDescription.trim() ? [useKey(t.shortDescription)] : [])),
  );
  const from = now.getTime() - KNOWN_WINDOW_DAYS * 86_400_000;
  const byText = new Map<string, number>();
  for (const { shortDescription, openedAt } of contacts) {
    const opened = Date.parse(openedAt);
    if (Number.isNaN(opened) || opened < from) continue;
    const key = useKey(shortDescription);
    if (!wanted.has(key)) continue;
    byText.set(key, (byText.get(key) ?? 0) + contactWeight(now.getTime() - opened));
  }
  return new Map(
    templates.map((t) => [
      t.id,
      t.shortDescription.trim() ? (byText.get(useKey(t.shortDescription)) ?? 0) : 0,
    ]),
  );
}

/**
 * The templates whose name matches the letters, best first: the name starts with them, then a word
 * of it does, then the letters come in order (`pwr` finds "Password reset"); within each, the one
 * the agent used most lately (`uses`, so a bare `/` highlights the agent's usual one), then the
 * agent's own before the location's, then by name.
 */
export function matchTemplates<
  T extends Pick<ContactTemplate, 'name' | 'scope' | 'id'> & { uses?: number },
>(templates: readonly T[], letters: string): T[] {
  const q = fold(letters.trim());
  const rank = (name: string): number => {
    const n = fold(name);
    if (q === '' || n.startsWith(q)) return 0;
    if (n.split(/[\s\-/_.,]+/).some((word) => word.startsWith(q))) return 1;
    let at = 0;
    for (const c of n) if (c === q[at]) at += 1;
    return at === q.length ? 2 : -1;
  };
  return templates
    .map((t) => ({ t, r: rank(t.name) }))
    .filter(({ r }) => r >= 0)
    .sort(
      (a, b) =>
        a.r - b.r ||
        (b.t.uses ?? 0) - (a.t.uses ?? 0) ||
        (a.t.scope === b.t.scope ? 0 : a.t.scope === 'agent' ? -1 : 1) ||
        a.t.name.localeCompare(b.t.name) ||
        (a.t.id < b.t.id ? -1 : 1),
    )
    .map(({ t }) => t);
}

// ---- applying one ----

/** The form fields a template fills, with what the form shows for each (a name for an id). */
export interface TemplateTarget {
  type: InteractionType;
  component: string | null;
  componentName: string;
  assignmentGroup: string | null;
  shortDescription: string;
  description: string;
}

/** A template with the display names of the records it names (the desk resolves them). */
export interface TemplateToApply extends Omit<TemplateFields, 'name'> {
  name: string;
  componentName: string | null;
}

export type TemplateField =
  'type' | 'component' | 'assignmentGroup' | 'shortDescription' | 'description';

/** A field the agent already filled that the template would change: the confirm lists these. */
export interface TemplateConflict {
  field: TemplateField;
  label: string;
  /** What the form shows now, and what the template would put there, in words. */
  typed: string;
  template: string;
}

export interface TemplatePlan {
  /** Safe to apply at once: the fields that were empty (or the same already). */
  fill: Partial<TemplateTarget>;
  /** What applying would overwrite: only with the agent's yes. */
  conflicts: TemplateConflict[];
  /** The replacements for the conflicting fields, applied on top of `fill` when accepted. */
  replace: Partial<TemplateTarget>;
  closesAtOnce: boolean;
}

/**
 * What applying `template` to the form would do. A field counts as the agent's when it holds
 * something (Type: when the agent chose it, since a new form always shows a default channel):
 * those are never in `fill`, only in `conflicts`/`replace`, so nothing typed is lost unless the
 * agent accepts. `groupName` names an assignment group for the confirm's words.
 */
export function planTemplate(
  form: TemplateTarget,
  typeChosen: boolean,
  template: TemplateToApply,
  groupName: (id: string) => string,
): TemplatePlan {
  const fill: Partial<TemplateTarget> = {};
  const replace: Partial<TemplateTarget> = {};
  const conflicts: TemplateConflict[] = [];
  const conflict = (field: TemplateField, typed: string, wanted: string): void => {
    conflicts.push({ field, label: INTERACTION_LABELS[field], typed, template: wanted });
  };

  if (template.type !== null && template.type !== form.type) {
    if (typeChosen) {
      conflict('type', form.type, template.type);
      replace.type = template.type;
    } else fill.type = template.type;
  }
  if (template.component !== null && template.component !== form.component) {
    const componentName = template.componentName ?? template.component;
    if (form.component !== null) {
      conflict('component', form.componentName || form.component, componentName);
      Object.assign(replace, { component: template.component, componentName });
    } else Object.assign(fill, { component: template.component, componentName });
  }
  if (template.assignmentGroup !== null && template.assignmentGroup !== form.assignmentGroup) {
    if (form.assignmentGroup !== null) {
      conflict(
        'assignmentGroup',
        groupName(form.assignmentGroup),
        groupName(template.assignmentGroup),
      );
      replace.assignmentGroup = template.assignmentGroup;
    } else fill.assignmentGroup = template.assignmentGroup;
  }
  for (const field of ['shortDescription', 'description'] as const) {
    const wanted = template[field];
    if (wanted.trim() === '' || wanted === form[field]) continue;
    if (form[field].trim() !== '') {
      conflict(field, form[field], wanted);
      replace[field] = wanted;
    } else fill[field] = wanted;
  }
  return { fill, conflicts, replace, closesAtOnce: template.closesAtOnce };
}

// ---- suggesting one: Report an Issue offers the template its short description names ----

type IncidentTemplate = Pick<
  ContactTemplate,
  'name' | 'scope' | 'shortDescription' | 'component' | 'assignmentGroup' | 'active'
>;

/**
 * The template the text (the incident's short description) most likely is, for Report an Issue:
 * one that fills what an incident has (a Component or an Assignment group), scored by the text's
 * words in its name (3 each) and its short description (1 each), at least one word in common;
 * the agent's own wins a tie, then the name. Null when none is named.
 */
export function suggestTemplateForIncident<T extends IncidentTemplate>(
  templates: readonly T[],
  text: string,
): T | null {
  const typed = askingWords(text);
  if (typed.length === 0) return null;
  let best: { template: T; score: number } | null = null;
  for (const template of templates) {
    if (!template.active || (template.component === null && template.assignmentGroup === null))
      continue;
    const name = words(template.name);
    const short = words(template.shortDescription);
    let score = 0;
    for (const word of typed) {
      if (name.some((own) => sameWord(word, own))) score += 3;
      else if (short.some((own) => sameWord(word, own))) score += 1;
    }
    if (score === 0) continue;
    const better =
      best === null ||
      score > best.score ||
      (score === best.score &&
        (template.scope === 'agent' ? 0 : 1) - (best.template.scope === 'agent' ? 0 : 1) < 0) ||
      (score === best.score &&
        template.scope === best.template.scope &&
        template.name.localeCompare(best.template.name) < 0);
    if (better) best = { template, score };
  }
  return best?.template ?? null;
}
