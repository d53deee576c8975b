// Issue 10, hole 4 (sessions): a change is applied only with the token of the agent who made it,
// and a desk's change stream (clientId) belongs to the agent who first pushed it. Fails before.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';
import type { ApiErrorBody } from '../../shared/sync/server-api';
import {
  createArgs,
  DeskOutbox,
  seedDirectory,
  signIn,
  testServer,
  type ApiClient,
} from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';

describeOnDatabases('changes applied only as their author', (suite) => {
  let app: FastifyInstance;
  let ana: ApiClient;
  let bo: ApiClient;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    app = await testServer(suite.database());
    ana = await signIn(app, 'ana.agent');
    bo = await signIn(app, 'bo.agent');
  });
  afterEach(() => app.close());

  const interactionIds = async (client: ApiClient, clientId: string) =>
    (
      await client.post<PullResponse>('/api/v1/sync/pull', { clientId, cursor: null })
    ).body.interactions.map((i) => i.id);

  it('refuses a push carrying another agent’s change, applying none of it', async () => {
    // Ana left a change on the desk; Bo signed in there and the desk pushes it with Bo's token.
    const outbox = new DeskOutbox('desk-1', 'agent-1');
    const reply = await bo.post<ApiErrorBody>(
      '/api/v1/sync/push',
      outbox.push([outbox.mutation('interaction.create', createArgs('i-ana'))]),
    );
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('forbidden');
    expect(reply.body.error.message).toMatch(/applied only when the agent who made it/);
    expect(await interactionIds(ana, 'desk-1')).toEqual([]);
  });

  it('refuses a push mixing the signed-in agent’s changes with another’s', async () => {
    const mine = new DeskOutbox('desk-1', 'agent-2');
    const first = mine.mutation('interaction.create', createArgs('i-bo'));
    const theirs = {
      ...mine.mutation('interaction.create', createArgs('i-ana')),
      actorId: 'agent-1',
    };
    const reply = await bo.post<ApiErrorBody>('/api/v1/sync/push', mine.push([first, theirs]));
    expect(reply.status).toBe(403);
    expect(await interactionIds(bo, 'desk-1')).toEqual([]);
  });

  it('binds a clientId to the agent who first pushed it', async () => {
    const anaStream = new DeskOutbox('desk-1', 'agent-1');
    const ok = await ana.post<PushResponse>(
      '/api/v1/sync/push',
      anaStream.push([anaStream.mutation('interaction.create', createArgs('i-ana'))]),
    );
    expect(ok.body).toEqual({ lastMutationId: 1, refused: [] });

    // Bo's own change, under Ana's stream: the ids would interleave two agents' changes.
    const boOnAnasStream = new DeskOutbox('desk-1', 'agent-2');
    boOnAnasStream.mutation('interaction.create', createArgs('skipped'));
    const refused = await bo.post<ApiErrorBody>(
      '/api/v1/sync/push',
      boOnAnasStream.push([boOnAnasStream.mutation('interaction.create', createArgs('i-bo'))]),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect(refused.body.error.message).toMatch(/belongs to another agent/);
    expect(await interactionIds(ana, 'desk-1')).toEqual(['i-ana']);

    // Bo's stream of his own on the same desk is his.
    const boStream = new DeskOutbox('desk-1.bo', 'agent-2');
    const his = await bo.post<PushResponse>(
      '/api/v1/sync/push',
      boStream.push([boStream.mutation('interaction.create', createArgs('i-bo'))]),
    );
    expect(his.body).toEqual({ lastMutationId: 1, refused: [] });
    // And Ana's stream goes on as hers.
    const next = await ana.post<PushResponse>(
      '/api/v1/sync/push',
      anaStream.push([anaStream.mutation('interaction.create', createArgs('i-ana-2'))]),
    );
    expect(next.body).toEqual({ lastMutationId: 2, refused: [] });
  });
});
