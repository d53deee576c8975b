// The kiosk's endpoints on a real database: check-in by employee id, email, badge or as a guest,
// bad input and unknown people change nothing, only kiosk accounts may, the survey of a Done visit.

import { expect, it } from 'vitest';
import type { Directory } from '../../shared/domain/directory';
import type { KioskVisitStatus, WalkUpLocationSummary } from '../../shared/sync/walk-up-api';
import { toNumber } from '../db/values';
import {
  type ApiClient,
  DeskOutbox,
  seedDirectory,
  signIn,
  smallDirectory,
  testServer,
} from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { kioskClientId } from './kiosk-apply';
import { NOT_RECOGNIZED } from './kiosk-identify';

const LOCATION = 'loc-hq';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function walkUpDirectory(): Directory {
  const directory = smallDirectory();
  const [ana] = directory.users;
  if (!ana) throw new Error('the small directory has no agent');
  const restricted = (userId: string, userName: string, role: 'kiosk' | 'lobby') => ({
    ...ana,
    id: userId,
    userName,
    name: userName,
    firstName: userName,
    lastName: '',
    email: `${userName}@deskpad.example`,
    employeeId: '',
    roles: [role],
  });
  directory.users.push(
    restricted('kiosk-1', 'kiosk.hq', 'kiosk'),
    restricted('kiosk-2', 'kiosk.b2', 'kiosk'),
    restricted('lobby-1', 'lobby.hq', 'lobby'),
    {
      ...ana,
      id: 'vip-1',
      userName: 'vera.vip',
      name: 'Vera Vip',
      firstName: 'Vera',
      lastName: 'Vip',
      email: 'Vera.Vip@deskpad.example',
      employeeId: 'E-9001',
      vip: true,
      roles: [],
    },
    {
      ...ana,
      id: 'gone-1',
      userName: 'gus.gone',
      name: 'Gus Gone',
      firstName: 'Gus',
      lastName: 'Gone',
      email: 'gus.gone@deskpad.example',
      employeeId: 'E-9002',
      active: false,
      roles: [],
    },
  );
  return directory;
}

