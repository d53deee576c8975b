// The security suite for issue 10's hole 6 (references) on buildServer (PGlite): a pushed change
// naming a user, group or configuration item the directory lacks is refused alone, nothing stored.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';
import { incidentArgs, LAPTOP, seedCatalog, takenInteraction } from '../sync/task-fixtures';
import {
  createArgs,
  DeskOutbox,
  seedDirectory,
  signIn,
  testServer,
  type ApiClient,
} from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';

describeOnDatabases('references checked against the directory', (suite) => {
  let app: FastifyInstance;
  let desk: ApiClient;
  let outbox: DeskOutbox;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    await seedCatalog(suite.database());
    app = await testServer(suite.database());
    desk = await signIn(app);
    outbox = new DeskOutbox('desk-a');
  });
  afterEach(() => app.close());

  const push = async (...mutations: [name: string, args: unknown][]) => {
    const reply = await desk.post<PushResponse>(
      '/api/v1/sync/push',
      outbox.push(mutations.map(([name, args]) => outbox.mutation(name, args))),
    );
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const stored = async () => {
    const { db } = suite.database();
    const ids = async (table: 'interactions' | 'incidents' | 'requests') =>
      (await db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);
    return {
      interactions: await ids('interactions'),
      incidents: await ids('incidents'),
      requests: await ids('requests'),
    };
  };

  it('refuses a caller, component or group that is not in the directory, and stores nothing', async () => {
    const answer = await push(
      ['interaction.create', createArgs('i-1', { openedFor: 'usr_does_not_exist' })],
      ['interaction.create', createArgs('i-2', { component: 'ci_does_not_exist' })],
      ['interaction.create', createArgs('i-3', { assignmentGroup: 'grp_does_not_exist' })],
      ['interaction.save', { ...createArgs('i-4'), assignedTo: 'usr_nobody' }],
    );
    expect(answer.lastMutationId).toBe(4);
    expect(answer.refused).toEqual([
      {
        mutationId: 1,
        reason: {
          code: 'rule',
          message: 'No user usr_does_not_exist in the directory.',
          fieldErrors: { openedFor: 'No user usr_does_not_exist in the directory.' },
        },
      },
      {
        mutationId: 2,
        reason: expect.objectContaining({
          message: 'No configuration item ci_does_not_exist in the directory.',
        }) as unknown,
      },
      {
        mutationId: 3,
        reason: expect.objectContaining({
          message: 'No assignment group grp_does_not_exist in the directory.',
        }) as unknown,
      },
      {
        mutationId: 4,
        reason: expect.objectContaining({
          message: 'No user usr_nobody in the directory.',
        }) as unknown,
      },
    ]);
    expect(await stored()).toEqual({ interactions: [], incidents: [], requests: [] });

    // Needs attention learns of them from a pull too, like any refusal.
    const pulled = await desk.post<PullResponse>('/api/v1/sync/pull', {
      clientId: 'desk-a',
      cursor: null,
      firstPendingMutationId: 1,
    });
    expect(pulled.body.refused.map((r) => r.mutationId)).toEqual([1, 2, 3, 4]);
  });

  it('refuses unknown references in changes and escalations, applying the rest of the push', async () => {
    const answer = await push(
      ['interaction.create', takenInteraction('i-1')],
      ['interaction.update', { id: 'i-1', changes: { openedFor: 'usr_does_not_exist' } }],
      ['incident.createFromInteraction', incidentArgs('inc-1', 'i-1', { caller: 'usr_ghost' })],
      [
        'request.createFromInteraction',
        {
          id: 'req-1',
          interactionId: 'i-1',
          requestedFor: 'usr_ghost',
          catalogItem: LAPTOP.id,
          answers: { model: 'ultra', reason: 'New starter' },
        },
      ],
      ['incident.createFromInteraction', incidentArgs('inc-2', 'i-1')],
    );
    expect(answer.refused.map((r) => [r.mutationId, r.reason.message])).toEqual([
      [2, 'No user usr_does_not_exist in the directory.'],
      [3, 'No user usr_ghost in the directory.'],
      [4, 'No user usr_ghost in the directory.'],
    ]);
    expect(await stored()).toEqual({ interactions: ['i-1'], incidents: ['inc-2'], requests: [] });
    const pulled = await desk.post<PullResponse>('/api/v1/sync/pull', {
      clientId: 'desk-b',
      cursor: null,
    });
    expect(pulled.body.interactions[0]?.openedFor).toBe('caller-1');
  });
});
