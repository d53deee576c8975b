import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Interaction } from '../../shared/domain/interaction';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';
import type { ApiErrorBody } from '../../shared/sync/server-api';
import {
  ApiClient,
  createArgs,
  DeskOutbox,
  seedDirectory,
  signIn,
  testServer,
} from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';

describeOnDatabases('pushing a desk’s outbox', (suite) => {
  let app: FastifyInstance;
  let desk: ApiClient;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    app = await testServer(suite.database());
    desk = await signIn(app);
  });
  afterEach(() => app.close());

  const pullAll = async (clientId: string, firstPendingMutationId?: number) =>
    (
      await desk.post<PullResponse>('/api/v1/sync/pull', {
        clientId,
        cursor: null,
        firstPendingMutationId,
      })
    ).body;

  it('applies a create with the real number and acknowledges the mutationId', async () => {
    const outbox = new DeskOutbox('desk-a');
    const reply = await desk.post<PushResponse>(
      '/api/v1/sync/push',
      outbox.push([
        outbox.mutation('interaction.create', createArgs('i-1', { workNote: 'Cleared the jam' })),
      ]),
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ lastMutationId: 1, refused: [] });
    const pulled = await pullAll('desk-a');
    expect(pulled.lastMutationId).toBe(1);
    expect(pulled.interactions).toEqual([
      expect.objectContaining({
        id: 'i-1',
        number: 'IMS0001001',
        numberProvisional: false,
        state: 'New',
        openedBy: 'agent-1',
        openedAt: '2026-11-23T10:00:00.000Z',
        workNotes: [expect.objectContaining({ authorName: 'Ana Agent', text: 'Cleared the jam' })],
      }),
    ]);
  });

  it('runs the same mutators as the desk: update, work note, close', async () => {
    const outbox = new DeskOutbox('desk-a');
    await desk.post(
      '/api/v1/sync/push',
      outbox.push([
        outbox.mutation('interaction.create', createArgs('i-1')),
        outbox.mutation('interaction.update', { id: 'i-1', changes: { assignedTo: 'agent-2' } }),
        outbox.mutation('interaction.addWorkNote', {
          id: 'i-1',
          noteId: 'n-1',
          text: 'Called back',
        }),
        outbox.mutation(
          'interaction.close',
          { id: 'i-1', state: 'Closed Complete' },
          '2026-11-23T10:04:30.000Z',
        ),
      ]),
    );
    const [record] = (await pullAll('desk-a')).interactions as [Interaction];
    expect(record).toMatchObject({
      state: 'Closed Complete',
      assignedTo: 'agent-2',
      closedBy: 'agent-1',
      handleTimeSeconds: 270,
    });
    expect(record.workNotes.map((n) => n.text)).toEqual(['Called back']);
  });

  it('applies a batch sent twice only once', async () => {
    const outbox = new DeskOutbox('desk-a');
    const push = outbox.push([
      outbox.mutation('interaction.create', createArgs('i-1')),
      outbox.mutation('interaction.addWorkNote', { id: 'i-1', noteId: 'n-1', text: 'First' }),
      outbox.mutation('interaction.create', createArgs('i-2')),
    ]);
    const first = await desk.post<PushResponse>('/api/v1/sync/push', push);
    const again = await desk.post<PushResponse>('/api/v1/sync/push', push);
    expect(again.body).toEqual(first.body);
    const pulled = await pullAll('desk-a');
    expect(pulled.interactions.map((i) => i.number).sort()).toEqual(['IMS0001001', 'IMS0001002']);
    expect(pulled.interactions.find((i) => i.id === 'i-1')?.workNotes).toHaveLength(1);
  });

  it('takes a retried batch that overlaps what was applied, applying only the new part', async () => {
    const outbox = new DeskOutbox('desk-a');
    const m1 = outbox.mutation('interaction.create', createArgs('i-1'));
    const m2 = outbox.mutation('interaction.create', createArgs('i-2'));
    await desk.post('/api/v1/sync/push', outbox.push([m1]));
    const reply = await desk.post<PushResponse>('/api/v1/sync/push', outbox.push([m1, m2]));
    expect(reply.body.lastMutationId).toBe(2);
    expect((await pullAll('desk-a')).interactions).toHaveLength(2);
  });

  it('refuses a gap with 409 and the mutationId it expects, applying nothing', async () => {
    const outbox = new DeskOutbox('desk-a');
    await desk.post(
      '/api/v1/sync/push',
      outbox.push([outbox.mutation('interaction.create', createArgs('i-1'))]),
    );
    outbox.mutation('interaction.create', createArgs('i-lost'));
    const reply = await desk.post<ApiErrorBody>(
      '/api/v1/sync/push',
      outbox.push([outbox.mutation('interaction.create', createArgs('i-3'))]),
    );
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({ code: 'mutation-gap', expectedMutationId: 2 });
    expect(reply.body.error.message).toMatch(/expected 2 next, not 3/);
    expect((await pullAll('desk-a')).interactions.map((i) => i.id)).toEqual(['i-1']);
  });

  it('a new desk must start at mutationId 1', async () => {
    const reply = await desk.post<ApiErrorBody>('/api/v1/sync/push', {
      clientId: 'desk-new',
      mutations: [
        {
          mutationId: 5,
          name: 'interaction.create',
          args: createArgs('i-1'),
          at: '2026-11-23T10:00:00Z',
          actorId: 'agent-1',
        },
      ],
    });
    expect(reply.status).toBe(409);
    expect(reply.body.error.expectedMutationId).toBe(1);
  });

  it('keeps a refused mutation with its reason and still applies the ones after it', async () => {
    const outbox = new DeskOutbox('desk-a');
    const reply = await desk.post<PushResponse>(
      '/api/v1/sync/push',
      outbox.push([
        outbox.mutation('interaction.create', createArgs('i-1')),
        outbox.mutation('interaction.close', { id: 'i-1', state: 'Closed Complete' }),
        outbox.mutation('interaction.close', { id: 'i-1', state: 'Closed Abandoned' }),
        outbox.mutation('interaction.create', createArgs('i-2', { assignedTo: 'tech-1' })),
        outbox.mutation('interaction.addWorkNote', {
          id: 'i-1',
          noteId: 'n-1',
          text: 'Still noted',
        }),
      ]),
    );
    expect(reply.status).toBe(200);
    expect(reply.body.lastMutationId).toBe(5);
    expect(reply.body.refused).toEqual([
      {
        mutationId: 3,
        reason: { code: 'rule', message: 'IMS0001001 is already Closed Complete.' },
      },
      {
        mutationId: 4,
        reason: {
          code: 'rule',
          message: 'The interaction was not saved.',
          fieldErrors: { assignedTo: 'Assigned to must be a member of the Assignment group.' },
        },
      },
    ]);
    const pulled = await pullAll('desk-a', 1);
    expect(pulled.interactions.map((i) => [i.id, i.state, i.workNotes.length])).toEqual([
      ['i-1', 'Closed Complete', 1],
    ]);
    // The refused create used no number: the next record gets IMS0001002.
    const next = await desk.post<PushResponse>(
      '/api/v1/sync/push',
      outbox.push([outbox.mutation('interaction.create', createArgs('i-3'))]),
    );
    expect(next.body.refused).toEqual([]);
    expect((await pullAll('desk-a')).interactions.find((i) => i.id === 'i-3')?.number).toBe(
      'IMS0001002',
    );
  });

  it('tells a desk whose answer was lost which mutations were refused, on retry and on pull', async () => {
    const outbox = new DeskOutbox('desk-a');
    const push = outbox.push([
      outbox.mutation('interaction.update', { id: 'i-never', changes: { description: 'x' } }),
      outbox.mutation('interaction.create', createArgs('i-1')),
    ]);
    await desk.post('/api/v1/sync/push', push);
    const retried = await desk.post<PushResponse>('/api/v1/sync/push', push);
    expect(retried.body.refused).toEqual([
      { mutationId: 1, reason: expect.objectContaining({ code: 'not-found' }) as unknown },
    ]);
    expect((await pullAll('desk-a', 1)).refused.map((r) => r.mutationId)).toEqual([1]);
    expect((await pullAll('desk-a', 2)).refused).toEqual([]);
    expect((await pullAll('desk-a')).refused).toEqual([]);
  });

  it('refuses, rather than rejects, a mutation it cannot read, so the outbox keeps moving', async () => {
    const outbox = new DeskOutbox('desk-a');
    const reply = await desk.post<PushResponse>(
      '/api/v1/sync/push',
      outbox.push([
        outbox.mutation('interaction.teleport', { id: 'i-1' }),
        outbox.mutation('interaction.create', { ...createArgs('i-1'), shortDescription: '   ' }),
        outbox.mutation('interaction.create', createArgs('i-2')),
      ]),
    );
    expect(reply.body.refused).toEqual([
      {
        mutationId: 1,
        reason: {
          code: 'unknown-operation',
          message: 'There is no command called interaction.teleport.',
        },
      },
      {
        mutationId: 2,
        reason: {
          code: 'invalid-input',
          message: 'Check Short description.',
          fieldErrors: { shortDescription: 'Short description is required.' },
        },
      },
    ]);
    expect((await pullAll('desk-a')).interactions.map((i) => i.id)).toEqual(['i-2']);
  });

  it('refuses, applying nothing, a change whose author is not the signed-in agent', async () => {
    // Signed in as Ana; the desk says a caller made it: that author's own token is needed.
    const outbox = new DeskOutbox('desk-a', 'caller-1');
    const reply = await desk.post<ApiErrorBody>(
      '/api/v1/sync/push',
      outbox.push([
        outbox.mutation('interaction.create', createArgs('i-1', { workNote: 'First note' })),
      ]),
    );
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('forbidden');
    expect((await pullAll('desk-a')).interactions).toEqual([]);
  });

  it('refuses with 409 client-conflict a different mutation under an id this client already used', async () => {
    // Two installations with one clientId (a copied profile): the original pushed 1–3 …
    const original = new DeskOutbox('desk-a');
    const shared = original.mutation('interaction.create', createArgs('i-1'));
    const refusedBoth = original.mutation('interaction.update', {
      id: 'i-never',
      changes: { description: 'x' },
    });
    await desk.post(
      '/api/v1/sync/push',
      original.push([
        shared,
        refusedBoth,
        original.mutation('interaction.create', createArgs('i-2')),
      ]),
    );
    // … the copy holds the same 1–2 and its own 3 and 4.
    const copy = new DeskOutbox('desk-a');
    copy.mutation('x', {});
    copy.mutation('x', {});
    const own = [
      copy.mutation('interaction.create', createArgs('i-copy')),
      copy.mutation('interaction.create', createArgs('i-copy-2')),
    ];
    const reply = await desk.post<ApiErrorBody>(
      '/api/v1/sync/push',
      copy.push([shared, refusedBoth, ...own]),
    );
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({
      code: 'client-conflict',
      firstConflictingMutationId: 3,
      refused: [{ mutationId: 2, reason: { code: 'not-found' } }],
    });
    // Nothing of the push was applied, and the original's history is untouched.
    const pulled = await pullAll('desk-a');
    expect(pulled.interactions.map((i) => i.id)).toEqual(['i-1', 'i-2']);
    expect(pulled.lastMutationId).toBe(3);

    // The same mutations again are still just skipped.
    const retried = await desk.post<PushResponse>(
      '/api/v1/sync/push',
      original.push([shared, refusedBoth]),
    );
    expect(retried.status).toBe(200);
    expect(retried.body.lastMutationId).toBe(3);
  });

  it('treats a create of an id the server already has as the same record', async () => {
    const a = new DeskOutbox('desk-a');
    const b = new DeskOutbox('desk-b', 'agent-2');
    const bo = await signIn(app, 'bo.agent');
    await desk.post(
      '/api/v1/sync/push',
      a.push([a.mutation('interaction.create', createArgs('i-1'))]),
    );
    const reply = await bo.post<PushResponse>(
      '/api/v1/sync/push',
      b.push([b.mutation('interaction.create', createArgs('i-1'))]),
    );
    expect(reply.body).toEqual({ lastMutationId: 1, refused: [] });
    const pulled = await pullAll('desk-b');
    expect(pulled.interactions.map((i) => [i.number, i.openedBy])).toEqual([
      ['IMS0001001', 'agent-1'],
    ]);
  });

  it('gives every interaction a unique number under concurrent pushes from several desks', async () => {
    const desks = Array.from(
      { length: 6 },
      (_, d) => new DeskOutbox(`desk-${d}`, d % 2 === 0 ? 'agent-1' : 'agent-2'),
    );
    const perDesk = 5;
    const bo = await signIn(app, 'bo.agent');
    await Promise.all(
      desks.map(async (outbox, d) => {
        for (let n = 0; n < perDesk; n++) {
          const reply = await (d % 2 === 0 ? desk : bo).post<PushResponse>(
            '/api/v1/sync/push',
            outbox.push([outbox.mutation('interaction.create', createArgs(`i-${d}-${n}`))]),
          );
          expect(reply.status).toBe(200);
        }
      }),
    );
    const numbers = (await pullAll('any')).interactions.map((i) => i.number).sort();
    expect(numbers).toHaveLength(desks.length * perDesk);
    expect(numbers).toEqual(
      Array.from(
        { length: desks.length * perDesk },
        (_, k) => `IMS${String(1001 + k).padStart(7, '0')}`,
      ),
    );
  });

  it('needs a signed-in desk', async () => {
    const anonymous = new ApiClient(app);
    const reply = await anonymous.post<ApiErrorBody>('/api/v1/sync/push', {
      clientId: 'x',
      mutations: [],
    });
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('unauthorized');
  });
});
