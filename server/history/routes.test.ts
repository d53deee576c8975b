// The read API's history search on hand-built history: by number (exact, as typed, its beginning),
// by caller, by words of the short description or description; ranked, paged, filtered by kind,
// never a work note; bad input answered 400 by field, and only for the read API's roles.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { HistorySearchResult } from '../../shared/sync/history-search-api';
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
import { incidentArgs } from '../sync/task-fixtures';

const INTERNAL_NOTE = 'Internal: printer vendor ticket 4471';

describeOnDatabases('the history search (read API)', (suite) => {
  let app: FastifyInstance;
  let reader: ApiClient;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    // The server's clock orders changes: each push an hour later, so "newest first" is clear.
    let clock = new Date('2026-11-23T09:00:00.000Z');
    app = await testServer(suite.database(), { now: () => clock });
    reader = await signIn(app);
    const desk = new DeskOutbox('desk-a');
    const push = async (...mutations: ReturnType<DeskOutbox['mutation']>[]) => {
      const reply = await reader.post<{ refused: unknown[] }>(
        '/api/v1/sync/push',
        desk.push(mutations),
      );
      expect(reply.body.refused).toEqual([]);
      clock = new Date(clock.getTime() + 3_600_000);
    };
    await push(
      desk.mutation(
        'interaction.create',
        createArgs('i-1', {
          shortDescription: 'Printer jams on floor 3',
          description: 'Tray two sticks',
        }),
      ),
      desk.mutation('interaction.addWorkNote', { id: 'i-1', noteId: 'n-1', text: INTERNAL_NOTE }),
    );
    await push(
      desk.mutation(
        'interaction.create',
        createArgs('i-2', {
          openedFor: 'caller-2',
          shortDescription: 'VPN drops every hour',
          assignedTo: 'agent-1',
        }),
      ),
    );
    await push(
      desk.mutation(
        'interaction.create',
        createArgs('i-3', { shortDescription: 'Printer toner empty' }),
      ),
      desk.mutation(
        'incident.createFromInteraction',
        incidentArgs('inc-1', 'i-2', {
          caller: 'caller-2',
          shortDescription: 'VPN drops every hour on the 3rd floor',
        }),
      ),
    );
    await push(
      desk.mutation(
        'interaction.create',
        createArgs('i-4', { openedFor: 'caller-2', shortDescription: 'New monitor for Carla' }),
      ),
    );
  });
  afterEach(() => app.close());

  const search = (query: string, client = reader) =>
    client.get<HistorySearchResult & ApiErrorBody>(`/api/v1/search?${query}`);
  const found = async (query: string) =>
    (await search(query)).body.hits.map((h) => `${h.number} ${h.match}`);

  it('finds records by words of the short description or description, each word a beginning', async () => {
    expect(await found('q=print')).toEqual(['IMS0001003 words', 'IMS0001001 words']);
    expect(await found('q=prin%20JAM')).toEqual(['IMS0001001 words']);
    expect(await found('q=tray')).toEqual(['IMS0001001 words']);
    expect(await found('q=vpn%20hour')).toEqual(['INC0001001 words', 'IMS0001002 words']);
    expect(await found('q=nothing%20like%20this')).toEqual([]);
    // Any script is words, never a syntax error.
    for (const q of ['١٢٣ ٤٥', '打印机 卡纸', 'Ærøskøbing', 'xx!yy|zz&ww:*'])
      expect((await search(`q=${encodeURIComponent(q)}`)).status, q).toBe(200);
  });

  it('finds a number exactly as typed, by its beginning, or by its digits in every kind', async () => {
    expect(await found('q=IMS0001002')).toEqual(['IMS0001002 number']);
    expect(await found('q=ims1002')).toEqual(['IMS0001002 number']);
    expect(await found('q=1001')).toEqual(['INC0001001 number', 'IMS0001001 number']);
    expect(await found('q=IMS00010')).toEqual([
      'IMS0001004 number-prefix',
      // IMS0001002 changed with IMS0001003 when the incident was made from it.
      'IMS0001002 number-prefix',
      'IMS0001003 number-prefix',
      'IMS0001001 number-prefix',
    ]);
    expect(await found('q=INC0009999')).toEqual([]);
  });

  it('finds a caller’s records before records that only name them, with the caller’s name', async () => {
    const reply = await search('q=carla');
    expect(reply.status).toBe(200);
    expect(reply.body.hits.map((h) => `${h.number} ${h.match}`)).toEqual([
      'IMS0001003 caller',
      'IMS0001001 caller',
      'IMS0001004 words',
    ]);
    expect(reply.body.hits[0]).toMatchObject({
      kind: 'interaction',
      id: 'i-3',
      shortDescription: 'Printer toner empty',
      state: 'New',
      callerId: 'caller-1',
      callerName: 'Carla Caller',
      updatedAt: '2026-11-23T11:00:00.000Z',
    });
    expect(await found('q=cyril&kind=incident')).toEqual(['INC0001001 caller']);
  });

  it('keeps to one kind when asked', async () => {
    expect(await found('q=vpn&kind=incident')).toEqual(['INC0001001 words']);
    expect(await found('q=vpn&kind=interaction')).toEqual(['IMS0001002 words']);
    expect(await found('q=vpn&kind=request')).toEqual([]);
  });

  it('pages with a cursor across matches until the last page says null', async () => {
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page++) {
      const reply = await search(`q=carla&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(reply.status).toBe(200);
      seen.push(...reply.body.hits.map((h) => h.number));
      if (reply.body.nextCursor === null) break;
      cursor = reply.body.nextCursor;
    }
    expect(seen).toEqual(['IMS0001003', 'IMS0001001', 'IMS0001004']);
    const first = await search('q=IMS00010&limit=3');
    expect(first.body.hits).toHaveLength(3);
    const second = await search(`q=IMS00010&limit=3&cursor=${first.body.nextCursor ?? ''}`);
    expect(second.body.hits.map((h) => h.number)).toEqual(['IMS0001001']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('never answers a work note', async () => {
    const reply = await search('q=printer');
    expect(reply.body.hits.length).toBeGreaterThan(0);
    expect(JSON.stringify(reply.body)).not.toContain(INTERNAL_NOTE);
    expect(await found('q=vendor')).toEqual([]);
  });

  it('answers 400 naming the field for bad input', async () => {
    const cases: [string, string, RegExp][] = [
      ['', 'q', /q is required/],
      ['q=', 'q', /q is required/],
      ['q=%20%20', 'q', /q is required/],
      ['q=a', 'q', /word of at least 2/],
      ['q=%25%25', 'q', /word of at least 2/],
      [`q=${'x'.repeat(101)}`, 'q', /at most 100/],
      ['q=printer&kind=visit', 'kind', /interaction, incident, request/],
      ['q=printer&limit=0', 'limit', /at least 1/],
      ['q=printer&limit=51', 'limit', /at most 50/],
      ['q=printer&limit=ten', 'limit', /whole number/],
      ['q=printer&cursor=not-a-cursor', 'cursor', /nextCursor/],
      [`q=printer&cursor=${Buffer.from('{"m":9}').toString('base64url')}`, 'cursor', /nextCursor/],
      ['q=printer&q=toner', 'q', /./],
      ['q=printer&colour=blue', '_', /./],
    ];
    for (const [query, field, message] of cases) {
      const reply = await search(query);
      expect(reply.status, query).toBe(400);
      expect(reply.body.error.code, query).toBe('invalid-input');
      expect(reply.body.error.fieldErrors?.[field], query).toMatch(message);
    }
  });

  it('needs a token and a role that reads everything', async () => {
    expect((await new ApiClient(app).get('/api/v1/search?q=printer')).status).toBe(401);
    expect((await search('q=printer', await signIn(app, 'tess.tech'))).status).toBe(403);
    expect((await search('q=printer', await signIn(app, 'adam.admin'))).status).toBe(200);
  });
});
