// The store API addition for knowledge articles (issue 16 item 4): the suggestions beside the
// interaction form and the article an agent opens, both answered offline from what the desk
// holds. Shaped to be spread into contract.ts's maps. Never handles them.

import { z } from 'zod';
import { Id } from '../domain/directory';
import type { ArticleVerdict } from '../domain/article-rating';
import type { PublishedArticle } from '../domain/knowledge';

export const knowledgeQueryInputs = {
  /**
   * The best published articles for what the agent typed in Short description, those written for
   * the class of the picked Component first; expired articles never. Fewer than two letters: none.
   */
  'knowledge.suggest': z.object({
    text: z.string().max(200, 'Search text can be at most 200 characters.'),
    componentId: Id.nullable().default(null),
    limit: z.number().int().min(1).max(20).default(3),
  }),
  /** A published article as this desk holds it; null when it is not (or no longer) published. */
  'knowledge.get': z.object({ id: Id }),
  /** The signed-in agent's verdict on this revision of the article, as this desk keeps it; null: none yet. */
  'knowledge.myRating': z.object({ id: Id, revision: z.number().int().positive() }),
} as const;

/** One suggestion as the panel lists it; the body comes with knowledge.get. */
export interface ArticleSuggestion {
  id: string;
  title: string;
  revision: number;
  score: number;
}

export interface KnowledgeQueryOutputs {
  'knowledge.suggest': ArticleSuggestion[];
  'knowledge.get': PublishedArticle | null;
  'knowledge.myRating': MyArticleRating | null;
}

/** What the agent said of an article revision: the dialog says it back ("You marked this helpful"). */
export interface MyArticleRating {
  verdict: ArticleVerdict;
  comment: string | null;
  at: string;
}
