// Resolutions by knowledge article: the SQL against answers worked out by hand, and against the
// shared definition (articleResolutions) on the same records; then the route, as JSON and CSV,
// with the reports' filter checks.
//
// Monday's period [09:00, next 09:00) UTC. Closed in it: i1, i2, i3 (kb-printer rev 1, 2, 2),
// i4 (kb-jam rev 1), i5 (none), i6 (Abandoned) — 6 closed. Outside: i7 (kb-printer, closed the
// day before), i8 (open). So kb-printer 3 resolutions (revisions 1, 2), share 3/6; kb-jam 1, 1/6.
// Verdicts in the period: kb-printer helpful ×2 (agent-1 rev 1 and agent-2 rev 2), not helpful ×1;
// agent-1's Not helpful on kb-jam was given the day before, so it does not count.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { articleResolutions } from '../../shared/domain/article-figures';
import type { ArticleRating } from '../../shared/domain/article-rating';
import { at, closed, interaction } from '../../shared/domain/testing/desk-records';
import type { ApiErrorBody } from '../../shared/sync/server-api';
import { seedDirectory, signIn, testServer } from '../testing/fixtures';
import { seedPublishedArticle } from '../testing/knowledge-fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { articleResolutionsInSql } from './article-report';
import { storeRecords } from './report-testing';

const PERIOD = { from: at(0), to: at(24 * 60), timeZone: 'UTC' } as const;
const printer = (revision: number) => ({ id: 'kb-printer', revision });

const interactions = [
  closed('i1', 10, 60, { resolvedWith: printer(1), openedBy: 'agent-1' }),
  closed('i2', 20, 60, { resolvedWith: printer(2), openedBy: 'agent-2' }),
  closed('i3', 30, 60, { resolvedWith: printer(2), openedBy: 'agent-1', type: 'Walk-in' }),
  closed('i4', 40, 60, { resolvedWith: { id: 'kb-jam', revision: 1 }, openedBy: 'agent-1' }),
  closed('i5', 50, 60, { openedBy: 'agent-2' }),
  closed('i6', 60, 60, { state: 'Closed Abandoned', openedBy: 'agent-2' }),
  closed('i7', -24 * 60, 60, { resolvedWith: printer(1), openedBy: 'agent-1' }),
  interaction('i8', { openedAt: at(70) }),
];

const rating = (
  article: string,
  revision: number,
  agent: string,
  verdict: ArticleRating['verdict'],
  minute: number,
): ArticleRating => ({ article, revision, agent, verdict, comment: null, at: at(minute) });

const ratings = [
  rating('kb-printer', 1, 'agent-1', 'helpful', 15),
  rating('kb-printer', 2, 'agent-2', 'helpful', 25),
  rating('kb-printer', 2, 'agent-1', 'not-helpful', 35),
  rating('kb-jam', 1, 'agent-1', 'not-helpful', -60),
];

const TITLES = new Map([
  ['kb-printer', 'Printer shows offline'],
  ['kb-jam', 'Paper jam'],
]);

describeOnDatabases('resolutions by knowledge article', (suite) => {
  let app: FastifyInstance;

  beforeEach(async () => {
    const { db } = suite.database();
    await seedDirectory(suite.database());
    await seedPublishedArticle(db, 'kb-printer', 'Printer shows offline', 2);
    await seedPublishedArticle(db, 'kb-jam', 'Paper jam', 1);
    await storeRecords(db, { interactions, visits: [], calls: [], incidents: [] });
    await db
      .insertInto('knowledge_ratings')
      .values(
        ratings.map((r) => ({
          article_id: r.article,
          revision: r.revision,
          agent_id: r.agent,
          verdict: r.verdict,
          comment: null,
          rated_at: r.at,
        })),
      )
      .execute();
    app = await testServer(suite.database());
  });
  afterEach(() => app.close());

  it('counts the period’s resolutions by article, as worked out by hand and by the definition', async () => {
    const { db } = suite.database();
    const answer = await articleResolutionsInSql(db, PERIOD);
    expect(answer).toEqual({
      closed: 6,
      articles: [
        {
          id: 'kb-printer',
          title: 'Printer shows offline',
          revisions: [1, 2],
          resolutions: 3,
          share: 0.5,
          helpful: 2,
          notHelpful: 1,
        },
        {
          id: 'kb-jam',
          title: 'Paper jam',
          revisions: [1],
          resolutions: 1,
          share: 1 / 6,
          helpful: 0,
          notHelpful: 0,
        },
      ],
    });
    expect(answer).toEqual(articleResolutions(interactions, ratings, TITLES, PERIOD));

    // agent-1's interactions: i1, i3, i4 closed; their verdicts only.
    const agent = await articleResolutionsInSql(db, { ...PERIOD, agent: 'agent-1' });
    expect(agent.closed).toBe(3);
    expect(agent.articles.map((a) => [a.id, a.resolutions, a.helpful, a.notHelpful])).toEqual([
      ['kb-printer', 2, 1, 1],
      ['kb-jam', 1, 0, 0],
    ]);
    expect(agent).toEqual(
      articleResolutions(
        interactions.filter((i) => i.openedBy === 'agent-1'),
        ratings,
        TITLES,
        { ...PERIOD, agent: 'agent-1' },
      ),
    );
    // Walk-in: only i3.
    const walkIn = await articleResolutionsInSql(db, { ...PERIOD, channel: 'Walk-in' });
    expect(walkIn.closed).toBe(1);
    expect(walkIn.articles.map((a) => [a.id, a.revisions, a.share])).toEqual([
      ['kb-printer', [2], 1],
    ]);
    // A period with nothing closed: no share to give.
    expect(
      await articleResolutionsInSql(db, {
        from: at(3 * 24 * 60),
        to: at(4 * 24 * 60),
        timeZone: 'UTC',
      }),
    ).toEqual({ closed: 0, articles: [] });
  });

  it('answers GET /api/v1/reports/articles as JSON and CSV, with the filter checks', async () => {
    const admin = await signIn(app, 'adam.admin');
    const query = `from=${PERIOD.from}&to=${PERIOD.to}`;
    const json = await admin.get<{ closed: number }>(`/api/v1/reports/articles?${query}`);
    expect(json.status).toBe(200);
    expect(json.body.closed).toBe(6);
    const csv = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/articles?${query}&format=csv`,
      headers: { authorization: `Bearer ${admin.token ?? ''}` },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toContain('articles,closed,6\r\n');
    expect(csv.body).toContain('articles,articles.0.title,Printer shows offline\r\n');
    expect(csv.body).toContain('articles,articles.0.resolutions,3\r\n');
    const bad = await admin.get<ApiErrorBody>(
      `/api/v1/reports/articles?from=${PERIOD.to}&to=${PERIOD.from}`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('to: "from" must be before "to".');
    const agent = await signIn(app, 'ana.agent');
    expect((await agent.get(`/api/v1/reports/articles?${query}`)).status).toBe(403);
  });
});
