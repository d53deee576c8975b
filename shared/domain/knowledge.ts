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
  title: storable(z.string().trim().min(1).max(ARTICLE_TITLE_MAX)),
  body: storable(z.string().trim().min(1).max(ARTICLE_BODY_MAX)),
  keywords: z.array(storable(z.string().trim().min(1).max(40))).max(ARTICLE_KEYWORDS_MAX),
  /** Configuration item classes (e.g. "Printer"): an agent's Component of that class ranks it higher. */
  ciClasses: z.array(z.string().trim().min(1).max(80)).max(20),
  validUntil: z.iso.date().nullable(),
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
