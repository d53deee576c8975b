// The read API over incidents and requests: filters, paging, one record by number with its related
// interactions, work notes only on request (invariant 3), and the same refusals as interactions.

import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { directoryRules } from '../../shared/domain/assignment';
import type { CatalogItem } from '../../shared/domain/catalog';
import {
  associateInteraction,
  createIncidentFromInteraction,
  createRequestFromInteraction,
} from '../../shared/domain/escalation';
import {
  addIncidentWorkNote,
  createIncident,
  resolveIncident,
  setIncidentState,
  type Incident,
} from '../../shared/domain/incident';
import { createInteraction, type Interaction } from '../../shared/domain/interaction';
import {
  createRequest,
  setRequestState,
  type Request,
  type RequestContext,
} from '../../shared/domain/request';
import type { StoreResult } from '../../shared/domain/result';
import type {
  ApiErrorBody,
  IncidentList,
  ReadApiIncident,
  ReadApiRequest,
  RequestList,
} from '../../shared/sync/server-api';
import { upsertInteractions } from '../interactions/interaction-store';
import {
  ApiClient,
  createArgs,
  seedDirectory,
  signIn,
  smallDirectory,
  testServer,
} from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { upsertIncidents, upsertRequests } from './task-store';

const NOTES = {
  created: 'Internal: the caller sounded upset, handle with care',
  network: 'Internal: switch on F1 flaps, vendor ticket 4711',
  request: 'Internal: approved by the manager on the phone',
  closed: 'Internal: toner was in the cupboard all along',
};

const TONER: CatalogItem = {
  id: 'cat-toner',
  name: 'Printer toner',
  category: 'Hardware',
  description: 'A toner cartridge for a floor printer.',
  keywords: ['cartridge'],
  fields: [
    {
      name: 'colour',
      label: 'Colour',
      type: 'choice',
      required: true,
      options: [
        { value: 'black', label: 'Black' },
        { value: 'cyan', label: 'Cyan' },
      ],
    },
  ],
  fulfillmentGroup: 'grp-desk',
  active: true,
};

function value<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const context = (now: string, actorId = 'agent-1'): RequestContext => ({
  now,
  actorId,
  directory: directoryRules(smallDirectory()),
  catalog: { catalogItem: (id) => (id === TONER.id ? TONER : null) },
});

/**
 * What the server would hold after desks escalated three interactions and worked the records,
 * made by the real mutators: INC0001001 from IMS0001001 with IMS0001002 associated, INC0001002 on
 * the floor network and In Progress, INC0001003 Resolved; REQ0001001 from IMS0001003, REQ0001002
 * Closed Complete.
 */
