// `GET /api/v1/reports[/{name}]` as an integration or a spreadsheet calls it: managers and admins
// read the same figures the SQL computes (checked against deskFigures in report-queries.test.ts),
// as JSON or CSV; agents get 403, a bad filter 400 with the schema's message, an unknown name 404.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { articleResolutions } from '../../shared/domain/article-figures';
import { deskFigures, type DeskFigures } from '../../shared/domain/desk-figures';
import type { ApiErrorBody } from '../../shared/sync/server-api';
import { ApiClient, seedDirectory, signIn, smallDirectory, testServer } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { volumeFigure } from './report-queries';
import { inKnownTimeZone } from './report-routes';
import { MONDAY, mondayRecords, NOW, storeRecords } from './report-testing';

const QUERY = `from=${MONDAY.from}&to=${MONDAY.to}`;

describeOnDatabases('the reports API', (suite) => {
  let app: FastifyInstance;
  let manager: ApiClient;

  beforeEach(async () => {
    const directory = smallDirectory();
    const [agent] = directory.users;
    if (!agent) throw new Error('the small directory has users');
    directory.users.push({
      ...agent,
      id: 'mgr-1',
      userName: 'mia.manager',
      name: 'Mia Manager',
      email: 'mia.manager@deskpad.example',
      employeeId: 'E-mgr-1',
      roles: ['manager'],
    });
    await seedDirectory(suite.database(), directory);
    await storeRecords(suite.database().db, mondayRecords());
    app = await testServer(suite.database(), { now: () => new Date(NOW) });
    manager = await signIn(app, 'mia.manager');
  });
  afterEach(() => app.close());

  it('answers every figure to a manager and an admin, as the desk computes them', async () => {
    const expected = deskFigures(mondayRecords(), MONDAY, Date.parse(NOW));
    const all = await manager.get<DeskFigures>(`/api/v1/reports?${QUERY}`);
    expect(all.status).toBe(200);
    const { interactions } = mondayRecords();
    expect(all.body).toEqual({
      ...expected,
      articles: articleResolutions(interactions, [], new Map(), MONDAY),
    });
    const admin = await signIn(app, 'adam.admin');
    expect((await admin.get(`/api/v1/reports/volume?${QUERY}`)).body).toEqual(expected.volume);
    expect((await manager.get(`/api/v1/reports/first-contact-resolution?${QUERY}`)).body).toEqual({
      resolved: 3,
      eligible: 5,
      share: 0.6,
    });
    expect(
      (await manager.get(`/api/v1/reports/walk-up-times?${QUERY}&location=loc-b2`)).body,
    ).toEqual({
      wait: { count: 1, median: 120, p90: 120 },
      service: { count: 1, median: 1860, p90: 1860 },
    });
    const berlin = await manager.get<DeskFigures['volume']>(
      `/api/v1/reports/volume?${QUERY}&timeZone=Europe/Berlin`,
    );
    expect(berlin.body.byHour[10]).toBe(4);
  });

  it('refuses agents, bad filters and unknown reports with a clear message', async () => {
    const agent = await signIn(app, 'ana.agent');
    const refused = await agent.get<ApiErrorBody>(`/api/v1/reports/volume?${QUERY}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Only managers and admins may read the desk figures.');
    expect((await new ApiClient(app).get(`/api/v1/reports?${QUERY}`)).status).toBe(401);

    const bad = await manager.get<ApiErrorBody>('/api/v1/reports/volume?from=yesterday&to=today');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fieldErrors?.from).toBe(
      'Give "from" as an ISO date and time, like 2026-12-01T00:00:00Z.',
    );
    const backwards = await manager.get<ApiErrorBody>(
      `/api/v1/reports/volume?from=${MONDAY.to}&to=${MONDAY.from}`,
    );
    expect(backwards.body.error.message).toBe('to: "from" must be before "to".');
    const zone = await manager.get<ApiErrorBody>(`/api/v1/reports?${QUERY}&timeZone=Mars/Olympus`);
    expect(zone.body.error.fieldErrors?.timeZone).toBe(
      'Give the time zone as an IANA name, like Europe/Berlin.',
    );
    const channel = await manager.get<ApiErrorBody>(`/api/v1/reports?${QUERY}&channel=Fax`);
    expect(channel.body.error.fieldErrors?.channel).toBe('Pick the channel the caller used.');
    const format = await manager.get<ApiErrorBody>(`/api/v1/reports?${QUERY}&format=xlsx`);
    expect(format.body.error.message).toBe('format: Give format as json or csv.');

    const unknown = await manager.get<ApiErrorBody>(`/api/v1/reports/revenue?${QUERY}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('There is no report revenue.');
  });

  it('answers a time zone Intl knows but the database does not with a 400, not a 500', async () => {
    const db = suite.database().db;
    const filter = { ...MONDAY, timeZone: 'Mars/Olympus' };
    const refused = inKnownTimeZone(filter.timeZone, () => volumeFigure(db, filter));
    await expect(refused).rejects.toMatchObject({
      status: 400,
      message: 'The database does not know the time zone Mars/Olympus: give another IANA name.',
    });
  });

  it('answers CSV for spreadsheets: one report, measure, value row per number', async () => {
    const csv = async (path: string) => {
      const reply = await app.inject({
        method: 'GET',
        url: path,
        headers: { authorization: `Bearer ${manager.token ?? ''}` },
      });
      expect(reply.statusCode).toBe(200);
      expect(reply.headers['content-type']).toBe('text/csv; charset=utf-8');
      return reply.body;
    };
    expect(await csv(`/api/v1/reports/first-contact-resolution?${QUERY}&format=csv`)).toBe(
      '\uFEFFreport,measure,value\r\n' +
        'first-contact-resolution,resolved,3\r\n' +
        'first-contact-resolution,eligible,5\r\n' +
        'first-contact-resolution,share,0.6\r\n',
    );
    const all = await csv(`/api/v1/reports?${QUERY}&format=csv&location=loc-b2`);
    expect(all).toContain('\r\nvolume,byChannel.Walk-in,1\r\n');
    expect(all).toContain('\r\nhandle-time,phone.median,\r\n');
    expect(all).toContain('\r\ncallbacks,ages.under 4 h,0\r\n');
    expect(all).toContain('\r\nsatisfaction,distribution.4,1\r\n');
  });
});
