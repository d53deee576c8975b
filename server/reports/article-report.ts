// The resolutions by knowledge article in SQL (shared/domain/article-figures.ts's definition):
// interactions closed in the period by their Closed column, filtered as Volume is, counted by the
// article of their resolvedWith; the verdicts given in the period by article. Never writes.

import { sql, type Kysely } from 'kysely';
import type { ArticleResolutions } from '../../shared/domain/article-figures';
import type { FigureFilter } from '../../shared/domain/desk-figures';
import type { Database } from '../db/schema';

const instant = (iso: string) => sql<Date>`${iso}::timestamptz`;

export async function articleResolutionsInSql(
  db: Kysely<Database>,
  f: FigureFilter,
): Promise<ArticleResolutions> {
  const parts = [
    sql`i.closed_at >= ${instant(f.from)}`,
    sql`i.closed_at < ${instant(f.to)}`,
    sql`i.state IN ('Closed Complete', 'Closed Abandoned')`,
  ];
  if (f.location !== undefined) parts.push(sql`i.location = ${f.location}`);
  if (f.queue !== undefined) parts.push(sql`i.queue = ${f.queue}`);
  if (f.channel !== undefined) parts.push(sql`i.type = ${f.channel}`);
  if (f.agent !== undefined) parts.push(sql`i.opened_by = ${f.agent}`);
  const passes = sql.join(parts, sql` AND `);
  const { rows } = await sql<{
    id: string | null;
    revisions: number[] | null;
    resolutions: string | number;
    closed: string | number;
  }>`
    WITH closed AS (
      SELECT i.state, i.record->'resolvedWith' AS resolved FROM interactions i WHERE ${passes}
    )
    SELECT resolved->>'id' AS id,
      array_agg(DISTINCT (resolved->>'revision')::integer ORDER BY (resolved->>'revision')::integer)
        AS revisions,
      count(*) AS resolutions, (SELECT count(*) FROM closed) AS closed
    FROM closed WHERE state = 'Closed Complete' AND resolved IS NOT NULL
    GROUP BY resolved->>'id'
    UNION ALL SELECT NULL, NULL, 0, (SELECT count(*) FROM closed)`.execute(db);
  const closed = Number(rows[0]?.closed ?? 0);
  const found = rows.filter((r): r is typeof r & { id: string } => r.id !== null);
  const ids = found.map((r) => r.id);
  const [titles, verdicts] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .selectFrom('knowledge_articles')
            .select(['id', 'title'])
            .where('id', 'in', ids)
            .execute(),
          db
            .selectFrom('knowledge_ratings')
            .select(['article_id', 'verdict'])
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .where('article_id', 'in', ids)
            .where('rated_at', '>=', instant(f.from))
            .where('rated_at', '<', instant(f.to))
            .$if(f.agent !== undefined, (q) => q.where('agent_id', '=', f.agent ?? ''))
            .groupBy(['article_id', 'verdict'])
            .execute(),
        ]);
  const titleOf = new Map(titles.map((t) => [t.id, t.title]));
  const count = (id: string, verdict: string) =>
    Number(verdicts.find((v) => v.article_id === id && v.verdict === verdict)?.n ?? 0);
  const articles = found.map((r) => {
    const resolutions = Number(r.resolutions);
    return {
      id: r.id,
      title: titleOf.get(r.id) ?? r.id,
      revisions: (r.revisions ?? []).map(Number),
      resolutions,
      share: closed === 0 ? null : resolutions / closed,
      helpful: count(r.id, 'helpful'),
      notHelpful: count(r.id, 'not-helpful'),
    };
  });
  articles.sort(
    (a, b) =>
      b.resolutions - a.resolutions ||
      a.title.localeCompare(b.title) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { closed, articles };
}
