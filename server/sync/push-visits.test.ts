// Walk-up visits through push and pull as every record: real numbers, a check-in's retry is one
// visit, the walk-in interaction and its close, and two desks calling the same person (the second
// is refused as a conflict, with the first desk's call kept).

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Visit } from '../../shared/domain/visit';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';
import { type ApiClient, DeskOutbox, seedDirectory, signIn, testServer } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';

const checkIn = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  location: 'loc-hq',
  person: 'caller-1',
  guestName: '',
  displayName: 'Carla Caller',
  vip: false,
  reason: 'Laptop',
  reasonDetail: '',
  channel: 'agent',
  ...over,
});

const start = (id: string, interactionId: string) => ({
  id,
  interactionId,
  station: 'Counter 1',
  contactEmail: '',
  contactPhone: '',
});

describeOnDatabases('visits through push and pull', (suite) => {
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

  const pullAll = async (client: ApiClient, clientId: string) => {
    const visits: Visit[] = [];
    let cursor: PullResponse['cursor'] | null = null;
    let last: PullResponse;
    do {
      const reply: { body: PullResponse } = await client.post<PullResponse>('/api/v1/sync/pull', {
        clientId,
        cursor,
        firstPendingMutationId: 1,
      });
      last = reply.body;
      visits.push(...last.visits);
      cursor = last.cursor;
    } while (last.more);
    return { visits, last };
  };

  it('numbers a check-in, and the same check-in again (a retry) is still one visit', async () => {
    const desk = new DeskOutbox('desk-a', 'agent-1');
    const first = desk.mutation('visit.checkIn', checkIn('v-1'));
    const reply = await ana.post<PushResponse>('/api/v1/sync/push', desk.push([first]));
    expect(reply.body).toEqual({ lastMutationId: 1, refused: [] });
    const again = desk.mutation('visit.checkIn', checkIn('v-1'));
    expect(
      (await ana.post<PushResponse>('/api/v1/sync/push', desk.push([again]))).body.refused,
    ).toEqual([]);
    const { visits } = await pullAll(ana, 'desk-b');
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({
      id: 'v-1',
      number: 'VIS0001001',
      numberProvisional: false,
      state: 'Waiting',
      displayName: 'Carla Caller',
      checkedInBy: 'agent-1',
    });
  });

  it('carries a visit from check-in to Done with its walk-in interaction, and the survey', async () => {
    const desk = new DeskOutbox('desk-a', 'agent-1');
    const reply = await ana.post<PushResponse>(
      '/api/v1/sync/push',
      desk.push([
        desk.mutation('visit.checkIn', checkIn('v-1'), '2026-11-23T10:00:00.000Z'),
        desk.mutation(
          'visit.call',
          { id: 'v-1', station: 'Counter 1' },
          '2026-11-23T10:02:00.000Z',
        ),
        desk.mutation('visit.start', start('v-1', 'i-1'), '2026-11-23T10:03:00.000Z'),
        desk.mutation(
          'interaction.close',
          { id: 'i-1', state: 'Closed Complete', visit: 'v-1' },
          '2026-11-23T10:10:00.000Z',
        ),
        desk.mutation(
          'visit.rate',
          { id: 'v-1', rating: 5, comment: '' },
          '2026-11-23T10:11:00.000Z',
        ),
      ]),
    );
    expect(reply.body).toEqual({ lastMutationId: 5, refused: [] });
    const pulled = await ana.post<PullResponse>('/api/v1/sync/pull', {
      clientId: 'desk-b',
      cursor: null,
    });
    expect(pulled.body.visits).toEqual([
      expect.objectContaining({
        id: 'v-1',
        state: 'Done',
        interaction: 'i-1',
        servedBy: 'agent-1',
        station: 'Counter 1',
        survey: expect.objectContaining({ rating: 5 }) as unknown,
      }),
    ]);
    expect(pulled.body.interactions).toEqual([
      expect.objectContaining({
        id: 'i-1',
        number: 'IMS0001001',
        type: 'Walk-in',
        openedFor: 'caller-1',
        shortDescription: 'Laptop',
        state: 'Closed Complete',
        visit: 'v-1',
      }),
    ]);
  });

  it('refuses the second of two desks calling the same person as a conflict, keeping the first call', async () => {
    const deskA = new DeskOutbox('desk-a', 'agent-1');
    await ana.post(
      '/api/v1/sync/push',
      deskA.push([deskA.mutation('visit.checkIn', checkIn('v-1'))]),
    );
    // Both desks call her while apart (offline); desk A reaches the server first.
    const deskB = new DeskOutbox('desk-b', 'agent-2');
    const callA = deskA.mutation('visit.call', { id: 'v-1', station: 'Counter 1' });
    const callB = deskB.mutation('visit.call', { id: 'v-1', station: 'Counter 2' });
    expect(
      (await ana.post<PushResponse>('/api/v1/sync/push', deskA.push([callA]))).body.refused,
    ).toEqual([]);
    const second = await bo.post<PushResponse>('/api/v1/sync/push', deskB.push([callB]));
    expect(second.body).toEqual({
      lastMutationId: 1,
      refused: [
        {
          mutationId: 1,
          reason: {
            code: 'conflict',
            message: 'Carla Caller was already called by Ana Agent to Counter 1; they are Called.',
          },
        },
      ],
    });
    // Desk B learns it on its pull too, and sees the visit as desk A left it.
    const { visits, last } = await pullAll(bo, 'desk-b');
    expect(last.refused.map((r) => [r.mutationId, r.reason.code])).toEqual([[1, 'conflict']]);
    expect(visits).toEqual([
      expect.objectContaining({
        id: 'v-1',
        state: 'Called',
        calledBy: 'agent-1',
        station: 'Counter 1',
      }),
    ]);
  });

  it('merges check-ins made apart in check-in order, whatever order they arrive in', async () => {
    const deskA = new DeskOutbox('desk-a', 'agent-1');
    const deskB = new DeskOutbox('desk-b', 'agent-2');
    // Desk B was offline and checked its visitor in first; it pushes last.
    await ana.post(
      '/api/v1/sync/push',
      deskA.push([deskA.mutation('visit.checkIn', checkIn('v-a'), '2026-11-23T10:05:00.000Z')]),
    );
    await bo.post(
      '/api/v1/sync/push',
      deskB.push([
        deskB.mutation(
          'visit.checkIn',
          checkIn('v-b', { person: null, guestName: 'Lee Park' }),
          '2026-11-23T10:01:00.000Z',
        ),
      ]),
    );
    const { visits } = await pullAll(ana, 'desk-c');
    const byCheckIn = [...visits].sort((a, b) => a.checkedInAt.localeCompare(b.checkedInAt));
    expect(byCheckIn.map((v) => v.id)).toEqual(['v-b', 'v-a']);
    expect(byCheckIn.map((v) => v.checkedInAt)).toEqual([
      '2026-11-23T10:01:00.000Z',
      '2026-11-23T10:05:00.000Z',
    ]);
  });

  it('refuses a call on a visit the server does not have, and changes nothing', async () => {
    const desk = new DeskOutbox('desk-a', 'agent-1');
    const reply = await ana.post<PushResponse>(
      '/api/v1/sync/push',
      desk.push([desk.mutation('visit.call', { id: 'v-404', station: 'Counter 1' })]),
    );
    expect(reply.body.refused.map((r) => r.reason.code)).toEqual(['not-found']);
    expect((await pullAll(ana, 'desk-b')).visits).toEqual([]);
  });

  it('refuses a check-in for someone not in the directory, and changes nothing', async () => {
    const desk = new DeskOutbox('desk-a', 'agent-1');
    const reply = await ana.post<PushResponse>(
      '/api/v1/sync/push',
      desk.push([desk.mutation('visit.checkIn', checkIn('v-1', { person: 'nobody-9' }))]),
    );
    expect(reply.body.refused.map((r) => r.reason)).toEqual([
      expect.objectContaining({ code: 'rule', message: 'No user nobody-9 in the directory.' }),
    ]);
    expect((await pullAll(ana, 'desk-b')).visits).toEqual([]);
  });

  it('gives a technician’s desk the whole queue, not only the records it works', async () => {
    const desk = new DeskOutbox('desk-a', 'agent-1');
    await ana.post(
      '/api/v1/sync/push',
      desk.push([desk.mutation('visit.checkIn', checkIn('v-1'))]),
    );
    const tess = await signIn(app, 'tess.tech');
    const bar = new DeskOutbox('desk-t', 'tech-1');
    const reply = await tess.post<PushResponse>(
      '/api/v1/sync/push',
      bar.push([
        bar.mutation('visit.checkIn', checkIn('v-2', { person: 'caller-2' })),
        bar.mutation('visit.call', { id: 'v-1', station: 'Tech Bar 1' }),
      ]),
    );
    expect(reply.body.refused).toEqual([]);
    const { visits } = await pullAll(tess, 'desk-t');
    expect(visits.map((v) => [v.id, v.number, v.state])).toEqual([
      ['v-2', 'VIS0001002', 'Waiting'],
      ['v-1', 'VIS0001001', 'Called'],
    ]);
  });
});
