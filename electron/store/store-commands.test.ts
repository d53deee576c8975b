// The escalation commands through the store host on fake-indexeddb, as a window sends them: both
// records and one outbox entry together or nothing, provisional numbers, callbacks, live queries.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_AGENT_ID, SERVICE_DESK_GROUP_ID } from '../../shared/demo/directory-generator';
import {
  DEMO_PRINTER_EXAMPLE,
  PRINTER_SCENARIO_INCIDENT_ID,
} from '../../shared/demo/incident-generator';
import type { CreateInteractionArgs } from '../../shared/domain/interaction';
import type { StoreResult } from '../../shared/domain/result';
import type { CommandInput } from '../../shared/store-api/contract';
import type { IncidentView } from '../../shared/store-api/escalation-contract';
import { createDeskDb, readMeta, type DeskDb } from './db';
import { openStoreHost, type StoreHost } from './store-host';
import { IncidentComponentCache } from './task-store';

const DB_NAME = 'desk';
const opened: { close(): Promise<void> | void }[] = [];

afterEach(async () => {
  vi.restoreAllMocks();
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

interface Desk {
  host: StoreHost;
  /** A second connection that reads what is really on disk. */
  db: DeskDb;
}

async function openDesk(): Promise<Desk> {
  const factory = new IDBFactory();
  let clock = Date.parse('2026-11-23T09:00:00.000Z');
  const host = await openStoreHost({
    dbName: DB_NAME,
    indexedDB: factory,
    IDBKeyRange,
    demoUsers: 400,
    demoIncidents: 40,
    now: () => new Date((clock += 60_000)),
    newId: () => 'client-1',
    onLine: () => true,
    connectivityEvents: new EventTarget(),
  });
  opened.push(host);
  await host.directoryReady();
  const db = createDeskDb({ name: DB_NAME, indexedDB: factory, IDBKeyRange });
  await db.open();
  opened.push(db);
  return { host, db };
}

function value<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

const { printer, network, caller } = DEMO_PRINTER_EXAMPLE;

let nextId = 0;
/** The first seed's starting point: an interaction the agent has assigned to themself. */
async function assignedInteraction(
  desk: Desk,
  overrides: Partial<CreateInteractionArgs> = {},
): Promise<string> {
  const args: CreateInteractionArgs = {
    id: `int-${++nextId}`,
    openedFor: caller.id,
    contactEmail: 'caller@deskpad.example',
    contactPhone: '',
    type: 'Phone',
    component: printer.id,
    assignmentGroup: SERVICE_DESK_GROUP_ID,
    assignedTo: DEMO_AGENT_ID,
    shortDescription: 'Cannot print to the floor printer',
    description: 'Jobs stay in the queue.',
    ...overrides,
  };
  return value(await desk.host.command('interaction.create', args)).id;
}

const reportAnIssue = (
  interactionId: string,
  overrides: Partial<CommandInput<'incident.createFromInteraction'>> = {},
): CommandInput<'incident.createFromInteraction'> => ({
  id: `inc-${++nextId}`,
  interactionId,
  caller: caller.id,
  shortDescription: 'Floor printer does not print',
  description: 'Jobs stay in the queue.',
  component: printer.id,
  category: 'Hardware',
  impact: 2,
  urgency: 2,
  assignmentGroup: 'grp_network',
  assignedTo: null,
  workNote: 'Caller tried another tray.',
  ...overrides,
});

const passwordReset = (
  interactionId: string,
  answers: Record<string, string | boolean> = {
    account: 'windows_and_network_sign_in',
    identity_verified: true,
  },
): CommandInput<'request.createFromInteraction'> => ({
  id: `req-${++nextId}`,
  interactionId,
  requestedFor: caller.id,
  catalogItem: 'cat_password_reset',
  answers,
});

async function outboxNames(desk: Desk): Promise<string[]> {
  return (await desk.db.outbox.orderBy('mutationId').toArray()).map((e) => e.name);
}

/** What a refused command must leave exactly as it was. */
async function snapshot(desk: Desk) {
  return {
    interactions: await desk.db.interactions.toArray(),
    incidents: await desk.db.incidents.toArray(),
    requests: await desk.db.requests.toArray(),
    outbox: await desk.db.outbox.toArray(),
    counters: await readMeta(desk.db, 'counters'),
    mutationCounter: await readMeta(desk.db, 'mutationCounter'),
    incidentsRevision: await readMeta(desk.db, 'incidentsRevision'),
  };
}

describe('Create Incident from an interaction (first seed)', () => {
  it('writes the incident, the linked interaction and one outbox entry, numbered INC-P0001', async () => {
    const desk = await openDesk();
    const interactionId = await assignedInteraction(desk);
    const revision = await readMeta(desk.db, 'incidentsRevision');
    const args = reportAnIssue(interactionId);
    const { incident, interaction } = value(
      await desk.host.command('incident.createFromInteraction', args),
    );

    expect(incident).toMatchObject({
      id: args.id,
      number: 'INC-P0001',
      numberProvisional: true,
      state: 'New',
      callerName: caller.name,
      componentName: printer.name,
      assignmentGroupName: 'Network',
      affectedCallers: 1,
      relatedInteractions: [{ id: interactionId, number: 'IMS-P0001', relation: 'origin' }],
      workNotes: [{ text: 'Caller tried another tray.' }],
    });
    expect(interaction).toMatchObject({
      id: interactionId,
      // Never closed by itself: the agent is asked.
      state: 'Work in Progress',
      relatedRecords: [{ kind: 'incident', id: args.id, number: 'INC-P0001', relation: 'created' }],
    });
    expect(interaction.workNotes.at(-1)?.text).toContain('Incident INC-P0001 created');

    expect(await desk.db.incidents.get(args.id)).toMatchObject({ number: 'INC-P0001' });
    expect(await desk.db.interactions.get(interactionId)).toMatchObject({
      relatedRecords: [{ id: args.id }],
    });
    const outbox = await desk.db.outbox.orderBy('mutationId').toArray();
    expect(outbox.map((e) => e.name)).toEqual([
      'interaction.create',
      'incident.createFromInteraction',
    ]);
    expect(outbox[1]).toMatchObject({
      mutationId: 2,
      clientId: 'client-1',
      actorId: DEMO_AGENT_ID,
    });
    expect(await readMeta(desk.db, 'counters')).toEqual({ interaction: 1, incident: 1 });
    expect(await readMeta(desk.db, 'incidentsRevision')).toBe((revision ?? 0) + 1);
  });

  it('makes one incident of a double-clicked or retried Submit', async () => {
    const desk = await openDesk();
    const interactionId = await assignedInteraction(desk);
    const args = reportAnIssue(interactionId);
    const [a, b] = await Promise.all([
      desk.host.command('incident.createFromInteraction', args),
      desk.host.command('incident.createFromInteraction', args),
    ]);
    const again = value(await desk.host.command('incident.createFromInteraction', args));
    expect(value(a)).toEqual(value(b));
    expect(again).toEqual(value(a));
    expect(await outboxNames(desk)).toEqual([
      'interaction.create',
      'incident.createFromInteraction',
    ]);
    expect(await readMeta(desk.db, 'counters')).toEqual({ interaction: 1, incident: 1 });
    // The next one takes the next number.
    const next = value(
      await desk.host.command('incident.createFromInteraction', reportAnIssue(interactionId)),
    );
    expect(next.incident.number).toBe('INC-P0002');
  });

  it('refuses an interaction nobody is assigned to, and writes nothing', async () => {
    const desk = await openDesk();
    const interactionId = await assignedInteraction(desk, { assignedTo: null });
    const before = await snapshot(desk);
    const refused = await desk.host.command(
      'incident.createFromInteraction',
      reportAnIssue(interactionId),
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'rule', message: expect.stringContaining('Assign to me') as unknown },
    });
    expect(await snapshot(desk)).toEqual(before);
  });
});

