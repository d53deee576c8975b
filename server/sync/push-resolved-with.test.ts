// Resolved with this on the desk server: interaction.close with the knowledge article recorded
// (resolvedWith) is applied by the same mutator, kept on the record and pulled by every desk; the
// same on an abandoned interaction is refused with the reason.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';
import {
  type ApiClient,
  createArgs,
  DeskOutbox,
  seedDirectory,
  signIn,
  testServer,
} from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';

describeOnDatabases('pushing Resolved with this', (suite) => {
  let app: FastifyInstance;
  let desk: ApiClient;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    app = await testServer(suite.database());
    desk = await signIn(app);
  });
  afterEach(() => app.close());

  it('keeps the article on the closed interaction; refuses it on an abandoned one', async () => {
    const a = new DeskOutbox('desk-a');
    const article = { id: 'kb-printer-offline', revision: 2 };
    const reply = await desk.post<PushResponse>(
      '/api/v1/sync/push',
      a.push([
        a.mutation('interaction.save', createArgs('i-1')),
        a.mutation('interaction.close', {
          id: 'i-1',
          state: 'Closed Complete',
          resolvedWith: article,
        }),
        a.mutation('interaction.save', createArgs('i-2')),
        a.mutation('interaction.close', {
          id: 'i-2',
          state: 'Closed Abandoned',
          resolvedWith: article,
        }),
      ]),
    );
    expect(reply.body.lastMutationId).toBe(4);
    expect(reply.body.refused.map((r) => r.mutationId)).toEqual([4]);
    const pulled = await desk.post<PullResponse>('/api/v1/sync/pull', {
      clientId: 'desk-b',
      cursor: null,
    });
    const byId = new Map(pulled.body.interactions.map((i) => [i.id, i]));
    expect(byId.get('i-1')).toMatchObject({ state: 'Closed Complete', resolvedWith: article });
    expect(byId.get('i-2')?.state).not.toBe('Closed Abandoned');
    expect(byId.get('i-2')?.resolvedWith).toBeUndefined();
  });
});
