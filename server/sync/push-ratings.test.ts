// Agents' verdicts on articles through the push: kept once however often a batch is re-sent, one
// current verdict per agent and revision (rating again replaces it), and refused with the reason
// for an article never published or a comment too long — nothing kept then, the push goes on.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { RATING_COMMENT_MAX } from '../../shared/domain/article-rating';
import type { PushResponse } from '../../shared/sync/protocol';
import { type ApiClient, DeskOutbox, seedDirectory, signIn, testServer } from '../testing/fixtures';
import { seedPublishedArticle } from '../testing/knowledge-fixtures';
import { describeOnDatabases } from '../testing/test-databases';

describeOnDatabases('pushing ratings of knowledge articles', (suite) => {
  let app: FastifyInstance;
  let desk: ApiClient;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    await seedPublishedArticle(suite.database().db, 'kb-printer', 'Printer shows offline', 2);
    app = await testServer(suite.database());
    desk = await signIn(app);
  });
  afterEach(() => app.close());

  const kept = () =>
    suite
      .database()
      .db.selectFrom('knowledge_ratings')
      .select(['article_id', 'revision', 'agent_id', 'verdict', 'comment'])
      .orderBy('revision')
      .orderBy('agent_id')
      .execute();

  it('keeps one verdict per agent and revision, once however often it is pushed', async () => {
    const a = new DeskOutbox('desk-a');
    const batch = a.push([
      a.mutation('knowledge.rate', { id: 'kb-printer', revision: 1, verdict: 'helpful' }),
      a.mutation('knowledge.rate', { id: 'kb-printer', revision: 2, verdict: 'not-helpful' }),
    ]);
    const first = await desk.post<PushResponse>('/api/v1/sync/push', batch);
    expect(first.body).toMatchObject({ lastMutationId: 2, refused: [] });
    // The acknowledgement was lost: the desk sends the same batch again.
    const again = await desk.post<PushResponse>('/api/v1/sync/push', batch);
    expect(again.body).toMatchObject({ lastMutationId: 2, refused: [] });
    expect(await kept()).toEqual([
      {
        article_id: 'kb-printer',
        revision: 1,
        agent_id: 'agent-1',
        verdict: 'helpful',
        comment: null,
      },
      {
        article_id: 'kb-printer',
        revision: 2,
        agent_id: 'agent-1',
        verdict: 'not-helpful',
        comment: null,
      },
    ]);

    // Rating revision 2 again changes the verdict: still one row for it.
    const later = await desk.post<PushResponse>(
      '/api/v1/sync/push',
      a.push([
        a.mutation('knowledge.rate', {
          id: 'kb-printer',
          revision: 2,
          verdict: 'outdated',
          comment: 'The menu is now called Printers & scanners',
        }),
      ]),
    );
    expect(later.body.refused).toEqual([]);
    expect((await kept()).map((r) => [r.revision, r.verdict, r.comment])).toEqual([
      [1, 'helpful', null],
      [2, 'outdated', 'The menu is now called Printers & scanners'],
    ]);
  });

  it('refuses an article never published and a comment too long, keeping nothing of them', async () => {
    const a = new DeskOutbox('desk-a');
    const reply = await desk.post<PushResponse>(
      '/api/v1/sync/push',
      a.push([
        a.mutation('knowledge.rate', { id: 'kb-nowhere', revision: 1, verdict: 'helpful' }),
        a.mutation('knowledge.rate', { id: 'kb-printer', revision: 3, verdict: 'helpful' }),
        a.mutation('knowledge.rate', {
          id: 'kb-printer',
          revision: 2,
          verdict: 'outdated',
          comment: 'x'.repeat(RATING_COMMENT_MAX + 1),
        }),
        a.mutation('knowledge.rate', { id: 'kb-printer', revision: 2, verdict: 'helpful' }),
      ]),
    );
    expect(reply.status).toBe(200);
    expect(reply.body.lastMutationId).toBe(4);
    expect(reply.body.refused.map((r) => [r.mutationId, r.reason.code, r.reason.message])).toEqual([
      [
        1,
        'not-found',
        'Knowledge article kb-nowhere (revision 1) was never published here, so it cannot be rated.',
      ],
      [
        2,
        'not-found',
        'Knowledge article kb-printer (revision 3) was never published here, so it cannot be rated.',
      ],
      [3, 'invalid-input', expect.any(String) as string],
    ]);
    expect(JSON.stringify(reply.body.refused[2]?.reason)).toContain(
      `A comment can be at most ${RATING_COMMENT_MAX} characters.`,
    );
    expect((await kept()).map((r) => [r.revision, r.verdict])).toEqual([[2, 'helpful']]);
  });
});