describe('Create Request from an interaction (first seed)', () => {
  it('writes the request numbered REQ-P0001 with its answers in words, and links the interaction', async () => {
    const desk = await openDesk();
    const interactionId = await assignedInteraction(desk);
    const args = passwordReset(interactionId);
    const { request, interaction } = value(
      await desk.host.command('request.createFromInteraction', args),
    );
    expect(request).toMatchObject({
      number: 'REQ-P0001',
      numberProvisional: true,
      state: 'Open',
      catalogItemName: 'Password reset',
      shortDescription: 'Password reset',
      assignmentGroupName: 'Access Management',
      requestedForName: caller.name,
      answers: {
        account: 'windows_and_network_sign_in',
        identity_verified: true,
        locked_out: false,
      },
    });
    expect(request.answerLines).toContainEqual({
      label: 'Account',
      value: 'Windows and network sign-in',
    });
    expect(interaction.relatedRecords).toMatchObject([
      { kind: 'request', id: args.id, number: 'REQ-P0001', relation: 'created' },
    ]);
    expect(await outboxNames(desk)).toEqual([
      'interaction.create',
      'request.createFromInteraction',
    ]);
    expect(await readMeta(desk.db, 'counters')).toEqual({ interaction: 1, request: 1 });
    // A request touches no incident: Find existing incidents has nothing to reload.
    const revision = await readMeta(desk.db, 'incidentsRevision');
    value(await desk.host.command('request.setState', { id: args.id, state: 'Work in Progress' }));
    expect(await readMeta(desk.db, 'incidentsRevision')).toBe(revision);
  });

  it('checks the answers against the catalog item: a refusal writes nothing and queues nothing', async () => {
    const desk = await openDesk();
    const interactionId = await assignedInteraction(desk);
    const before = await snapshot(desk);
    const unverified = await desk.host.command(
      'request.createFromInteraction',
      passwordReset(interactionId, { account: 'windows_and_network_sign_in' }),
    );
    expect(unverified).toMatchObject({
      ok: false,
      error: {
        message: "Check Caller's identity verified.",
        fieldErrors: { 'answers.identity_verified': expect.any(String) as unknown },
      },
    });
    const unknownField = await desk.host.command(
      'request.createFromInteraction',
      passwordReset(interactionId, { account: 'sap', identity_verified: true, colour: 'red' }),
    );
    expect(unknownField.ok).toBe(false);
    const notInCatalog = await desk.host.command('request.createFromInteraction', {
      ...passwordReset(interactionId),
      catalogItem: 'cat_time_machine',
    });
    expect(notInCatalog).toMatchObject({ ok: false, error: { code: 'rule' } });
    expect(await snapshot(desk)).toEqual(before);
  });

  it('checks a user-reference answer against the directory', async () => {
    const desk = await openDesk();
    const interactionId = await assignedInteraction(desk);
    const item = value(await desk.host.query('catalog.getItem', { id: 'cat_shared_drive_access' }));
    const reference = item?.fields.find((f) => f.type === 'user-reference');
    if (!item || !reference) throw new Error('the demo catalog has no user-reference field there');
    const answers = (userId: string): Record<string, string | boolean> => {
      const filled: Record<string, string | boolean> = {};
      for (const field of item.fields) {
        if (!field.required) continue;
        filled[field.name] =
          field.type === 'user-reference'
            ? userId
            : field.type === 'choice'
              ? (field.options[0]?.value ?? '')
              : field.type === 'checkbox'
                ? true
                : field.type === 'date'
                  ? '2026-12-01'
                  : 'Needed for the audit';
      }
      return filled;
    };
    const create = (userId: string) =>
      desk.host.command('request.createFromInteraction', {
        ...passwordReset(interactionId, answers(userId)),
        catalogItem: item.id,
      });
    const nobody = await create('usr_999999');
    expect(nobody).toMatchObject({
      ok: false,
      error: { fieldErrors: { [`answers.${reference.name}`]: expect.any(String) as unknown } },
    });
    expect(value(await create('usr_000100')).request.state).toBe('Open');
  });
});

