import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Visit } from '../../shared/domain/visit';
import type { ApiErrorBody } from '../../shared/sync/server-api';
import type { VisitList } from '../../shared/sync/visits-read-api';
import { ApiClient, DeskOutbox, seedDirectory, signIn, testServer } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';

const checkIn = (id: string, location: string, over: Record<string, unknown> = {}) => ({
  id,
  location,
  person: 'caller-1',
  reason: 'Laptop',
  ...over,
});

describeOnDatabases('the visits read API', (suite) => {
  let app: FastifyInstance;
  let reader: ApiClient;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    // The server's clock orders changes (since): the desk pushes on two days.
    let clock = new Date('2026-11-21T09:05:00.000Z');
    app = await testServer(suite.database(), { now: () => clock });
    reader = await signIn(app);
    const desk = new DeskOutbox('desk-a');
    await reader.post(
      '/api/v1/sync/push',
      desk.push([
        desk.mutation('visit.checkIn', checkIn('v-1', 'loc-hq'), '2026-11-21T09:00:00.000Z'),
        desk.mutation(
          'visit.checkIn',
          checkIn('v-2', 'loc-b2', { person: null, guestName: 'Lee Park' }),
          '2026-11-21T09:01:00.000Z',
        ),
      ]),
    );
    clock = new Date('2026-11-22T11:05:00.000Z');
    await reader.post(
      '/api/v1/sync/push',
      desk.push([
        desk.mutation(
          'visit.checkIn',
          checkIn('v-3', 'loc-hq', { person: 'caller-2' }),
          '2026-11-22T09:00:00.000Z',
        ),
        desk.mutation(
          'visit.call',
          { id: 'v-1', station: 'Counter 1' },
          '2026-11-22T10:00:00.000Z',
        ),
      ]),
    );
  });
  afterEach(() => app.close());

  const list = (query = '') => reader.get<VisitList & ApiErrorBody>(`/api/v1/visits${query}`);
  const numbers = (reply: { body: VisitList }) => reply.body.visits.map((v) => v.number);

  it('lists newest number first', async () => {
    expect(numbers(await list())).toEqual(['VIS0001003', 'VIS0001002', 'VIS0001001']);
  });

  it('filters by location, state and last change', async () => {
    expect(numbers(await list('?location=loc-hq'))).toEqual(['VIS0001003', 'VIS0001001']);
    expect(numbers(await list('?location=loc-hq&state=Waiting'))).toEqual(['VIS0001003']);
    expect(numbers(await list('?state=Called'))).toEqual(['VIS0001001']);
    expect(numbers(await list('?state=In%20service'))).toEqual([]);
    expect(numbers(await list('?since=2026-11-22T00:00:00Z'))).toEqual([
      'VIS0001003',
      'VIS0001001',
    ]);
  });

  it('pages with a cursor until the last page says null', async () => {
    const first = await list('?limit=2');
    expect(numbers(first)).toEqual(['VIS0001003', 'VIS0001002']);
    const second = await list(`?limit=2&cursor=${first.body.nextCursor ?? ''}`);
    expect(numbers(second)).toEqual(['VIS0001001']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('gets one visit by its id or its number', async () => {
    const byId = await reader.get<Visit>('/api/v1/visits/v-2');
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({
      number: 'VIS0001002',
      person: null,
      displayName: 'Lee Park',
      state: 'Waiting',
    });
    const byNumber = await reader.get<Visit>('/api/v1/visits/VIS0001001');
    expect(byNumber.body).toMatchObject({
      id: 'v-1',
      state: 'Called',
      calledBy: 'agent-1',
      station: 'Counter 1',
    });
  });

  it('answers 404 for a visit the server does not have, and 400 for a provisional number', async () => {
    const missing = await reader.get<ApiErrorBody>('/api/v1/visits/VIS0009999');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({
      code: 'not-found',
      message: 'There is no visit VIS0009999 on the server.',
    });
    expect((await reader.get('/api/v1/visits/v-404')).status).toBe(404);
    const provisional = await reader.get<ApiErrorBody>('/api/v1/visits/VIS-P0001');
    expect(provisional.status).toBe(400);
    expect(provisional.body.error.fieldErrors?.visit).toMatch(/VIS0001001/);
  });

  it('answers 400 naming the field for a bad filter', async () => {
    const cases: [string, string][] = [
      ['?state=Served', 'state'],
      ['?limit=0', 'limit'],
      ['?limit=201', 'limit'],
      ['?since=yesterday', 'since'],
      ['?cursor=not-a-cursor', 'cursor'],
      ['?colour=blue', '_'],
      ['?location=a&location=b', 'location'],
    ];
    for (const [query, field] of cases) {
      const reply = await list(query);
      expect(reply.status, query).toBe(400);
      expect(reply.body.error.code, query).toBe('invalid-input');
      expect(Object.keys(reply.body.error.fieldErrors ?? {}), query).toContain(field);
    }
  });

  it('is for agents and admins: a technician is refused, and no token is a 401', async () => {
    const admin = await signIn(app, 'adam.admin');
    expect(numbers(await admin.get<VisitList>('/api/v1/visits'))).toHaveLength(3);
    const technician = await signIn(app, 'tess.tech');
    expect((await technician.get('/api/v1/visits')).status).toBe(403);
    expect((await technician.get('/api/v1/visits/v-1')).status).toBe(403);
    expect((await new ApiClient(app).get('/api/v1/visits')).status).toBe(401);
  });
});