describeOnDatabases('the kiosk endpoints', (suite) => {
  const setUp = async () => {
    const database = suite.database();
    await seedDirectory(database, walkUpDirectory());
    await database.db
      .insertInto('locations')
      .values([
        {
          id: LOCATION,
          name: 'Service Desk — HQ',
          version: 1,
          reasons: JSON.stringify(['Printer', 'Password or account']),
        },
        { id: 'loc-closed', name: 'Old desk', version: 2, active: false },
      ])
      .execute();
    await database.db
      .updateTable('users')
      .set({ badge_number: '0042 7731' })
      .where('id', '=', 'caller-2')
      .execute();
    const app = await testServer(database);
    return { database, app, kiosk: await signIn(app, 'kiosk.hq') };
  };
  const checkIn = (kiosk: ApiClient, n: number, over: Record<string, unknown>) =>
    kiosk.post<KioskVisitStatus>('/api/v1/kiosk/check-ins', {
      id: id(n),
      location: LOCATION,
      reason: 'Printer',
      ...over,
    });
  const visitCount = async (database: ReturnType<typeof suite.database>) =>
    (await database.db.selectFrom('visits').select('id').execute()).length;

  it('checks people in by employee id, email, badge or as a guest, in order with a position', async () => {
    const { database, app, kiosk } = await setUp();
    try {
      const first = await checkIn(kiosk, 1, { identifier: 'E-caller-1' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        greeting: 'Hello, Carla',
        state: 'Waiting',
        position: 1,
        surveyOpen: false,
      });
      expect(first.body.number).toMatch(/^VIS\d{7}$/);
      const second = await checkIn(kiosk, 2, {
        identifier: ' 0042 7731 ',
        reason: 'Password or account',
      });
      expect(second.body).toMatchObject({ greeting: 'Hello, Cyril', position: 2 });
      const third = await checkIn(kiosk, 3, {
        guestName: 'Gail Guest',
        reason: 'Something odd',
        reasonDetail: 'My badge',
      });
      expect(third.body).toMatchObject({ greeting: 'Hello, Gail', position: 3 });
      // A VIP goes first where the location says so (it does by default).
      const vip = await checkIn(kiosk, 4, { identifier: 'vera.vip@DESKPAD.example' });
      expect(vip.body).toMatchObject({ greeting: 'Hello, Vera', position: 1 });

      const rows = await database.db
        .selectFrom('visits')
        .select(['id', 'record', 'person'])
        .orderBy('seq')
        .execute();
      expect(rows.map((r) => r.person)).toEqual(['caller-1', 'caller-2', null, 'vip-1']);
      expect(rows[0]?.record).toMatchObject({
        channel: 'kiosk',
        checkedInBy: 'kiosk-1',
        displayName: 'Carla Caller',
        location: LOCATION,
      });
      expect(rows[2]?.record).toMatchObject({ guestName: 'Gail Guest', reasonDetail: 'My badge' });
      expect(rows[3]?.record).toMatchObject({ vip: true });
      // Through the same push path: the kiosk's own change stream, every change logged.
      const client = await database.db
        .selectFrom('clients')
        .select('last_mutation_id')
        .where('client_id', '=', kioskClientId('kiosk-1'))
        .executeTakeFirstOrThrow();
      expect(toNumber(client.last_mutation_id)).toBe(4);

      // A retry of the same check-in is the same visit.
      const again = await checkIn(kiosk, 1, { identifier: 'E-caller-1' });
      expect(again.status).toBe(200);
      expect(again.body.number).toBe(first.body.number);
      expect(await visitCount(database)).toBe(4);

      const status = await kiosk.get<KioskVisitStatus>(`/api/v1/kiosk/visits/${id(2)}`);
      expect(status.body).toMatchObject({ state: 'Waiting', position: 3 });
      // Another kiosk account sees none of this kiosk's visits.
      const other = await signIn(app, 'kiosk.b2');
      expect((await other.get(`/api/v1/kiosk/visits/${id(2)}`)).status).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('turns away unknown, inactive and ambiguous people and bad input, changing nothing', async () => {
    const { database, app, kiosk } = await setUp();
    try {
      for (const identifier of [
        'E-nobody',
        'E-9002',
        'gus.gone@deskpad.example',
        'kiosk.b2@deskpad.example',
      ]) {
        const reply = await checkIn(kiosk, 10, { identifier });
        expect(reply.status, identifier).toBe(400);
        expect(reply.body).toMatchObject({
          error: { code: 'invalid-input', message: NOT_RECOGNIZED },
        });
      }
      const bad = [
        {},
        { identifier: 'E-caller-1', guestName: 'Both' },
        { guestName: 'Gail', reason: '' },
        { guestName: 'x'.repeat(121) },
        { guestName: 'Gail', location: 'loc-nowhere' },
        { guestName: 'Gail', location: 'loc-closed' },
        { guestName: 'Gail', extra: true },
      ];
      for (const over of bad) {
        const reply = await checkIn(kiosk, 11, over);
        expect([400, 404], JSON.stringify(over)).toContain(reply.status);
        const { error } = reply.body as unknown as { error: { message: unknown } };
        expect(typeof error.message).toBe('string');
      }
      expect(await visitCount(database)).toBe(0);
      expect((await kiosk.get('/api/v1/kiosk/visits/not-a-visit')).status).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('is for kiosk accounts only, and a kiosk account may do nothing else', async () => {
    const { database, app, kiosk } = await setUp();
    try {
      const agent = await signIn(app, 'ana.agent');
      const lobby = await signIn(app, 'lobby.hq');
      for (const client of [agent, lobby, new (kiosk.constructor as typeof ApiClient)(app)]) {
        const reply = await checkIn(client, 20, { guestName: 'Gail' });
        expect([401, 403]).toContain(reply.status);
        expect([401, 403]).toContain((await client.get(`/api/v1/kiosk/visits/${id(20)}`)).status);
      }
      expect(await visitCount(database)).toBe(0);
      // Kiosk and lobby accounts sign in, and may do nothing a desk does.
      for (const [client, userId] of [
        [kiosk, 'kiosk-1'],
        [lobby, 'lobby-1'],
      ] as const) {
        const outbox = new DeskOutbox(`desk-${userId}`, userId);
        const refused = [
          await client.post('/api/v1/sync/pull', { clientId: outbox.clientId, cursor: null }),
          await client.post(
            '/api/v1/sync/push',
            outbox.push([
              outbox.mutation('visit.checkIn', {
                id: id(21),
                location: LOCATION,
                person: null,
                guestName: 'Gail',
                reason: 'Printer',
              }),
            ]),
          ),
          await client.get('/api/v1/sync/events'),
          await client.get('/api/v1/interactions'),
          await client.get('/api/v1/users?q=carla'),
          await client.get('/api/v1/directory'),
          await client.post('/api/v1/admin/agents.list', {}),
        ];
        expect(
          refused.map((r) => r.status),
          userId,
        ).toEqual(refused.map(() => 403));
      }
      expect(await visitCount(database)).toBe(0);

      // The location's summary is for the kiosk and lobby pages.
      for (const client of [kiosk, lobby]) {
        const summary = await client.get<WalkUpLocationSummary>(
          `/api/v1/walk-up/locations/${LOCATION}`,
        );
        expect(summary.body).toEqual({
          id: LOCATION,
          name: 'Service Desk — HQ',
          reasons: ['Printer', 'Password or account'],
          lobbyNames: 'first-name-last-initial',
          waitTargetMinutes: 10,
        });
      }
      expect((await kiosk.get('/api/v1/walk-up/locations/loc-closed')).status).toBe(404);
      expect(
        (
          await new (kiosk.constructor as typeof ApiClient)(app).get(
            `/api/v1/walk-up/locations/${LOCATION}`,
          )
        ).status,
      ).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('offers the survey once a visit is Done, takes one answer and keeps it', async () => {
    const { database, app, kiosk } = await setUp();
    try {
      await checkIn(kiosk, 30, { identifier: 'E-caller-1' });
      expect(
        (await kiosk.post(`/api/v1/kiosk/visits/${id(30)}/survey`, { rating: 5 })).status,
      ).toBe(409);
      const agent = await signIn(app, 'ana.agent');
      const desk = new DeskOutbox('desk-ana', 'agent-1');
      const served = await agent.post<{ refused: unknown[] }>(
        '/api/v1/sync/push',
        desk.push([
          desk.mutation('visit.call', { id: id(30), station: 'Counter 1' }),
          desk.mutation('visit.start', {
            id: id(30),
            interactionId: id(31),
            station: 'Counter 1',
            contactEmail: '',
            contactPhone: '',
          }),
          desk.mutation('visit.finish', { id: id(30) }),
        ]),
      );
      expect(served.body.refused).toEqual([]);
      const done = await kiosk.get<KioskVisitStatus>(`/api/v1/kiosk/visits/${id(30)}`);
      expect(done.body).toMatchObject({ state: 'Done', position: null, surveyOpen: true });

      for (const bad of [
        { rating: 0 },
        { rating: 6 },
        { rating: 2.5 },
        {},
        { rating: 4, comment: 'x'.repeat(1001) },
        { rating: 4, extra: 1 },
      ])
        expect(
          (await kiosk.post(`/api/v1/kiosk/visits/${id(30)}/survey`, bad)).status,
          JSON.stringify(bad),
        ).toBe(400);
      const rated = await kiosk.post<KioskVisitStatus>(`/api/v1/kiosk/visits/${id(30)}/survey`, {
        rating: 4,
        comment: ' Quick, thanks ',
      });
      expect(rated.status).toBe(200);
      expect(rated.body.surveyOpen).toBe(false);
      const row = await database.db
        .selectFrom('visits')
        .select('record')
        .where('id', '=', id(30))
        .executeTakeFirstOrThrow();
      expect(row.record).toMatchObject({ survey: { rating: 4, comment: 'Quick, thanks' } });
      // The same answer again is fine; another is refused and changes nothing.
      expect(
        (
          await kiosk.post(`/api/v1/kiosk/visits/${id(30)}/survey`, {
            rating: 4,
            comment: 'Quick, thanks',
          })
        ).status,
      ).toBe(200);
      expect(
        (await kiosk.post(`/api/v1/kiosk/visits/${id(30)}/survey`, { rating: 1 })).status,
      ).toBe(409);
      const after = await database.db
        .selectFrom('visits')
        .select('record')
        .where('id', '=', id(30))
        .executeTakeFirstOrThrow();
      expect(after.record).toMatchObject({ survey: { rating: 4 } });
    } finally {
      await app.close();
    }
  });

  it('numbers concurrent check-ins of one kiosk account one after another', async () => {
    const { database, app, kiosk } = await setUp();
    try {
      const replies = await Promise.all(
        [40, 41, 42, 43].map((n) => checkIn(kiosk, n, { guestName: `Guest ${n}` })),
      );
      expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      expect(await visitCount(database)).toBe(4);
      expect(new Set(replies.map((r) => r.body.number)).size).toBe(4);
    } finally {
      await app.close();
    }
  });
});
