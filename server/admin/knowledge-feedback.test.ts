// What authors see of agents' feedback through knowledge.list and knowledge.get: each agent's
// current verdict counted once per revision, the latest Outdated comments with who wrote them,
// and the interactions resolved with the article (from resolvedWith), by revision and in all.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { KnowledgeAdminView, KnowledgeSummary } from '../../shared/admin/knowledge';
import type { PushResponse } from '../../shared/sync/protocol';
import {
  type ApiClient,
  createArgs,
  DeskOutbox,
  seedDirectory,
  signIn,
  testServer,
} from '../testing/fixtures';
import { seedPublishedArticle } from '../testing/knowledge-fixtures';
import { describeOnDatabases } from '../testing/test-databases';

describeOnDatabases('feedback on knowledge articles for their authors', (suite) => {
  let app: FastifyInstance;
  let tech: ApiClient;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    await seedPublishedArticle(suite.database().db, 'kb-printer', 'Printer shows offline', 2);
    await seedPublishedArticle(suite.database().db, 'kb-jam', 'Paper jam', 1);
    app = await testServer(suite.database());
    tech = await signIn(app, 'tess.tech');
  });
  afterEach(() => app.close());

  const push = async (userName: string, userId: string, steps: [string, unknown][]) => {
    const desk = await signIn(app, userName);
    const outbox = new DeskOutbox(`desk-${userName}`, userId);
    const reply = await desk.post<PushResponse>(
      '/api/v1/sync/push',
      outbox.push(steps.map(([name, args]) => outbox.mutation(name, args))),
    );
    expect(reply.body.refused).toEqual([]);
  };

  it('counts verdicts, keeps the latest comments and counts resolutions', async () => {
    await push('ana.agent', 'agent-1', [
      ['knowledge.rate', { id: 'kb-printer', revision: 1, verdict: 'helpful' }],
      // Ana changes her mind on revision 2: only the Outdated flag counts.
      ['knowledge.rate', { id: 'kb-printer', revision: 2, verdict: 'helpful' }],
      [
        'knowledge.rate',
        { id: 'kb-printer', revision: 2, verdict: 'outdated', comment: 'Menu renamed' },
      ],
      ['interaction.save', createArgs('i-1')],
      [
        'interaction.close',
        { id: 'i-1', state: 'Closed Complete', resolvedWith: { id: 'kb-printer', revision: 2 } },
      ],
      ['interaction.save', createArgs('i-2')],
      [
        'interaction.close',
        { id: 'i-2', state: 'Closed Complete', resolvedWith: { id: 'kb-printer', revision: 1 } },
      ],
    ]);
    await push('bo.agent', 'agent-2', [
      ['knowledge.rate', { id: 'kb-printer', revision: 2, verdict: 'not-helpful' }],
      ['interaction.save', createArgs('i-3')],
      [
        'interaction.close',
        { id: 'i-3', state: 'Closed Complete', resolvedWith: { id: 'kb-printer', revision: 2 } },
      ],
      ['interaction.save', createArgs('i-4')],
      ['interaction.close', { id: 'i-4', state: 'Closed Complete' }],
    ]);

    const list = await tech.post<{ articles: KnowledgeSummary[] }>(
      '/api/v1/admin/knowledge.list',
      {},
    );
    expect(list.status).toBe(200);
    const byId = new Map(list.body.articles.map((a) => [a.id, a.feedback]));
    expect(byId.get('kb-jam')).toEqual({
      helpful: 0,
      notHelpful: 0,
      outdated: 0,
      outdatedComments: [],
      resolutions: 0,
    });
    expect(byId.get('kb-printer')).toEqual({
      helpful: 1,
      notHelpful: 1,
      outdated: 1,
      outdatedComments: [
        {
          revision: 2,
          agentName: 'Ana Agent',
          comment: 'Menu renamed',
          at: expect.any(String) as string,
        },
      ],
      resolutions: 3,
    });

    const view = await tech.post<KnowledgeAdminView>('/api/v1/admin/knowledge.get', {
      id: 'kb-printer',
    });
    expect(view.body.feedback).toEqual(byId.get('kb-printer'));
    expect(
      view.body.revisions.map((r) => [
        r.revision,
        r.feedback.helpful,
        r.feedback.notHelpful,
        r.feedback.outdated,
        r.feedback.resolutions,
      ]),
    ).toEqual([
      [2, 0, 1, 1, 2],
      [1, 1, 0, 0, 1],
    ]);
  });
});
