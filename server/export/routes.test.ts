// The CSV export over HTTP: the date range (both days in, a year at most, clear 400s), RFC 4180
// quoting, formulas defused, the BOM, names instead of ids, work notes never (invariant 3), the
// read API's roles, single-use download links, and a large table read in many small pages.

import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { directoryRules } from '../../shared/domain/assignment';
import type { CatalogItem } from '../../shared/domain/catalog';
import { createIncident, type Incident } from '../../shared/domain/incident';
import { createInteraction, type Interaction } from '../../shared/domain/interaction';
import { createRequest, type Request, type RequestContext } from '../../shared/domain/request';
import type { StoreResult } from '../../shared/domain/result';
import { upsertCatalogItems } from '../directory/directory-store';
import { upsertInteractions } from '../interactions/interaction-store';
import { lockVersion, saveVersion } from '../sync/versions';
import { upsertIncidents, upsertRequests } from '../tasks/task-store';
import {
  type ApiClient,
  createArgs,
  seedDirectory,
  signIn,
  smallDirectory,
  testServer,
} from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { exportCsv } from './export-csv';

const NOTE = 'INTERNAL-NOTE: the caller sounded upset';

const LAPTOP: CatalogItem = {
  id: 'cat-laptop',
  name: 'New laptop',
  category: 'Hardware',
  description: '',
  keywords: [],
  fields: [
    { name: 'model', label: 'Model', type: 'text', required: true, maxLength: 80 },
    { name: 'manager', label: 'Manager', type: 'user-reference', required: true },
  ],
  fulfillmentGroup: 'grp-desk',
  active: true,
};

function value<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const context = (now: string): RequestContext => ({
  now,
  actorId: 'agent-1',
  directory: directoryRules(smallDirectory()),
  catalog: { catalogItem: (id) => (id === LAPTOP.id ? LAPTOP : null) },
});

const interaction = (n: number, openedAt: string, over: Parameters<typeof createArgs>[1] = {}) =>
  value(
    createInteraction(
      createArgs(`i-${n}`, { workNote: NOTE, ...over }),
      `IMS${String(1000 + n).padStart(7, '0')}`,
      false,
      context(openedAt),
    ),
  );

const seqOf = (number: string): number => Number(number.slice(3));
const stored = <T extends Interaction | Incident | Request>(list: T[]) =>
  list.map((record) => ({ record, seq: seqOf(record.number) }));

interface CsvReply {
  status: number;
  body: string;
  headers: Record<string, unknown>;
}