function serverRecords() {
  const interaction = (id: string, number: string, over: Parameters<typeof createArgs>[1]) =>
    value(
      createInteraction(
        createArgs(id, { assignedTo: 'agent-1', ...over }),
        number,
        false,
        context('2026-11-20T09:00:00.000Z'),
      ),
    );
  const printer = interaction('i-1', 'IMS0001001', {});
  const again = interaction('i-2', 'IMS0001002', { openedFor: 'caller-2' });
  const toner = interaction('i-3', 'IMS0001003', { shortDescription: 'Needs toner' });

  const fromPrinter = value(
    createIncidentFromInteraction(
      printer,
      {
        id: 'inc-1',
        interactionId: 'i-1',
        caller: 'caller-1',
        shortDescription: 'Cannot print on floor 1',
        description: '',
        component: 'ci-prn',
        category: 'Hardware',
        impact: 2,
        urgency: 2,
        assignmentGroup: 'grp-net',
        assignedTo: null,
        workNote: NOTES.created,
      },
      'INC0001001',
      false,
      context('2026-11-20T10:00:00.000Z'),
    ),
  );
  const associated = value(
    associateInteraction(fromPrinter.record, again, context('2026-11-21T10:00:00.000Z')),
  );

  const network = value(
    createIncident(
      {
        id: 'inc-2',
        caller: 'caller-2',
        shortDescription: 'Network down on floor 1',
        description: '',
        component: 'ci-f1',
        category: 'Network',
        impact: 1,
        urgency: 1,
        assignmentGroup: 'grp-net',
        assignedTo: 'tech-1',
      },
      'INC0001002',
      false,
      context('2026-11-21T09:00:00.000Z'),
    ),
  );
  const working = value(
    setIncidentState(
      value(
        addIncidentWorkNote(
          network,
          { noteId: 'n-net', text: NOTES.network },
          context('2026-11-21T09:30:00.000Z', 'tech-1'),
        ),
      ),
      { id: 'inc-2', state: 'In Progress' },
      context('2026-11-22T09:00:00.000Z', 'tech-1'),
    ),
  );
  const resolved = value(
    resolveIncident(
      value(
        createIncident(
          {
            id: 'inc-3',
            caller: 'caller-1',
            shortDescription: 'Laptop slow',
            description: '',
            component: null,
            category: 'Hardware',
            impact: 3,
            urgency: 3,
            assignmentGroup: 'grp-desk',
            assignedTo: 'agent-2',
          },
          'INC0001003',
          false,
          context('2026-11-19T09:00:00.000Z'),
        ),
      ),
      { id: 'inc-3', resolutionCode: 'Solution provided', resolutionNotes: 'Cleaned up disk.' },
      context('2026-11-19T12:00:00.000Z', 'agent-2'),
    ),
  );

  const fromToner = value(
    createRequestFromInteraction(
      toner,
      {
        id: 'req-1',
        interactionId: 'i-3',
        requestedFor: 'caller-1',
        catalogItem: TONER.id,
        answers: { colour: 'black' },
        workNote: NOTES.request,
      },
      'REQ0001001',
      false,
      context('2026-11-22T10:00:00.000Z'),
    ),
  );
  const closed = value(
    setRequestState(
      value(
        createRequest(
          {
            id: 'req-2',
            requestedFor: 'caller-2',
            catalogItem: TONER.id,
            answers: { colour: 'cyan' },
            workNote: NOTES.closed,
          },
          'REQ0001002',
          false,
          context('2026-11-20T08:00:00.000Z'),
        ),
      ),
      { id: 'req-2', state: 'Closed Complete', closeNotes: 'Delivered.' },
      context('2026-11-20T09:00:00.000Z'),
    ),
  );

  return {
    interactions: [fromPrinter.interaction, associated.interaction, fromToner.interaction],
    incidents: [associated.incident, working, resolved],
    requests: [fromToner.record, closed],
  };
}

const seqOf = (number: string): number => Number(number.slice(3));