describe('Associate, resolve, callback, reopen, close (second seed)', () => {
  it('follows the printer example through the store host', async () => {
    const desk = await openDesk();
    const interactionId = await assignedInteraction(desk, { openedFor: 'usr_000200' });
    const seeded = value(
      await desk.host.query('incident.get', { id: PRINTER_SCENARIO_INCIDENT_ID }),
    ) as IncidentView;
    expect(seeded.component).toBe(network.id);

    const associated = value(
      await desk.host.command('interaction.associateIncident', {
        id: interactionId,
        incidentId: seeded.id,
      }),
    );
    expect(associated.incident.affectedCallers).toBe(seeded.affectedCallers + 1);
    expect(associated.incident.workNotes.at(-1)?.text).toContain('IMS-P0001 associated');
    expect(associated.interaction.relatedRecords).toMatchObject([
      { kind: 'incident', id: seeded.id, relation: 'associated' },
    ]);
    expect(await outboxNames(desk)).toEqual([
      'interaction.create',
      'interaction.associateIncident',
    ]);

    // The technician fixes it: the callback is due.
    value(await desk.host.command('incident.setState', { id: seeded.id, state: 'In Progress' }));
    value(
      await desk.host.command('incident.resolve', {
        id: seeded.id,
        resolutionCode: 'Solution provided',
        resolutionNotes: 'Switch port replaced.',
      }),
    );
    const due = value(await desk.host.query('incident.callbacksDue', {}));
    expect(due).toMatchObject([
      { incidentId: seeded.id, interactionId, resolutionNotes: 'Switch port replaced.' },
    ]);

    // The user still cannot print: reopen.
    const reopened = value(
      await desk.host.command('incident.reopen', {
        id: seeded.id,
        noteId: 'reopen-1',
        reason: 'The user still cannot print.',
      }),
    );
    expect(reopened).toMatchObject({ state: 'In Progress', reopenCount: 1, resolutionNotes: null });
    expect(value(await desk.host.query('incident.callbacksDue', {}))).toEqual([]);

    // Fixed, resolved, the interaction closed, the incident closed.
    value(
      await desk.host.command('incident.resolve', {
        id: seeded.id,
        resolutionCode: 'Solution provided',
        resolutionNotes: 'Print server queue cleared.',
      }),
    );
    expect(value(await desk.host.query('incident.callbacksDue', {}))).toHaveLength(1);
    value(
      await desk.host.command('interaction.close', { id: interactionId, state: 'Closed Complete' }),
    );
    expect(value(await desk.host.query('incident.callbacksDue', {}))).toEqual([]);
    const closed = value(await desk.host.command('incident.close', { id: seeded.id }));
    expect(closed).toMatchObject({ state: 'Closed', closedBy: DEMO_AGENT_ID });

    // Reopening a Closed incident is refused with the reason, and changes nothing.
    const before = await snapshot(desk);
    const refused = await desk.host.command('incident.reopen', {
      id: seeded.id,
      noteId: 'reopen-2',
      reason: 'Again.',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'rule', message: expect.stringContaining('cannot be reopened') as unknown },
    });
    expect(await snapshot(desk)).toEqual(before);
  });

  it('cancels an open incident; a transition the machine refuses writes nothing', async () => {
    const desk = await openDesk();
    const interactionId = await assignedInteraction(desk);
    const { incident } = value(
      await desk.host.command('incident.createFromInteraction', reportAnIssue(interactionId)),
    );
    const before = await snapshot(desk);
    const early = await desk.host.command('incident.close', { id: incident.id });
    expect(early).toMatchObject({
      ok: false,
      error: {
        code: 'rule',
        message: expect.stringContaining('Resolve the incident first') as unknown,
      },
    });
    const missing = await desk.host.command('incident.resolve', {
      id: incident.id,
      resolutionCode: 'Duplicate',
      resolutionNotes: '  ',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await snapshot(desk)).toEqual(before);

    const canceled = value(await desk.host.command('incident.cancel', { id: incident.id }));
    expect(canceled).toMatchObject({ state: 'Canceled', closedBy: DEMO_AGENT_ID });
    // Canceling again is the same change: nothing more queued.
    const outbox = await desk.db.outbox.count();
    value(await desk.host.command('incident.cancel', { id: incident.id }));
    expect(await desk.db.outbox.count()).toBe(outbox);
    expect(await desk.host.command('incident.cancel', { id: 'inc-nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});

describe('Find existing incidents and live queries after a command', () => {
  it('finds an incident made by a command without reloading every open incident', async () => {
    const desk = await openDesk();
    const interactionId = await assignedInteraction(desk);
    const search = async () =>
      value(await desk.host.query('incident.searchByComponent', { componentId: printer.id }));
    const before = await search();
    const load = vi.spyOn(IncidentComponentCache.prototype, 'load');

    const { incident } = value(
      await desk.host.command('incident.createFromInteraction', reportAnIssue(interactionId)),
    );
    const after = await search();
    expect(after.hits[0]).toMatchObject({ distance: 0, incident: { id: incident.id } });
    expect(after.total).toBe(before.total + 1);

    value(await desk.host.command('incident.cancel', { id: incident.id }));
    expect((await search()).hits.some((h) => h.incident.id === incident.id)).toBe(false);
    expect(load).not.toHaveBeenCalled();
  });

  it('re-runs the live queries a command’s records feed', async () => {
    const desk = await openDesk();
    const interactionId = await assignedInteraction(desk);
    const tasks: string[][] = [];
    const related: number[] = [];
    await desk.host.subscribe('task.listForUser', { userId: caller.id }, (r) =>
      tasks.push(value(r).map((t) => t.number)),
    );
    await desk.host.subscribe('interaction.get', { id: interactionId }, (r) =>
      related.push(value(r)?.relatedRecords.length ?? -1),
    );
    await vi.waitFor(() => expect(related.at(-1)).toBe(0));
    const seen = tasks.length;

    value(await desk.host.command('incident.createFromInteraction', reportAnIssue(interactionId)));
    await vi.waitFor(() => expect(tasks.at(-1)).toContain('INC-P0001'));
    await vi.waitFor(() => expect(related.at(-1)).toBe(1));
    value(await desk.host.command('request.createFromInteraction', passwordReset(interactionId)));
    await vi.waitFor(() => expect(tasks.at(-1)).toContain('REQ-P0001'));
    await vi.waitFor(() => expect(related.at(-1)).toBe(2));
    expect(tasks.length).toBeGreaterThan(seen);
  });
});

describe('Needs attention names the record of any kind', () => {
  it('gives each refused change its record’s kind, id, number and short description', async () => {
    const desk = await openDesk();
    const interactionId = await assignedInteraction(desk);
    const { incident } = value(
      await desk.host.command('incident.createFromInteraction', reportAnIssue(interactionId)),
    );
    const refused = (name: string, args: unknown) => ({
      mutationId: 9,
      entry: {
        clientId: 'client-1',
        name,
        args,
        at: '2026-11-23T10:00:00.000Z',
        actorId: DEMO_AGENT_ID,
      },
      reason: { code: 'rule' as const, message: 'No.' },
      refusedAt: '2026-11-23T10:05:00.000Z',
    });
    await desk.db.needsAttention.bulkAdd([
      refused('incident.reopen', { id: incident.id, noteId: 'r', reason: 'Back' }),
      refused('request.createFromInteraction', passwordReset(interactionId)),
      refused('interaction.associateIncident', { id: interactionId, incidentId: incident.id }),
      refused('interaction.create', { id: 'int-gone', shortDescription: 'Lost mouse' }),
      refused('interaction.shred', 'not args'),
    ] as never);
    const items = value(await desk.host.query('sync.needsAttention', {}));
    const shown = items.map(({ recordKind, recordId, recordNumber, shortDescription }) => ({
      recordKind,
      recordId,
      recordNumber,
      shortDescription,
    }));
    expect(shown).toEqual([
      { recordKind: 'interaction', recordId: null, recordNumber: null, shortDescription: null },
      {
        recordKind: 'interaction',
        recordId: 'int-gone',
        recordNumber: null,
        shortDescription: 'Lost mouse',
      },
      {
        recordKind: 'interaction',
        recordId: interactionId,
        recordNumber: 'IMS-P0001',
        shortDescription: 'Cannot print to the floor printer',
      },
      // Not on this desk: still named by the form it asked for.
      {
        recordKind: 'request',
        recordId: expect.any(String) as unknown,
        recordNumber: null,
        shortDescription: 'Password reset',
      },
      {
        recordKind: 'incident',
        recordId: incident.id,
        recordNumber: 'INC-P0001',
        shortDescription: 'Floor printer does not print',
      },
    ]);
  });
});
