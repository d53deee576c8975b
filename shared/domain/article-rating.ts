// Agents' verdicts on knowledge articles (issue 16 item 4): Helpful, Not helpful, or Outdated with
// an optional comment, one current verdict per agent per article revision. Pure; never stores.

import { z } from 'zod';
import { Id } from './directory';
import { fail, ok, type StoreResult } from './result';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from './storable-text';

export const ARTICLE_VERDICTS = ['helpful', 'not-helpful', 'outdated'] as const;
export const ArticleVerdict = z.enum(ARTICLE_VERDICTS);
export type ArticleVerdict = z.infer<typeof ArticleVerdict>;

/** The buttons' words, and what the dialog says back ("You marked this helpful"). */
export const VERDICT_LABELS: Readonly<Record<ArticleVerdict, string>> = {
  helpful: 'Helpful',
  'not-helpful': 'Not helpful',
  outdated: 'Outdated',
};

export const VERDICT_SAID: Readonly<Record<ArticleVerdict, string>> = {
  helpful: 'You marked this helpful.',
  'not-helpful': 'You marked this not helpful.',
  outdated: 'You flagged this outdated.',
};

/** A line or two for the author ("the menu is now called Devices"), not a discussion. */
export const RATING_COMMENT_MAX = 280;

export const RateArticleArgs = z.strictObject({
  /** The article's id. */
  id: Id,
  revision: z.number().int().positive(),
  verdict: ArticleVerdict,
  comment: z
    .string()
    .trim()
    .max(RATING_COMMENT_MAX, `A comment can be at most ${RATING_COMMENT_MAX} characters.`)
    .refine(isStorableText, { message: UNSTORABLE_TEXT_MESSAGE })
    .default(''),
});
export type RateArticleArgs = z.output<typeof RateArticleArgs>;

/** One agent's current verdict on one revision of an article. */
export interface ArticleRating {
  article: string;
  revision: number;
  agent: string;
  verdict: ArticleVerdict;
  /** Only an Outdated flag keeps one; null otherwise. */
  comment: string | null;
  at: string;
}

/** What the desk or the server holds of the articles: whether this revision was ever published. */
export interface KnowledgeRules {
  isPublishedRevision(id: string, revision: number): boolean;
}

/**
 * The rating the agent gives, or a refusal: an article (revision) never published is not there to
 * rate, and only an Outdated flag takes a comment (the others are one key). Without `knowledge`
 * (the desk's rebase of a rating already checked) the revision is not checked again.
 */
export function rateArticle(
  args: RateArticleArgs,
  ctx: { now: string; actorId: string; knowledge?: KnowledgeRules | undefined },
): StoreResult<ArticleRating> {
  if (ctx.knowledge && !ctx.knowledge.isPublishedRevision(args.id, args.revision))
    return fail(
      'not-found',
      `Knowledge article ${args.id} (revision ${args.revision}) was never published here, so it cannot be rated.`,
    );
  if (args.verdict !== 'outdated' && args.comment !== '')
    return fail('invalid-input', 'Only an Outdated flag takes a comment.', {
      comment: 'Leave the comment empty, or flag the article Outdated.',
    });
  return ok({
    article: args.id,
    revision: args.revision,
    agent: ctx.actorId,
    verdict: args.verdict,
    comment: args.verdict === 'outdated' && args.comment !== '' ? args.comment : null,
    at: ctx.now,
  });
}

/** The one key of a rating: an agent's later verdict on the same revision replaces it. */
export const ratingKey = (r: Pick<ArticleRating, 'article' | 'revision' | 'agent'>): string =>
  `${r.article}#${r.revision}#${r.agent}`;