describeOnDatabases('the incidents and requests read API', (suite) => {
  let app: FastifyInstance;
  let reader: ApiClient;

  beforeEach(async () => {
    const { db } = suite.database();
    // resetDatabase (server/testing) predates these tables.
    await sql`TRUNCATE incidents, requests, catalog_items`.execute(db);
    await seedDirectory(suite.database());
    const records = serverRecords();
    await db.transaction().execute(async (trx) => {
      const stored = <T extends Interaction | Incident | Request>(list: T[]) =>
        list.map((record) => ({ record, seq: seqOf(record.number) }));
      await upsertInteractions(trx, stored(records.interactions));
      await upsertIncidents(trx, stored(records.incidents));
      await upsertRequests(trx, stored(records.requests));
    });
    app = await testServer(suite.database());
    reader = await signIn(app);
  });
  afterEach(() => app.close());

  const incidents = (query = '') =>
    reader.get<IncidentList & ApiErrorBody>(`/api/v1/incidents${query}`);
  const requests = (query = '') =>
    reader.get<RequestList & ApiErrorBody>(`/api/v1/requests${query}`);
  const numbers = (records: { number: string }[]) => records.map((r) => r.number);

  it('lists incidents newest number first, filtered by state, component, caller and last update', async () => {
    expect(numbers((await incidents()).body.incidents)).toEqual([
      'INC0001003',
      'INC0001002',
      'INC0001001',
    ]);
    expect(numbers((await incidents('?state=In%20Progress')).body.incidents)).toEqual([
      'INC0001002',
    ]);
    expect(numbers((await incidents('?state=Resolved&caller=caller-1')).body.incidents)).toEqual([
      'INC0001003',
    ]);
    expect(numbers((await incidents('?component=ci-prn')).body.incidents)).toEqual(['INC0001001']);
    expect(numbers((await incidents('?caller=caller-2')).body.incidents)).toEqual(['INC0001002']);
    expect(numbers((await incidents('?updatedSince=2026-11-21T00:00:00Z')).body.incidents)).toEqual(
      ['INC0001002', 'INC0001001'],
    );
    expect((await incidents('?state=Closed')).body).toEqual({ incidents: [], nextCursor: null });
  });

  it('lists requests newest number first, filtered by state, requester and last update', async () => {
    expect(numbers((await requests()).body.requests)).toEqual(['REQ0001002', 'REQ0001001']);
    expect(numbers((await requests('?state=Open')).body.requests)).toEqual(['REQ0001001']);
    expect(
      numbers((await requests('?state=Closed%20Complete&requestedFor=caller-2')).body.requests),
    ).toEqual(['REQ0001002']);
    expect(numbers((await requests('?requestedFor=caller-3')).body.requests)).toEqual([]);
    expect(numbers((await requests('?updatedSince=2026-11-21T00:00:00Z')).body.requests)).toEqual([
      'REQ0001001',
    ]);
  });

  it('pages with a cursor until the last page says null', async () => {
    const first = await incidents('?limit=2');
    expect(numbers(first.body.incidents)).toEqual(['INC0001003', 'INC0001002']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await incidents(`?limit=2&cursor=${first.body.nextCursor ?? ''}`);
    expect(numbers(second.body.incidents)).toEqual(['INC0001001']);
    expect(second.body.nextCursor).toBeNull();

    const one = await requests('?limit=1');
    expect(numbers(one.body.requests)).toEqual(['REQ0001002']);
    const two = await requests(`?limit=1&cursor=${one.body.nextCursor ?? ''}`);
    expect(numbers(two.body.requests)).toEqual(['REQ0001001']);
    expect(two.body.nextCursor).toBeNull();
  });

  it('gets one incident by number with the interactions it came from or was associated with', async () => {
    const reply = await reader.get<ReadApiIncident>('/api/v1/incidents/INC0001001');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: 'inc-1',
      state: 'New',
      component: 'ci-prn',
      priority: 3,
      relatedInteractions: [
        { id: 'i-1', number: 'IMS0001001', caller: 'caller-1', relation: 'origin' },
        { id: 'i-2', number: 'IMS0001002', caller: 'caller-2', relation: 'associated' },
      ],
    });
    // The list answers the same record.
    const listed = (await incidents('?component=ci-prn')).body.incidents[0];
    expect(listed).toEqual(reply.body);
  });

  it('gets one request by number with its answers and the interaction it came from', async () => {
    const reply = await reader.get<ReadApiRequest>('/api/v1/requests/REQ0001001');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: 'req-1',
      state: 'Open',
      catalogItem: 'cat-toner',
      answers: { colour: 'black' },
      assignmentGroup: 'grp-desk',
      relatedInteractions: [{ id: 'i-3', number: 'IMS0001003', relation: 'origin' }],
    });
  });

  it('never answers work notes unless include=workNotes asks for them (invariant 3)', async () => {
    const unasked: unknown[][] = [
      (await incidents()).body.incidents,
      (await incidents('?state=In%20Progress&component=ci-f1')).body.incidents,
      (await incidents('?caller=caller-1&limit=1')).body.incidents,
      [(await reader.get('/api/v1/incidents/INC0001001')).body],
      [(await reader.get('/api/v1/incidents/INC0001002')).body],
      (await requests()).body.requests,
      (await requests('?state=Closed%20Complete')).body.requests,
      [(await reader.get('/api/v1/requests/REQ0001001')).body],
      [(await reader.get('/api/v1/requests/REQ0001002')).body],
    ];
    for (const records of unasked) {
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) expect(record).not.toHaveProperty('workNotes');
      const text = JSON.stringify(records);
      for (const note of Object.values(NOTES)) expect(text).not.toContain(note);
      // Associate's own note on the incident is internal too.
      expect(text).not.toMatch(/callers? affected/);
    }

    const listed = await incidents('?include=workNotes');
    expect(listed.body.incidents.map((i) => i.workNotes?.length)).toEqual([0, 1, 2]);
    const one = await reader.get<ReadApiIncident>('/api/v1/incidents/INC0001002?include=workNotes');
    expect(one.body.workNotes?.map((n) => n.text)).toEqual([NOTES.network]);
    const request = await reader.get<ReadApiRequest>(
      '/api/v1/requests/REQ0001001?include=workNotes',
    );
    expect(request.body.workNotes?.map((n) => n.text)).toEqual([NOTES.request]);
    const requestList = await requests('?include=workNotes&state=Closed%20Complete');
    expect(requestList.body.requests[0]?.workNotes?.map((n) => n.text)).toEqual([NOTES.closed]);

    // The admin may ask too; a technician may not use the read API at all.
    const admin = await signIn(app, 'adam.admin');
    expect(
      (await admin.get<ReadApiIncident>('/api/v1/incidents/INC0001001?include=workNotes')).body
        .workNotes,
    ).toHaveLength(2);
    const technician = await signIn(app, 'tess.tech');
    for (const url of ['/api/v1/incidents', '/api/v1/requests/REQ0001001?include=workNotes'])
      expect((await technician.get(url)).status, url).toBe(403);
  });

  it('answers 400 naming the field for a bad filter, and which states there are', async () => {
    const cases: [string, string][] = [
      ['/api/v1/incidents?state=Open', 'state'],
      ['/api/v1/incidents?state=new', 'state'],
      ['/api/v1/incidents?state=New&state=On%20Hold', 'state'],
      ['/api/v1/incidents?component=', 'component'],
      [`/api/v1/incidents?caller=${'x'.repeat(65)}`, 'caller'],
      ['/api/v1/incidents?openedFor=caller-1', '_'],
      ['/api/v1/incidents?requestedFor=caller-1', '_'],
      ['/api/v1/incidents?limit=0', 'limit'],
      ['/api/v1/incidents?limit=201', 'limit'],
      ['/api/v1/incidents?limit=ten', 'limit'],
      ['/api/v1/incidents?updatedSince=yesterday', 'updatedSince'],
      ['/api/v1/incidents?cursor=not-a-cursor', 'cursor'],
      [`/api/v1/incidents?cursor=${Buffer.from('{"before":-1}').toString('base64url')}`, 'cursor'],
      ['/api/v1/incidents?include=everything', 'include'],
      ['/api/v1/incidents/INC0001001?include=notes', 'include'],
      ['/api/v1/incidents/INC0001001?colour=blue', '_'],
      ['/api/v1/requests?state=New', 'state'],
      ['/api/v1/requests?state=Closed', 'state'],
      ['/api/v1/requests?caller=caller-1', '_'],
      ['/api/v1/requests?component=ci-prn', '_'],
      ['/api/v1/requests?limit=-1', 'limit'],
      ['/api/v1/requests?updatedSince=0000-01-01T00:00:00Z', 'updatedSince'],
      ['/api/v1/requests?cursor=%7B%7D', 'cursor'],
      ['/api/v1/requests?include=', 'include'],
      ['/api/v1/requests/REQ0001001?include=everything', 'include'],
    ];
    for (const [url, field] of cases) {
      const reply = await reader.get<ApiErrorBody>(url);
      expect(reply.status, url).toBe(400);
      expect(reply.body.error.code, url).toBe('invalid-input');
      expect(Object.keys(reply.body.error.fieldErrors ?? {}), url).toContain(field);
    }
    const incidentState = await incidents('?state=Open');
    expect(incidentState.body.error.fieldErrors?.state).toBe(
      'state must be one of: New, In Progress, On Hold, Resolved, Closed, Canceled.',
    );
    const requestState = await requests('?state=New');
    expect(requestState.body.error.fieldErrors?.state).toBe(
      'state must be one of: Open, Work in Progress, Closed Complete, Closed Incomplete, Canceled.',
    );
  });

  it('answers 404 for a number the server does not have and 400 for something not a number', async () => {
    const incident = await reader.get<ApiErrorBody>('/api/v1/incidents/INC0009999');
    expect(incident.status).toBe(404);
    expect(incident.body.error).toEqual({
      code: 'not-found',
      message: 'There is no incident INC0009999 on the server.',
    });
    const request = await reader.get<ApiErrorBody>('/api/v1/requests/REQ0009999');
    expect(request.status).toBe(404);
    expect(request.body.error).toEqual({
      code: 'not-found',
      message: 'There is no request REQ0009999 on the server.',
    });
    for (const [url, hint] of [
      ['/api/v1/incidents/INC-P0001', /INC0001001/],
      ['/api/v1/incidents/REQ0001001', /INC0001001/],
      ['/api/v1/requests/IMS0001001', /REQ0001001/],
      ['/api/v1/requests/req0001001', /REQ0001001/],
    ] as const) {
      const reply = await reader.get<ApiErrorBody>(url);
      expect(reply.status, url).toBe(400);
      expect(reply.body.error.fieldErrors?.number, url).toMatch(hint);
    }
  });

  it('needs a token', async () => {
    const anonymous = new ApiClient(app);
    for (const url of [
      '/api/v1/incidents',
      '/api/v1/incidents/INC0001001',
      '/api/v1/requests',
      '/api/v1/requests/REQ0001001',
    ]) {
      const reply = await anonymous.get<ApiErrorBody>(url);
      expect(reply.status, url).toBe(401);
      expect(reply.body.error.code, url).toBe('unauthorized');
    }
  });
});
