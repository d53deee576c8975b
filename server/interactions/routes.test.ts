import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type {
  ApiErrorBody,
  InteractionList,
  ReadApiInteraction,
} from '../../shared/sync/server-api';
import {
  ApiClient,
  createArgs,
  DeskOutbox,
  seedDirectory,
  signIn,
  testServer,
} from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';

const INTERNAL_NOTE = 'Internal: caller asked twice already, escalate if it jams again';

describeOnDatabases('the interactions read API', (suite) => {
  let app: FastifyInstance;
  let reader: ApiClient;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    // The server's clock orders changes (updatedSince): the desk pushes on two days.
    let clock = new Date('2026-11-21T09:05:00.000Z');
    app = await testServer(suite.database(), { now: () => clock });
    reader = await signIn(app);
    const desk = new DeskOutbox('desk-a');
    await reader.post(
      '/api/v1/sync/push',
      desk.push([
        desk.mutation('interaction.create', createArgs('i-1'), '2026-11-20T09:00:00.000Z'),
        desk.mutation(
          'interaction.create',
          createArgs('i-2', { openedFor: 'caller-2' }),
          '2026-11-21T09:00:00.000Z',
        ),
      ]),
    );
    clock = new Date('2026-11-22T11:05:00.000Z');
    await reader.post(
      '/api/v1/sync/push',
      desk.push([
        desk.mutation('interaction.create', createArgs('i-3'), '2026-11-22T09:00:00.000Z'),
        desk.mutation(
          'interaction.close',
          { id: 'i-1', state: 'Closed Complete' },
          '2026-11-22T10:00:00.000Z',
        ),
        desk.mutation(
          'interaction.addWorkNote',
          { id: 'i-1', noteId: 'n-1', text: INTERNAL_NOTE },
          '2026-11-22T11:00:00.000Z',
        ),
      ]),
    );
  });
  afterEach(() => app.close());

  const list = (query = '') =>
    reader.get<InteractionList & ApiErrorBody>(`/api/v1/interactions${query}`);
  const numbers = (reply: { body: InteractionList }) =>
    reply.body.interactions.map((i) => i.number);

  it('lists newest number first', async () => {
    expect(numbers(await list())).toEqual(['IMS0001003', 'IMS0001002', 'IMS0001001']);
  });

  it('filters by state, caller and last update', async () => {
    expect(numbers(await list('?state=Closed%20Complete'))).toEqual(['IMS0001001']);
    expect(numbers(await list('?state=New&openedFor=caller-1'))).toEqual(['IMS0001003']);
    expect(numbers(await list('?updatedSince=2026-11-22T00:00:00Z'))).toEqual([
      'IMS0001003',
      'IMS0001001',
    ]);
  });

  it('pages with a cursor until the last page says null', async () => {
    const first = await list('?limit=2');
    expect(numbers(first)).toEqual(['IMS0001003', 'IMS0001002']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list(`?limit=2&cursor=${first.body.nextCursor ?? ''}`);
    expect(numbers(second)).toEqual(['IMS0001001']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('gets one interaction by its number', async () => {
    const reply = await reader.get<ReadApiInteraction>('/api/v1/interactions/IMS0001001');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id: 'i-1', state: 'Closed Complete', closedBy: 'agent-1' });
  });

  it('leaves work notes out unless include=workNotes asks for them', async () => {
    // Work notes are internal (invariant 3) and an integration may face requesters.
    const unasked = [
      (await list()).body.interactions,
      (await list('?openedFor=caller-1&state=Closed%20Complete')).body.interactions,
      [(await reader.get<ReadApiInteraction>('/api/v1/interactions/IMS0001001')).body],
    ];
    for (const records of unasked) {
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) expect(record).not.toHaveProperty('workNotes');
      expect(JSON.stringify(records)).not.toContain(INTERNAL_NOTE);
    }
    const listed = await list('?include=workNotes');
    expect(listed.body.interactions.map((i) => i.workNotes?.length)).toEqual([0, 0, 1]);
    const one = await reader.get<ReadApiInteraction>(
      '/api/v1/interactions/IMS0001001?include=workNotes',
    );
    expect(one.body.workNotes?.map((n) => n.text)).toEqual([INTERNAL_NOTE]);
    // The admin may ask too; a technician may not use the read API at all.
    const admin = await signIn(app, 'adam.admin');
    const asAdmin = await admin.get<ReadApiInteraction>(
      '/api/v1/interactions/IMS0001001?include=workNotes',
    );
    expect(asAdmin.body.workNotes).toHaveLength(1);
    const technician = await signIn(app, 'tess.tech');
    expect((await technician.get('/api/v1/interactions/IMS0001001?include=workNotes')).status).toBe(
      403,
    );
  });

  it('answers 400 to an include it does not know, or to unknown parameters on one interaction', async () => {
    for (const url of [
      '/api/v1/interactions?include=everything',
      '/api/v1/interactions?include=',
      '/api/v1/interactions?include=workNotes&include=workNotes',
      '/api/v1/interactions/IMS0001001?include=notes',
      '/api/v1/interactions/IMS0001001?colour=blue',
    ]) {
      const reply = await reader.get<ApiErrorBody>(url);
      expect(reply.status, url).toBe(400);
      expect(reply.body.error.code, url).toBe('invalid-input');
    }
    const include = await reader.get<ApiErrorBody>('/api/v1/interactions?include=everything');
    expect(include.body.error.fieldErrors?.include).toBe('include can only be workNotes.');
  });

  it('answers 404 for a number the server does not have and 400 for something not a number', async () => {
    const missing = await reader.get<ApiErrorBody>('/api/v1/interactions/IMS0009999');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({
      code: 'not-found',
      message: 'There is no interaction IMS0009999 on the server.',
    });
    const provisional = await reader.get<ApiErrorBody>('/api/v1/interactions/IMS-P0001');
    expect(provisional.status).toBe(400);
    expect(provisional.body.error.fieldErrors?.number).toMatch(/IMS0001001/);
  });

  it('answers 400 naming the field for a bad filter', async () => {
    const cases: [string, string][] = [
      ['?state=Open', 'state'],
      ['?limit=0', 'limit'],
      ['?limit=201', 'limit'],
      ['?limit=ten', 'limit'],
      ['?limit=99999999999999999999999', 'limit'],
      ['?updatedSince=yesterday', 'updatedSince'],
      ['?updatedSince=0000-01-01T00:00:00Z', 'updatedSince'],
      ['?cursor=not-a-cursor', 'cursor'],
      [`?cursor=${Buffer.from('{"before":-1}').toString('base64url')}`, 'cursor'],
      ['?colour=blue', '_'],
      ['?state=New&state=On%20Hold', 'state'],
    ];
    for (const [query, field] of cases) {
      const reply = await list(query);
      expect(reply.status, query).toBe(400);
      expect(reply.body.error.code, query).toBe('invalid-input');
      expect(Object.keys(reply.body.error.fieldErrors ?? {}), query).toContain(field);
    }
  });

  it('needs a token', async () => {
    expect((await new ApiClient(app).get('/api/v1/interactions')).status).toBe(401);
  });
});
