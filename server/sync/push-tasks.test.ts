// Pushing the escalation commands: incidents and requests get real numbers per kind, a command
// that links two records writes both or neither, and a refusal writes nothing.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';
import { toNumber } from '../db/values';
import { createArgs, DeskOutbox, seedDirectory, signIn, testServer } from '../testing/fixtures';
import type { ApiClient } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { incidentArgs, LAPTOP, seedCatalog, takenInteraction } from './task-fixtures';

describeOnDatabases('pushing incidents and requests', (suite) => {
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

  const push = async (...mutations: [string, unknown][]) =>
    (
      await desk.post<PushResponse>(
        '/api/v1/sync/push',
        outbox.push(mutations.map(([name, args]) => outbox.mutation(name, args))),
      )
    ).body;

  const pullAll = async () =>
    (
      await desk.post<PullResponse>('/api/v1/sync/pull', {
        clientId: 'desk-b',
        cursor: null,
      })
    ).body;

  const versions = async (table: 'interactions' | 'incidents' | 'requests') =>
    Object.fromEntries(
      (await suite.database().db.selectFrom(table).select(['id', 'version']).execute()).map((r) => [
        r.id,
        toNumber(r.version),
      ]),
    );

  const counters = async () =>
    Object.fromEntries(
      (await suite.database().db.selectFrom('numbering').selectAll().execute()).map((r) => [
        r.kind,
        toNumber(r.last_value),
      ]),
    );

  it('creates an incident from an interaction: both records, real numbers per kind, one page', async () => {
    const reply = await push(
      ['interaction.create', takenInteraction('i-1')],
      ['incident.createFromInteraction', incidentArgs('inc-1', 'i-1')],
    );
    expect(reply).toEqual({ lastMutationId: 2, refused: [] });

    const pulled = await pullAll();
    expect(pulled.more).toBe(false);
    expect(pulled.incidents).toEqual([
      expect.objectContaining({
        id: 'inc-1',
        number: 'INC0001001',
        numberProvisional: false,
        state: 'New',
        priority: 3,
        openedBy: 'agent-1',
        relatedInteractions: [
          expect.objectContaining({ id: 'i-1', number: 'IMS0001001', relation: 'origin' }),
        ],
      }),
    ]);
    const [interaction] = pulled.interactions;
    expect(interaction).toMatchObject({ id: 'i-1', number: 'IMS0001001' });
    expect(interaction?.relatedRecords).toEqual([
      expect.objectContaining({
        kind: 'incident',
        id: 'inc-1',
        number: 'INC0001001',
        relation: 'created',
      }),
    ]);
    expect(interaction?.workNotes.map((n) => n.text)).toEqual([
      'Incident INC0001001 created from this interaction: Printer down inc-1',
    ]);
    // Each record has its own version; the command's two writes are the push's last two.
    const interactionVersion = (await versions('interactions'))['i-1'] ?? 0;
    const incidentVersion = (await versions('incidents'))['inc-1'] ?? 0;
    expect(new Set([interactionVersion, incidentVersion]).size).toBe(2);
    expect(await counters()).toMatchObject({ interaction: 1001, incident: 1001, request: 1000 });
  });

  it('uses no number for a refused create, so the numbers have no holes', async () => {
    const reply = await push(
      ['interaction.create', createArgs('i-open')],
      ['interaction.create', takenInteraction('i-taken')],
      // Not assigned yet: the first seed asks for Assign to me before escalating.
      ['incident.createFromInteraction', incidentArgs('inc-refused', 'i-open')],
      ['incident.createFromInteraction', incidentArgs('inc-missing', 'i-never')],
      ['incident.createFromInteraction', incidentArgs('inc-1', 'i-taken')],
    );
    expect(reply.refused).toEqual([
      {
        mutationId: 3,
        reason: {
          code: 'rule',
          message:
            'Assign the interaction to a fulfiller first (Assign to me), then create the incident or request.',
        },
      },
      {
        mutationId: 4,
        reason: {
          code: 'not-found',
          message: 'The interaction this change belongs to is not here.',
        },
      },
    ]);
    const pulled = await pullAll();
    expect(pulled.incidents.map((i) => [i.id, i.number])).toEqual([['inc-1', 'INC0001001']]);
    // The refused escalation left its interaction as it was.
    expect(pulled.interactions.find((i) => i.id === 'i-open')?.relatedRecords).toEqual([]);

    await push(
      ['interaction.create', takenInteraction('i-3')],
      ['incident.createFromInteraction', incidentArgs('inc-2', 'i-3')],
      // The same create again is the same record: no second number.
      ['incident.createFromInteraction', incidentArgs('inc-2', 'i-3')],
    );
    expect((await pullAll()).incidents.map((i) => i.number).sort()).toEqual([
      'INC0001001',
      'INC0001002',
    ]);
    expect(await counters()).toMatchObject({ interaction: 1003, incident: 1002, request: 1000 });
  });

  it('associates an interaction with an incident, naming its caller on both', async () => {
    await push(
      ['interaction.create', takenInteraction('i-1')],
      ['incident.createFromInteraction', incidentArgs('inc-1', 'i-1')],
    );
    const before = await versions('incidents');
    const reply = await push(
      ['interaction.create', createArgs('i-2', { openedFor: 'caller-2' })],
      ['interaction.associateIncident', { id: 'i-2', incidentId: 'inc-1' }],
    );
    expect(reply.refused).toEqual([]);
    const pulled = await pullAll();
    const incident = pulled.incidents[0];
    expect(incident?.relatedInteractions.map((r) => [r.id, r.relation, r.caller])).toEqual([
      ['i-1', 'origin', 'caller-1'],
      ['i-2', 'associated', 'caller-2'],
    ]);
    expect(incident?.workNotes.at(-1)?.text).toBe(
      'Interaction IMS0001002 associated: Cyril Caller reported "Printer jam i-2". 2 callers affected.',
    );
    const associated = pulled.interactions.find((i) => i.id === 'i-2');
    expect(associated?.relatedRecords).toEqual([
      expect.objectContaining({ kind: 'incident', number: 'INC0001001', relation: 'associated' }),
    ]);
    expect((await versions('incidents'))['inc-1']).toBeGreaterThan(before['inc-1'] ?? 0);
  });

  it('records a reopen of a Closed incident as refused with the reason and writes nothing', async () => {
    await push(
      ['interaction.create', takenInteraction('i-1')],
      // Service Desk's work: agent-1, a member, may resolve and close it (the permission matrix).
      [
        'incident.createFromInteraction',
        incidentArgs('inc-1', 'i-1', { assignmentGroup: 'grp-desk' }),
      ],
      [
        'incident.resolve',
        {
          id: 'inc-1',
          resolutionCode: 'Solution provided',
          resolutionNotes: 'Replaced the fuser.',
        },
      ],
      ['incident.close', { id: 'inc-1' }],
    );
    const before = { incidents: await versions('incidents'), head: (await pullAll()).cursor };
    const reply = await push([
      'incident.reopen',
      { id: 'inc-1', noteId: 'n-reopen', reason: 'Still jams.' },
    ]);
    expect(reply.refused).toEqual([
      {
        mutationId: 5,
        reason: {
          code: 'rule',
          message: 'A Closed incident cannot be reopened; create a new incident.',
        },
      },
    ]);
    expect(await versions('incidents')).toEqual(before.incidents);
    // Nothing changed for the desks: a pull from before the refusal finds nothing new.
    const since = await desk.post<PullResponse>('/api/v1/sync/pull', {
      clientId: 'desk-b',
      cursor: before.head,
    });
    expect(since.body.incidents).toEqual([]);
    const after = await pullAll();
    expect(after.incidents[0]).toMatchObject({ state: 'Closed', reopenCount: 0 });
    const log = await suite
      .database()
      .db.selectFrom('mutations')
      .select(['status'])
      .where('mutation_id', '=', 5)
      .executeTakeFirst();
    expect(log?.status).toBe('refused');
  });

  it('checks a request’s answers against the catalog item, and writes neither record when wrong', async () => {
    await push(['interaction.create', takenInteraction('i-1')]);
    const before = await versions('interactions');
    const request = (answers: unknown) => ({
      id: 'req-1',
      interactionId: 'i-1',
      requestedFor: 'caller-1',
      catalogItem: LAPTOP.id,
      answers,
    });
    const refused = await push([
      'request.createFromInteraction',
      request({ model: 'tablet', reason: 'New starter' }),
    ]);
    expect(refused.refused).toEqual([
      {
        mutationId: 2,
        reason: expect.objectContaining({
          code: 'invalid-input',
          message: 'Check Model.',
          fieldErrors: { 'answers.model': expect.any(String) as unknown },
        }) as unknown,
      },
    ]);
    expect(await versions('requests')).toEqual({});
    expect(await versions('interactions')).toEqual(before);
    expect((await counters()).request).toBe(1000);

    const unknownItem = await push([
      'request.createFromInteraction',
      { ...request({}), catalogItem: 'cat-gone' },
    ]);
    expect(unknownItem.refused[0]?.reason).toMatchObject({
      code: 'rule',
      message: 'That catalog item is not in the catalog any more; pick another one.',
    });

    const accepted = await push([
      'request.createFromInteraction',
      request({ model: 'pro', reason: 'New starter' }),
    ]);
    expect(accepted.refused).toEqual([]);
    const pulled = await pullAll();
    expect(pulled.requests).toEqual([
      expect.objectContaining({
        id: 'req-1',
        number: 'REQ0001001',
        shortDescription: 'Standard laptop',
        answers: { model: 'pro', reason: 'New starter' },
        // The item's fulfillment group, whose members were loaded for the check.
        assignmentGroup: 'grp-desk',
        state: 'Open',
      }),
    ]);
    expect(pulled.interactions[0]?.relatedRecords).toEqual([
      expect.objectContaining({ kind: 'request', number: 'REQ0001001' }),
    ]);
  });

  it('refuses a user-reference answer that names nobody in the directory, as the desk does', async () => {
    await push(['interaction.create', takenInteraction('i-1')]);
    const request = (approver: string) => ({
      id: 'req-1',
      interactionId: 'i-1',
      requestedFor: 'caller-1',
      catalogItem: LAPTOP.id,
      answers: { model: 'pro', reason: 'New starter', approver },
    });
    const refused = await push(['request.createFromInteraction', request('usr-nobody')]);
    expect(refused.refused[0]?.reason).toMatchObject({
      code: 'invalid-input',
      fieldErrors: { 'answers.approver': 'Approving manager must name a user.' },
    });
    expect(await versions('requests')).toEqual({});

    const accepted = await push(['request.createFromInteraction', request('caller-2')]);
    expect(accepted.refused).toEqual([]);
    expect((await pullAll()).requests[0]?.answers).toMatchObject({ approver: 'caller-2' });
  });

  it('runs the incident commands with the shared machine and assignment rules', async () => {
    await push(
      ['interaction.create', takenInteraction('i-1')],
      // Service Desk's work, so agent-1 (a member) may change its state.
      [
        'incident.createFromInteraction',
        incidentArgs('inc-1', 'i-1', { assignmentGroup: 'grp-desk' }),
      ],
    );
    const reply = await push(
      // tech-1 is not in Service Desk.
      ['incident.update', { id: 'inc-1', changes: { assignedTo: 'tech-1' } }],
      ['incident.update', { id: 'inc-1', changes: { assignedTo: 'agent-2', urgency: 1 } }],
      ['incident.addWorkNote', { id: 'inc-1', noteId: 'n-1', text: 'Ordered a fuser' }],
      ['incident.setState', { id: 'inc-1', state: 'On Hold', onHoldReason: 'Awaiting Vendor' }],
      ['incident.close', { id: 'inc-1' }],
      ['incident.update', { id: 'inc-never', changes: { urgency: 1 } }],
    );
    expect(reply.refused.map((r) => [r.mutationId, r.reason.code, r.reason.message])).toEqual([
      [3, 'rule', 'The incident was not saved.'],
      [7, 'rule', 'Resolve the incident first: only a Resolved incident can be closed.'],
      [8, 'not-found', 'The incident this change belongs to is not here.'],
    ]);
    const [incident] = (await pullAll()).incidents;
    expect(incident).toMatchObject({
      assignedTo: 'agent-2',
      urgency: 1,
      priority: 2,
      state: 'On Hold',
      onHoldReason: 'Awaiting Vendor',
    });
    expect(incident?.workNotes.map((n) => [n.text, n.authorName])).toEqual([
      ['Ordered a fuser', 'Ana Agent'],
    ]);
  });
});