describeOnDatabases('the CSV export', (suite) => {
  let app: FastifyInstance;
  let reader: ApiClient;

  const store = async (records: {
    interactions?: Interaction[];
    incidents?: Incident[];
    requests?: Request[];
  }) => {
    await suite
      .database()
      .db.transaction()
      .execute(async (trx) => {
        await upsertInteractions(trx, stored(records.interactions ?? []));
        await upsertIncidents(trx, stored(records.incidents ?? []));
        await upsertRequests(trx, stored(records.requests ?? []));
      });
  };

  const download = async (url: string, client: ApiClient | null = reader): Promise<CsvReply> => {
    const response = await app.inject({
      method: 'GET',
      url,
      headers: client?.token ? { authorization: `Bearer ${client.token}` } : {},
    });
    return { status: response.statusCode, body: response.body, headers: response.headers };
  };
  const rowsOf = (body: string): string[][] => {
    const rows: unknown = parse(body.replace(/^\uFEFF/, ''), { relax_column_count: false });
    return rows as string[][];
  };

  beforeEach(async () => {
    await seedDirectory(suite.database());
    await suite
      .database()
      .db.transaction()
      .execute(async (trx) => {
        await saveVersion(trx, await upsertCatalogItems(trx, [LAPTOP], await lockVersion(trx)));
      });
    app = await testServer(suite.database());
    reader = await signIn(app);
  });
  afterEach(() => app.close());

  it('answers interactions opened in the range, both days in, oldest first, with a BOM and CRLF', async () => {
    await store({
      interactions: [
        interaction(1, '2026-10-31T23:59:59.000Z'),
        interaction(2, '2026-11-01T00:00:00.000Z'),
        interaction(3, '2026-11-30T23:59:59.999Z', {
          openedFor: 'caller-2',
          assignedTo: 'agent-2',
        }),
        interaction(4, '2026-12-01T00:00:00.000Z'),
      ],
    });
    const reply = await download('/api/v1/export/interactions.csv?from=2026-11-01&to=2026-11-30');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(reply.headers['content-disposition']).toBe(
      'attachment; filename="interactions-2026-11-01-to-2026-11-30.csv"',
    );
    expect(reply.body.startsWith('\uFEFFNumber,Opened (UTC),Opened by,Opened for,')).toBe(true);
    expect(reply.body).toContain('\r\n');
    const [header, ...rows] = rowsOf(reply.body);
    expect(rows.map((r) => r[0])).toEqual(['IMS0001002', 'IMS0001003']);
    const row = Object.fromEntries((header ?? []).map((h, i) => [h, rows[1]?.[i]]));
    expect(row).toMatchObject({
      'Opened (UTC)': '2026-11-30 23:59:59',
      'Opened by': 'Ana Agent',
      'Opened for': 'Cyril Caller',
      'Assigned to': 'Bo Agent',
      Component: 'HQ-F1-PRN01',
      'Assignment group': 'Service Desk',
      Type: 'Walk-in',
    });
  });

  it('never includes work notes, in any kind (invariant 3)', async () => {
    const at = '2026-11-10T09:00:00.000Z';
    const incident = value(
      createIncident(
        {
          id: 'inc-1',
          caller: 'caller-1',
          shortDescription: 'Cannot print',
          description: '',
          component: null,
          category: 'Hardware',
          impact: 1,
          urgency: 2,
          assignmentGroup: 'grp-desk',
          assignedTo: null,
          workNote: NOTE,
        },
        'INC0001001',
        false,
        context(at),
      ),
    );
    const request = value(
      createRequest(
        {
          id: 'req-1',
          requestedFor: 'caller-1',
          catalogItem: LAPTOP.id,
          answers: { model: 'ThinkPad X1', manager: 'caller-2' },
          workNote: NOTE,
        },
        'REQ0001001',
        false,
        context(at),
      ),
    );
    expect(incident.workNotes).toHaveLength(1);
    expect(request.workNotes).toHaveLength(1);
    await store({ interactions: [interaction(1, at)], incidents: [incident], requests: [request] });
    for (const kind of ['interactions', 'incidents', 'requests']) {
      const reply = await download(`/api/v1/export/${kind}.csv?from=2026-11-01&to=2026-11-30`);
      expect(reply.status).toBe(200);
      expect(rowsOf(reply.body)).toHaveLength(2);
      expect(reply.body).not.toContain('INTERNAL-NOTE');
      expect(reply.body).not.toMatch(/work notes/i);
    }
    const incidents = rowsOf(
      (await download('/api/v1/export/incidents.csv?from=2026-11-01&to=2026-11-30')).body,
    );
    expect(incidents[1]).toEqual(
      expect.arrayContaining(['INC0001001', 'Carla Caller', '1 - High', '2 - Medium', '2 - High']),
    );
    const requests = rowsOf(
      (await download('/api/v1/export/requests.csv?from=2026-11-01&to=2026-11-30')).body,
    );
    expect(requests[1]).toEqual(
      expect.arrayContaining([
        'REQ0001001',
        'New laptop',
        'Model: ThinkPad X1\nManager: Cyril Caller',
      ]),
    );
  });

  it('quotes as RFC 4180 says and defuses cells a spreadsheet would run as formulas', async () => {
    const at = '2026-11-10T09:00:00.000Z';
    await store({
      interactions: [
        interaction(1, at, { shortDescription: '=HYPERLINK("http://evil","click")' }),
        interaction(2, at, { shortDescription: '+1 555 0100', description: 'a, "quoted"\nline' }),
        interaction(3, at, { shortDescription: '-2+3', description: '@SUM(A1)' }),
        interaction(4, at, { shortDescription: 'Ünïcödé ☕ naïve', description: 'plain' }),
      ],
    });
    const reply = await download('/api/v1/export/interactions.csv?from=2026-11-10&to=2026-11-10');
    expect(reply.body).toContain('"a, ""quoted""\nline"');
    const [header, ...rows] = rowsOf(reply.body);
    const column = (name: string) => rows.map((r) => r[(header ?? []).indexOf(name)]);
    expect(column('Short description')).toEqual([
      `'=HYPERLINK("http://evil","click")`,
      `'+1 555 0100`,
      `'-2+3`,
      'Ünïcödé ☕ naïve',
    ]);
    expect(column('Description')).toEqual(['', 'a, "quoted"\nline', `'@SUM(A1)`, 'plain']);
    // Every cell that starts a formula is defused, not only the ones a test thought of.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('refuses a bad range with a clear 400 and an unknown export with a 404', async () => {
    const cases: [string, string][] = [
      ['?from=2026-11-30&to=2026-11-01', 'To must not be before From.'],
      ['?from=2025-01-01&to=2026-01-02', 'An export covers at most 366 days; this range has 367.'],
      ['?from=yesterday&to=2026-11-01', 'From must be a date like 2026-12-31.'],
      ['?from=2026-11-01', 'To must be a date like 2026-12-31.'],
      ['?from=2026-02-30&to=2026-03-01', 'From must be a date like 2026-12-31.'],
    ];
    for (const [query, message] of cases) {
      const reply = await download(`/api/v1/export/incidents.csv${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.body).toContain(message);
    }
    expect(
      (await download('/api/v1/export/interactions.csv?from=2024-01-01&to=2024-12-31')).status,
    ).toBe(200);
    const unknown = await download('/api/v1/export/users.csv?from=2026-11-01&to=2026-11-02');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('use interactions.csv, incidents.csv or requests.csv');
  });

  it('is for the read API roles only', async () => {
    const url = '/api/v1/export/interactions.csv?from=2026-11-01&to=2026-11-30';
    expect((await download(url, null)).status).toBe(401);
    expect((await download(url, await signIn(app, 'tess.tech'))).status).toBe(403);
    expect((await download(url, await signIn(app, 'adam.admin'))).status).toBe(200);
  });

  it('downloads through a single-use link bound to its kind and range', async () => {
    const { createExportLink } = await import('./export-links');
    const { db } = suite.database();
    const link = await createExportLink(db, new Date(), 'agent-1', {
      kind: 'interactions',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(link.fileName).toBe('interactions-2026-11-01-to-2026-11-30.csv');
    const other = link.path.replace('interactions.csv', 'incidents.csv');
    expect((await download(other, null)).status).toBe(401);
    const again = await createExportLink(db, new Date(), 'agent-1', {
      kind: 'interactions',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    const first = await download(again.path, null);
    expect(first.status).toBe(200);
    expect(first.body.startsWith('\uFEFFNumber,')).toBe(true);
    const spent = await download(again.path, null);
    expect(spent.status).toBe(401);
    expect(spent.body).toContain('This download link is spent, unknown or expired');
    const tech = await createExportLink(db, new Date(), 'tech-1', {
      kind: 'interactions',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect((await download(tech.path, null)).status).toBe(403);
    const gone = await createExportLink(db, new Date(), 'agent-2', {
      kind: 'interactions',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    await db
      .updateTable('users')
      .set({ sign_in_disabled: true })
      .where('id', '=', 'agent-2')
      .execute();
    expect((await download(gone.path, null)).status).toBe(401);
  });

  it('reads a large table in many small pages, one at a time as the reader takes them', async () => {
    const base = interaction(1, '2026-11-01T00:00:00.000Z');
    const many: Interaction[] = [];
    for (let n = 1; n <= 2_000; n++) {
      const openedAt = new Date(Date.parse('2026-11-01T00:00:00.000Z') + (n % 97) * 60_000);
      many.push({
        ...base,
        id: `i-${n}`,
        number: `IMS${String(1000 + n).padStart(7, '0')}`,
        openedAt: openedAt.toISOString(),
        shortDescription: `Row ${n}`,
      });
    }
    await store({ interactions: many });
    const { db } = suite.database();

    // Lazy: a reader that has taken the header and one page has made at most two pages be read.
    const pagesRead: number[] = [];
    const range = { from: '2026-11-01', to: '2026-11-01' };
    const stream = exportCsv(db, 'interactions', range, {
      pageSize: 100,
      onPage: (n) => pagesRead.push(n),
    });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    expect(pagesRead.length).toBeLessThanOrEqual(3);
    await iterator.return?.();
    stream.destroy();

    // Whole: 20 pages of 100, every row once, in (opened_at, number) order.
    const pages: number[] = [];
    const chunks: Buffer[] = [];
    for await (const chunk of exportCsv(db, 'interactions', range, {
      pageSize: 100,
      onPage: (n) => pages.push(n),
    }))
      chunks.push(chunk as Buffer);
    expect(pages).toEqual(Array.from({ length: 20 }, () => 100));
    const rows = rowsOf(Buffer.concat(chunks).toString('utf8')).slice(1);
    expect(new Set(rows.map((r) => r[0])).size).toBe(2_000);
    const keys = rows.map((r) => `${r[1]} ${r[0]}`);
    expect(keys).toEqual([...keys].sort());
  });
});
