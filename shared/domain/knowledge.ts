// Knowledge articles (issue 16 item 4): what an article is (title, Markdown body, keywords, the
// configuration item classes it applies to, valid until) and its review states. Schemas only.

import { z } from 'zod';
import { Id } from './directory';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from './storable-text';

/**
 * draft: being written, never on desks; in-review: submitted, waiting for Publish; published: on
 * every desk and suggested; retired: kept with its versions, taken off the desks.
 */
export const KNOWLEDGE_STATES = ['draft', 'in-review', 'published', 'retired'] as const;
export const KnowledgeState = z.enum(KNOWLEDGE_STATES);
export type KnowledgeState = z.infer<typeof KnowledgeState>;

export const KNOWLEDGE_STATE_LABELS: Readonly<Record<KnowledgeState, string>> = {
  draft: 'Draft',
  'in-review': 'In review',
  published: 'Published',
  retired: 'Retired',
};

export const ARTICLE_TITLE_MAX = 160;
/** A how-to, not a manual: desks hold every published article. */
export const ARTICLE_BODY_MAX = 20_000;
export const ARTICLE_KEYWORDS_MAX = 20;

const storable = (schema: z.ZodString) =>
  schema.refine(isStorableText, { message: UNSTORABLE_TEXT_MESSAGE });

/** An article as its author writes it; `validUntil` is a calendar date (YYYY-MM-DD) or null. */
export const KnowledgeArticle = z.object({
  id: Id,
  title: storable(
    z
      .string({ error: 'Give the article a title.' })
      .trim()
      .min(1, { error: 'Give the article a title.' })
      .max(ARTICLE_TITLE_MAX, {
        error: `Keep the title to ${ARTICLE_TITLE_MAX} characters.`,
      }),
  ),
  body: storable(
    z
      .string({ error: 'Write the article.' })
      .trim()
      .min(1, { error: 'Write the article: the body is empty.' })
      .max(ARTICLE_BODY_MAX, {
        error: `Keep the body to ${ARTICLE_BODY_MAX.toLocaleString('en')} characters: desks hold every article.`,
      }),
  ),
  keywords: z
    .array(
      storable(
        z
          .string()
          .trim()
          .min(1, { error: 'A keyword cannot be empty.' })
          .max(40, { error: 'Keep each keyword to 40 characters.' }),
      ),
    )
    .max(ARTICLE_KEYWORDS_MAX, { error: `Use at most ${ARTICLE_KEYWORDS_MAX} keywords.` }),
  /** Configuration item classes (e.g. "Printer"): an agent's Component of that class ranks it higher. */
  ciClasses: z
    .array(z.string().trim().min(1).max(80, { error: 'Keep each class to 80 characters.' }))
    .max(20, { error: 'Choose at most 20 configuration item classes.' }),
  validUntil: z.iso.date({ error: 'Enter Valid until as a date, or leave it empty.' }).nullable(),
});
export type KnowledgeArticle = z.infer<typeof KnowledgeArticle>;

/** Which article, in which revision, an interaction was resolved with. */
export const ArticleRef = z.strictObject({ id: Id, revision: z.number().int().positive() });
export type ArticleRef = z.infer<typeof ArticleRef>;

/** A published article as desks hold it: its content and which version of it this is. */
export const PublishedArticle = KnowledgeArticle.extend({
  revision: z.number().int().positive(),
  publishedAt: z.string(),
});
export type PublishedArticle = z.infer<typeof PublishedArticle>;
