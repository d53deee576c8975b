// knowledge.rate: an agent's Helpful, Not helpful or Outdated (with a short comment) on the article
// revision they read. Changes no record: the verdict is kept beside them, the later one per agent
// and revision; the same verdict again is kept once.

import { rateArticle, RateArticleArgs } from '../../domain/article-rating';
import { ok } from '../../domain/result';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const knowledgeRate = defineCommand({
  name: 'knowledge.rate',
  kind: 'article',
  args: RateArticleArgs,
  permission: anyDeskRole('rate knowledge articles'),
  records: () => [],
  apply(_records, args, ctx) {
    const rating = rateArticle(args, ctx);
    if (!rating.ok) return rating;
    return ok({ changed: [], created: null, ratings: [rating.value] });
  },
  output: {},
  describe: (args) =>
    args.verdict === 'outdated'
      ? 'Flag the article outdated'
      : args.verdict === 'not-helpful'
        ? 'Mark the article not helpful'
        : 'Mark the article helpful',
});
