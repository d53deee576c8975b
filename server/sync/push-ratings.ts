// What a push reads and writes for agents' verdicts on articles (knowledge.rate): the revisions
// ever published of the articles its ratings name, and the ratings kept one per article revision
// and agent, the later one winning. Never decides whether a rating is allowed.

import type { Transaction } from 'kysely';
import type { ArticleRating, KnowledgeRules } from '../../shared/domain/article-rating';
import { commandModule } from '../../shared/commands/registry';
import type { ParsedCommand } from '../../shared/store-api/apply-command';
import type { Database } from '../db/schema';

/** Which revisions of the articles the commands rate were published (a draft is not there to rate). */
export async function loadKnowledge(
  trx: Transaction<Database>,
  commands: readonly ParsedCommand[],
): Promise<KnowledgeRules> {
  const ids = [
    ...new Set(
      commands.filter((c) => commandModule(c.name).kind === 'article').map((c) => c.args.id),
    ),
  ];
  const published = new Set<string>();
  if (ids.length > 0) {
    const rows = await trx
      .selectFrom('knowledge_article_versions')
      .select(['article_id', 'revision'])
      .where('article_id', 'in', ids)
      .where('published_at', 'is not', null)
      .execute();
    for (const row of rows) published.add(`${row.article_id}#${row.revision}`);
  }
  return { isPublishedRevision: (id, revision) => published.has(`${id}#${revision}`) };
}

/**
 * Keeps each rating as the agent's current verdict on that revision. A verdict given earlier than
 * the one kept (from another desk of the same agent, pushed late) does not replace it.
 */
export async function writeRatings(
  trx: Transaction<Database>,
  ratings: readonly ArticleRating[],
): Promise<void> {
  if (ratings.length === 0) return;
  await trx
    .insertInto('knowledge_ratings')
    .values(
      ratings.map((r) => ({
        article_id: r.article,
        revision: r.revision,
        agent_id: r.agent,
        verdict: r.verdict,
        comment: r.comment,
        rated_at: r.at,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['article_id', 'revision', 'agent_id'])
        .doUpdateSet((eb) => ({
          verdict: eb.ref('excluded.verdict'),
          comment: eb.ref('excluded.comment'),
          rated_at: eb.ref('excluded.rated_at'),
        }))
        .whereRef('knowledge_ratings.rated_at', '<=', 'excluded.rated_at'),
    )
    .execute();
}
