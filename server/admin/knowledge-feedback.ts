// What agents made of knowledge articles, for their authors: the current verdicts counted per
// article revision, the latest Outdated comments with who wrote them, and the interactions
// closed with each (their resolvedWith). Reads only; never changes a rating or a record.

import { sql, type Transaction } from 'kysely';
import { OUTDATED_COMMENTS_SHOWN, type ArticleFeedback } from '../../shared/admin/knowledge';
import type { Database } from '../db/schema';
import { toNumber } from '../db/values';
import type { DirectoryWriteDeps } from './directory-write';

type Db = DirectoryWriteDeps['db'] | Transaction<Database>;

/** Feedback of one article: by revision, and over all of them. */
export interface FeedbackOf {
  all: ArticleFeedback;
  byRevision: ReadonlyMap<number, ArticleFeedback>;
}

const none = (): ArticleFeedback => ({
  helpful: 0,
  notHelpful: 0,
  outdated: 0,
  outdatedComments: [],
  resolutions: 0,
});

const iso = (value: Date | string): string => new Date(value).toISOString();

/** The feedback of these articles, by id (an article nobody rated or resolved with has zeros). */
export async function feedbackOf(db: Db, ids: readonly string[]): Promise<Map<string, FeedbackOf>> {
  const out = new Map<string, { all: ArticleFeedback; byRevision: Map<number, ArticleFeedback> }>();
  if (ids.length === 0) return out;
  for (const id of ids) out.set(id, { all: none(), byRevision: new Map() });
  const at = (id: string, revision: number): ArticleFeedback[] => {
    const of = out.get(id);
    if (!of) return [];
    let one = of.byRevision.get(revision);
    if (!one) of.byRevision.set(revision, (one = none()));
    return [of.all, one];
  };

  const [verdicts, comments, resolved] = await Promise.all([
    db
      .selectFrom('knowledge_ratings')
      .select(['article_id', 'revision', 'verdict'])
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('article_id', 'in', ids)
      .groupBy(['article_id', 'revision', 'verdict'])
      .execute(),
    // The latest comments of each article, newest first, with who wrote them.
    sql<{ article_id: string; revision: number; comment: string; rated_at: Date; name: string }>`
      SELECT article_id, revision, comment, rated_at, name FROM (
        SELECT r.article_id, r.revision, r.comment, r.rated_at, coalesce(u.name, r.agent_id) AS name,
          row_number() OVER (PARTITION BY r.article_id ORDER BY r.rated_at DESC, r.agent_id) AS nth
        FROM knowledge_ratings r LEFT JOIN users u ON u.id = r.agent_id
        WHERE r.article_id = ANY(${ids}::text[]) AND r.verdict = 'outdated' AND r.comment IS NOT NULL
      ) latest WHERE nth <= ${OUTDATED_COMMENTS_SHOWN} ORDER BY rated_at DESC, name`.execute(db),
    sql<{ article_id: string; revision: number; n: string | number }>`
      SELECT record->'resolvedWith'->>'id' AS article_id,
        (record->'resolvedWith'->>'revision')::integer AS revision, count(*) AS n
      FROM interactions
      WHERE record->'resolvedWith' IS NOT NULL AND record->'resolvedWith'->>'id' = ANY(${ids}::text[])
        AND state = 'Closed Complete'
      GROUP BY 1, 2`.execute(db),
  ]);
  for (const row of verdicts)
    for (const f of at(row.article_id, row.revision)) {
      const n = toNumber(row.n);
      if (row.verdict === 'helpful') f.helpful += n;
      else if (row.verdict === 'not-helpful') f.notHelpful += n;
      else f.outdated += n;
    }
  for (const row of comments.rows)
    for (const f of at(row.article_id, row.revision))
      f.outdatedComments.push({
        revision: row.revision,
        agentName: row.name,
        comment: row.comment,
        at: iso(row.rated_at),
      });
  for (const row of resolved.rows)
    for (const f of at(row.article_id, row.revision)) f.resolutions += toNumber(row.n);
  return out;
}

/** One article's feedback over all revisions (zeros when none). */
export const feedbackAll = (of: FeedbackOf | undefined): ArticleFeedback => of?.all ?? none();

/** One revision's feedback (zeros when none). */
export const feedbackAt = (of: FeedbackOf | undefined, revision: number): ArticleFeedback =>
  of?.byRevision.get(revision) ?? none();
