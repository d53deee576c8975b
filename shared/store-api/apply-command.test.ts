// Every command through the one shared replay, as the store host, the desk's rebase and the server
// run it: what changes, what a retry changes (nothing), what a refusal changes (nothing), and needs.

import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../demo/catalog-generator';
import type { Incident } from '../domain/incident';
import type { Interaction } from '../domain/interaction';
import type { Request } from '../domain/request';
import type { StoreResult } from '../domain/result';
import {
  applyCommand,
  directoryNeeds,
  primaryKindOf,
  recordsOf,
  recordsOfEntry,
  type ApplyContext,
  type Applied,
  type KindedRecord,
  type ParsedCommand,
  type RecordKind,
  type RecordSet,
  type RecordTypes,
} from './apply-command';
import type { CommandInput, CommandName } from './contract';
import { parseCommand } from './validate';

const catalog = generateCatalog();
const members: Record<string, string[]> = {
  'grp-desk': ['agent-1', 'agent-2'],
  'grp-net': ['tech-1'],
  grp_access_management: ['agent-2'],
};

/** An in-memory desk: the records a command may read, and what the caller writes back. */
class Records implements RecordSet {
  readonly byKey = new Map<string, KindedRecord>();
  get<K extends RecordKind>(kind: K, id: string): RecordTypes[K] | undefined {
    return this.byKey.get(`${kind}:${id}`)?.record as RecordTypes[K] | undefined;
  }
  put(changed: readonly KindedRecord[]): void {
    for (const c of changed) this.byKey.set(`${c.kind}:${c.record.id}`, c);
  }
  interaction(id: string): Interaction {
    const r = this.get('interaction', id);
    if (!r) throw new Error(`no interaction ${id}`);
    return r;
  }
  incident(id: string): Incident {
    const r = this.get('incident', id);
    if (!r) throw new Error(`no incident ${id}`);
    return r;
  }
  request(id: string): Request {
    const r = this.get('request', id);
    if (!r) throw new Error(`no request ${id}`);
    return r;
  }
}

interface Desk {
  records: Records;
  /** The numbers asked for, per kind (a refused create may ask and not use one). */
  asked: RecordKind[];
  used: Record<RecordKind, number>;
  run<N extends CommandName>(name: N, input: CommandInput<N>): StoreResult<Applied>;
}

function command<N extends CommandName>(name: N, input: CommandInput<N>): ParsedCommand {
  const parsed = parseCommand(name, input);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.error.message}`);
  return parsed.value;
}

function desk(): Desk {
  const records = new Records();
  const asked: RecordKind[] = [];
  const used: Record<RecordKind, number> = {
    interaction: 0,
    incident: 0,
    request: 0,
    visit: 0,
    call: 0,
  };
  let minute = 0;
  const ctx = (): ApplyContext => ({
    now: new Date(Date.UTC(2026, 10, 23, 9, minute++)).toISOString(),
    actorId: 'agent-1',
    directory: {
      isGroupMember: (g, u) => members[g]?.includes(u) ?? false,
      userName: (u) => (u === 'agent-1' ? 'Demo Agent' : u),
    },
    catalog: { catalogItem: (id) => catalog.find((i) => i.id === id) ?? null },
    numberFor: (kind) => {
      asked.push(kind);
      const prefix = {
        interaction: 'IMS',
        incident: 'INC',
        request: 'REQ',
        visit: 'VIS',
        call: 'CAL',
      }[kind];
      return { number: `${prefix}-P${String(used[kind] + 1).padStart(4, '0')}`, provisional: true };
    },
  });
  return {
    records,
    asked,
    used,
    run(name, input) {
      const applied = applyCommand(command(name, input), records, ctx());
      if (applied.ok) {
        records.put(applied.value.changed);
        if (applied.value.created) used[applied.value.created] += 1;
      }
      return applied;
    },
  };
}

function value<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

const changedKinds = (applied: Applied) => applied.changed.map((c) => `${c.kind}:${c.record.id}`);

const interactionInput = (
  over: Partial<CommandInput<'interaction.create'>> = {},
): CommandInput<'interaction.create'> => ({
  id: 'ims-1',
  openedFor: 'user-9',
  contactEmail: '',
  contactPhone: '',
  type: 'Phone',
  component: 'ci-printer',
  assignmentGroup: 'grp-desk',
  assignedTo: 'agent-1',
  shortDescription: 'Cannot print to LON-RH-F3-PRN01',
  description: 'Jobs stay in the queue.',
  ...over,
});

const incidentInput = (
  over: Partial<CommandInput<'incident.createFromInteraction'>> = {},
): CommandInput<'incident.createFromInteraction'> => ({
  id: 'inc-1',
  interactionId: 'ims-1',
  caller: 'user-9',
  shortDescription: 'Floor 3 printer offline',
  description: '',
  component: 'ci-printer',
  category: 'Hardware',
  impact: 2,
  urgency: 2,
  assignmentGroup: 'grp-net',
  assignedTo: null,
  ...over,
});

const requestInput = (
  over: Partial<CommandInput<'request.createFromInteraction'>> = {},
): CommandInput<'request.createFromInteraction'> => ({
  id: 'req-1',
  interactionId: 'ims-1',
  requestedFor: 'user-9',
  catalogItem: 'cat_password_reset',
  answers: { account: 'windows_and_network_sign_in', identity_verified: true },
  ...over,
});

/** A desk with the interaction ims-1, open and assigned, and incident inc-1 made from it. */
function escalated(): Desk {
  const d = desk();
  value(d.run('interaction.create', interactionInput()));
  value(d.run('incident.createFromInteraction', incidentInput()));
  return d;
}

describe('applyCommand: interactions', () => {
  it('creates an interaction with the number it is given, and says a number was used', () => {
    const d = desk();
    const applied = value(d.run('interaction.create', interactionInput()));
    expect(applied.created).toBe('interaction');
    expect(changedKinds(applied)).toEqual(['interaction:ims-1']);
    expect(d.records.interaction('ims-1')).toMatchObject({
      number: 'IMS-P0001',
      numberProvisional: true,
      state: 'Work in Progress',
    });
  });

  it('changes nothing for the same create twice, and asks no number for it', () => {
    const d = desk();
    value(d.run('interaction.create', interactionInput()));
    const again = value(d.run('interaction.create', interactionInput({ shortDescription: 'x' })));
    expect(again).toEqual({ changed: [], created: null });
    expect(d.asked).toEqual(['interaction']);
  });

  it('updates, notes and closes; an unchanged save and a retried note change nothing', () => {
    const d = desk();
    value(d.run('interaction.create', interactionInput()));
    const updated = value(
      d.run('interaction.update', { id: 'ims-1', changes: { description: 'Still stuck.' } }),
    );
    expect(changedKinds(updated)).toEqual(['interaction:ims-1']);
    expect(value(d.run('interaction.update', { id: 'ims-1', changes: {} })).changed).toEqual([]);
    const note = { id: 'ims-1', noteId: 'n-1', text: 'Called the caller.' };
    expect(value(d.run('interaction.addWorkNote', note)).changed).toHaveLength(1);
    expect(value(d.run('interaction.addWorkNote', note)).changed).toEqual([]);
    const closed = value(d.run('interaction.close', { id: 'ims-1', state: 'Closed Complete' }));
    expect(closed.changed[0]?.record).toMatchObject({ state: 'Closed Complete' });
    expect(d.records.interaction('ims-1').workNotes.map((n) => n.id)).toEqual(['n-1']);
  });

  it('refuses what the rules refuse and changes nothing', () => {
    const d = desk();
    const refused = d.run('interaction.create', interactionInput({ assignedTo: 'tech-1' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'rule' } });
    expect(d.records.byKey.size).toBe(0);
  });

  it('answers not-found for a change to an interaction it does not have', () => {
    const d = desk();
    for (const r of [
      d.run('interaction.update', { id: 'nope', changes: { description: 'x' } }),
      d.run('interaction.update', { id: 'nope', changes: {} }),
      d.run('interaction.addWorkNote', { id: 'nope', noteId: 'n', text: 'x' }),
      d.run('interaction.close', { id: 'nope', state: 'Closed Complete' }),
    ])
      expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('applyCommand: Create Incident and Create Request from an interaction', () => {
  it('creates the incident and links both records in one change', () => {
    const d = desk();
    value(d.run('interaction.create', interactionInput()));
    const applied = value(d.run('incident.createFromInteraction', incidentInput()));
    expect(applied.created).toBe('incident');
    expect(changedKinds(applied)).toEqual(['incident:inc-1', 'interaction:ims-1']);
    const incident = d.records.incident('inc-1');
    expect(incident).toMatchObject({
      number: 'INC-P0001',
      state: 'New',
      priority: 3,
      relatedInteractions: [{ id: 'ims-1', relation: 'origin', caller: 'user-9' }],
    });
    const interaction = d.records.interaction('ims-1');
    expect(interaction.relatedRecords).toMatchObject([
      { kind: 'incident', id: 'inc-1', number: 'INC-P0001', relation: 'created' },
    ]);
    expect(interaction.workNotes.at(-1)).toMatchObject({
      id: 'inc-1:created',
      text: expect.stringContaining('INC-P0001') as unknown,
    });
    // It never closes the interaction by itself.
    expect(interaction.state).toBe('Work in Progress');
  });

  it('changes nothing for the same create again, whatever the interaction is now', () => {
    const d = escalated();
    value(d.run('interaction.close', { id: 'ims-1', state: 'Closed Complete' }));
    const again = value(d.run('incident.createFromInteraction', incidentInput()));
    expect(again).toEqual({ changed: [], created: null });
    expect(d.asked).toEqual(['interaction', 'incident']);
  });

  it('refuses an unassigned or closed interaction, and changes neither record', () => {
    const d = desk();
    value(d.run('interaction.create', interactionInput({ assignedTo: null })));
    const before = d.records.interaction('ims-1');
    const refused = d.run('incident.createFromInteraction', incidentInput());
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'rule', message: expect.stringContaining('Assign to me') as unknown },
    });
    expect(d.records.get('incident', 'inc-1')).toBeUndefined();
    expect(d.records.interaction('ims-1')).toBe(before);
    // The number it asked for was not used: the caller's counter stays.
    expect(d.used.incident).toBe(0);
  });

  it('answers not-found when the interaction is not there', () => {
    const d = desk();
    expect(d.run('incident.createFromInteraction', incidentInput())).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(d.run('request.createFromInteraction', requestInput())).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('creates a request with answers checked against the catalog item, linked both ways', () => {
    const d = desk();
    value(d.run('interaction.create', interactionInput()));
    const applied = value(d.run('request.createFromInteraction', requestInput()));
    expect(applied.created).toBe('request');
    expect(changedKinds(applied)).toEqual(['request:req-1', 'interaction:ims-1']);
    expect(d.records.request('req-1')).toMatchObject({
      number: 'REQ-P0001',
      shortDescription: 'Password reset',
      assignmentGroup: 'grp_access_management',
      answers: { account: 'windows_and_network_sign_in', identity_verified: true },
      relatedInteractions: [{ id: 'ims-1', relation: 'origin' }],
    });
    expect(d.records.interaction('ims-1').relatedRecords).toMatchObject([
      { kind: 'request', id: 'req-1', relation: 'created' },
    ]);
    expect(value(d.run('request.createFromInteraction', requestInput())).changed).toEqual([]);
  });

  it('refuses answers the item does not accept, and an item not in the catalog', () => {
    const d = desk();
    value(d.run('interaction.create', interactionInput()));
    const unchecked = d.run(
      'request.createFromInteraction',
      requestInput({ answers: { account: 'windows_and_network_sign_in' } }),
    );
    expect(unchecked).toMatchObject({
      ok: false,
      error: { fieldErrors: { 'answers.identity_verified': expect.any(String) as unknown } },
    });
    const gone = d.run('request.createFromInteraction', requestInput({ catalogItem: 'cat_gone' }));
    expect(gone).toMatchObject({ ok: false, error: { code: 'rule' } });
    expect(d.records.get('request', 'req-1')).toBeUndefined();
    expect(d.records.interaction('ims-1').relatedRecords).toEqual([]);
  });
});

describe('applyCommand: Associate', () => {
  it('links the interaction and the incident, both changed, once', () => {
    const d = escalated();
    value(d.run('interaction.create', interactionInput({ id: 'ims-2', openedFor: 'user-7' })));
    const applied = value(
      d.run('interaction.associateIncident', { id: 'ims-2', incidentId: 'inc-1' }),
    );
    expect(applied.created).toBeNull();
    expect(changedKinds(applied)).toEqual(['interaction:ims-2', 'incident:inc-1']);
    expect(d.records.incident('inc-1').relatedInteractions.map((r) => r.id)).toEqual([
      'ims-1',
      'ims-2',
    ]);
    expect(d.records.incident('inc-1').workNotes.at(-1)?.text).toContain('2 callers affected');
    expect(d.records.interaction('ims-2').relatedRecords).toMatchObject([
      { kind: 'incident', id: 'inc-1', relation: 'associated' },
    ]);
    const again = value(
      d.run('interaction.associateIncident', { id: 'ims-2', incidentId: 'inc-1' }),
    );
    expect(again.changed).toEqual([]);
  });

  it('refuses a Resolved incident and changes neither record', () => {
    const d = escalated();
    value(
      d.run('incident.resolve', {
        id: 'inc-1',
        resolutionCode: 'Solution provided',
        resolutionNotes: 'Cable replaced.',
      }),
    );
    value(d.run('interaction.create', interactionInput({ id: 'ims-2' })));
    const before = [d.records.interaction('ims-2'), d.records.incident('inc-1')];
    const refused = d.run('interaction.associateIncident', { id: 'ims-2', incidentId: 'inc-1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rule' } });
    expect([d.records.interaction('ims-2'), d.records.incident('inc-1')]).toEqual(before);
  });

  it('answers not-found for either record missing', () => {
    const d = escalated();
    expect(
      d.run('interaction.associateIncident', { id: 'nope', incidentId: 'inc-1' }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const missingIncident = d.run('interaction.associateIncident', {
      id: 'ims-1',
      incidentId: 'nope',
    });
    expect(missingIncident).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('incident') as unknown },
    });
  });
});

describe('applyCommand: working an incident', () => {
  it('updates, notes, starts, holds, resolves, reopens, resolves again and closes', () => {
    const d = escalated();
    const steps: [CommandName, CommandInput<CommandName>, Partial<Incident>][] = [
      ['incident.update', { id: 'inc-1', changes: { impact: 1, urgency: 1 } }, { priority: 1 }],
      ['incident.addWorkNote', { id: 'inc-1', noteId: 'n-1', text: 'On it.' }, {}],
      ['incident.setState', { id: 'inc-1', state: 'In Progress' }, { state: 'In Progress' }],
      [
        'incident.setState',
        { id: 'inc-1', state: 'On Hold', onHoldReason: 'Awaiting Vendor' },
        { state: 'On Hold', onHoldReason: 'Awaiting Vendor' },
      ],
      [
        'incident.resolve',
        { id: 'inc-1', resolutionCode: 'Solution provided', resolutionNotes: 'Fixed.' },
        { state: 'Resolved', resolutionNotes: 'Fixed.' },
      ],
      [
        'incident.reopen',
        { id: 'inc-1', noteId: 'r-1', reason: 'Still cannot print.' },
        { state: 'In Progress', reopenCount: 1, resolutionNotes: null },
      ],
      [
        'incident.resolve',
        { id: 'inc-1', resolutionCode: 'Solution provided', resolutionNotes: 'Fixed again.' },
        { state: 'Resolved' },
      ],
      ['incident.close', { id: 'inc-1' }, { state: 'Closed' }],
    ];
    for (const [name, input, expected] of steps) {
      const applied = value(d.run(name, input));
      expect(changedKinds(applied), name).toEqual(['incident:inc-1']);
      expect(d.records.incident('inc-1'), name).toMatchObject(expected);
    }
    expect(d.records.incident('inc-1').workNotes.map((n) => n.id)).toEqual(['n-1', 'r-1']);
  });

  it('changes nothing for the same step again, or an unchanged save', () => {
    const d = escalated();
    expect(value(d.run('incident.update', { id: 'inc-1', changes: {} })).changed).toEqual([]);
    value(d.run('incident.setState', { id: 'inc-1', state: 'In Progress' }));
    expect(
      value(d.run('incident.setState', { id: 'inc-1', state: 'In Progress' })).changed,
    ).toEqual([]);
    const resolve = { id: 'inc-1', resolutionCode: 'Solution provided', resolutionNotes: 'Ok.' };
    value(d.run('incident.resolve', resolve as CommandInput<'incident.resolve'>));
    const again = value(d.run('incident.resolve', resolve as CommandInput<'incident.resolve'>));
    expect(again.changed).toEqual([]);
  });

  it('refuses a transition the machine does not allow, with its reason, and changes nothing', () => {
    const d = escalated();
    const before = d.records.incident('inc-1');
    expect(d.run('incident.close', { id: 'inc-1' })).toMatchObject({
      ok: false,
      error: {
        code: 'rule',
        message: expect.stringContaining('Resolve the incident first') as unknown,
      },
    });
    expect(d.records.incident('inc-1')).toBe(before);
    value(d.run('incident.cancel', { id: 'inc-1' }));
    expect(d.run('incident.reopen', { id: 'inc-1', noteId: 'r-1', reason: 'Back.' })).toMatchObject(
      { ok: false, error: { code: 'rule' } },
    );
    expect(d.records.incident('inc-1').state).toBe('Canceled');
  });

  it('answers not-found for every incident command on an incident it does not have', () => {
    const d = desk();
    const inputs: [CommandName, CommandInput<CommandName>][] = [
      ['incident.update', { id: 'nope', changes: {} }],
      ['incident.addWorkNote', { id: 'nope', noteId: 'n', text: 'x' }],
      ['incident.setState', { id: 'nope', state: 'In Progress' }],
      ['incident.resolve', { id: 'nope', resolutionCode: 'Duplicate', resolutionNotes: 'x' }],
      ['incident.close', { id: 'nope' }],
      ['incident.cancel', { id: 'nope' }],
      ['incident.reopen', { id: 'nope', noteId: 'n', reason: 'x' }],
    ];
    for (const [name, input] of inputs)
      expect(d.run(name, input), name).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('applyCommand: working a request', () => {
  function requested(): Desk {
    const d = desk();
    value(d.run('interaction.create', interactionInput()));
    value(d.run('request.createFromInteraction', requestInput()));
    return d;
  }

  it('updates with answers checked, notes, starts and closes', () => {
    const d = requested();
    const updated = value(
      d.run('request.update', {
        id: 'req-1',
        changes: { answers: { account: 'sap', identity_verified: true, locked_out: true } },
      }),
    );
    expect(changedKinds(updated)).toEqual(['request:req-1']);
    expect(d.records.request('req-1').answers).toMatchObject({ account: 'sap', locked_out: true });
    expect(
      d.run('request.update', { id: 'req-1', changes: { answers: { account: 'nope' } } }),
    ).toMatchObject({ ok: false });
    expect(value(d.run('request.update', { id: 'req-1', changes: {} })).changed).toEqual([]);
    const note = { id: 'req-1', noteId: 'n-1', text: 'Reset done.' };
    expect(value(d.run('request.addWorkNote', note)).changed).toHaveLength(1);
    expect(value(d.run('request.addWorkNote', note)).changed).toEqual([]);
    value(d.run('request.setState', { id: 'req-1', state: 'Work in Progress' }));
    value(d.run('request.setState', { id: 'req-1', state: 'Closed Complete' }));
    expect(d.records.request('req-1')).toMatchObject({ state: 'Closed Complete' });
    expect(
      value(d.run('request.setState', { id: 'req-1', state: 'Closed Complete' })).changed,
    ).toEqual([]);
  });

  it('refuses a closed request going back, and a Closed Incomplete without notes', () => {
    const d = requested();
    expect(d.run('request.setState', { id: 'req-1', state: 'Closed Incomplete' })).toMatchObject({
      ok: false,
      error: { fieldErrors: { closeNotes: expect.any(String) as unknown } },
    });
    value(d.run('request.setState', { id: 'req-1', state: 'Canceled' }));
    expect(d.run('request.setState', { id: 'req-1', state: 'Open' })).toMatchObject({ ok: false });
    expect(d.records.request('req-1').state).toBe('Canceled');
  });

  it('answers not-found for every request command on a request it does not have', () => {
    const d = desk();
    const inputs: [CommandName, CommandInput<CommandName>][] = [
      ['request.update', { id: 'nope', changes: {} }],
      ['request.addWorkNote', { id: 'nope', noteId: 'n', text: 'x' }],
      ['request.setState', { id: 'nope', state: 'Canceled' }],
    ];
    for (const [name, input] of inputs)
      expect(d.run(name, input), name).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('the records a command names', () => {
  it('names the primary record first, then the one it links', () => {
    expect(recordsOf(command('incident.createFromInteraction', incidentInput()))).toEqual([
      { kind: 'incident', id: 'inc-1' },
      { kind: 'interaction', id: 'ims-1' },
    ]);
    expect(recordsOf(command('request.createFromInteraction', requestInput()))).toEqual([
      { kind: 'request', id: 'req-1' },
      { kind: 'interaction', id: 'ims-1' },
    ]);
    expect(
      recordsOf(command('interaction.associateIncident', { id: 'ims-1', incidentId: 'inc-1' })),
    ).toEqual([
      { kind: 'interaction', id: 'ims-1' },
      { kind: 'incident', id: 'inc-1' },
    ]);
    expect(recordsOf(command('request.setState', { id: 'req-1', state: 'Canceled' }))).toEqual([
      { kind: 'request', id: 'req-1' },
    ]);
    expect(primaryKindOf('incident.reopen')).toBe('incident');
  });

  it('reads the same from an outbox entry, and nothing from one it cannot read', () => {
    expect(
      recordsOfEntry({ name: 'incident.createFromInteraction', args: incidentInput() }),
    ).toEqual([
      { kind: 'incident', id: 'inc-1' },
      { kind: 'interaction', id: 'ims-1' },
    ]);
    expect(
      recordsOfEntry({
        name: 'interaction.associateIncident',
        args: { id: 'ims-1', incidentId: 'inc-1' },
      }),
    ).toEqual([
      { kind: 'interaction', id: 'ims-1' },
      { kind: 'incident', id: 'inc-1' },
    ]);
    // An entry that no longer parses still names the records whose ids it holds.
    expect(
      recordsOfEntry({
        name: 'interaction.associateIncident',
        args: { id: 'ims-1', incidentId: 5 },
      }),
    ).toEqual([{ kind: 'interaction', id: 'ims-1' }]);
    expect(recordsOfEntry({ name: 'interaction.delete', args: { id: 'x' } })).toEqual([]);
    expect(recordsOfEntry({ name: 'incident.close', args: null })).toEqual([]);
    expect(recordsOfEntry({ name: 'incident.close', args: { id: 7 } })).toEqual([]);
  });
});

describe('directoryNeeds', () => {
  it('names the groups and catalog items a batch of commands may ask about', () => {
    const d = escalated();
    value(d.run('request.createFromInteraction', requestInput()));
    const commands = [
      command('interaction.create', interactionInput({ id: 'ims-9', assignmentGroup: 'grp-x' })),
      command('incident.update', { id: 'inc-1', changes: { assignmentGroup: 'grp-y' } }),
      command('incident.resolve', {
        id: 'inc-1',
        resolutionCode: 'Duplicate',
        resolutionNotes: 'x',
        changes: { assignmentGroup: 'grp-z' },
      }),
      command('request.createFromInteraction', requestInput()),
    ];
    const records: KindedRecord[] = [
      { kind: 'incident', record: d.records.incident('inc-1') },
      { kind: 'interaction', record: d.records.interaction('ims-1') },
      { kind: 'request', record: { ...d.records.request('req-1'), catalogItem: 'cat_vpn_access' } },
    ];
    const needs = directoryNeeds(commands, records);
    expect(new Set(needs.groupIds)).toEqual(
      new Set(['grp-net', 'grp-desk', 'grp_access_management', 'grp-x', 'grp-y', 'grp-z']),
    );
    expect(new Set(needs.catalogItemIds)).toEqual(
      new Set(['cat_vpn_access', 'cat_password_reset']),
    );
    // The caller a work note may name (an association names the interaction's Opened for).
    expect(needs.userIds).toEqual(['user-9']);
  });

  it('names the group and the caller of a Save (interaction.save carries the form’s fields)', () => {
    const save = command('interaction.save', {
      ...interactionInput({ id: 'ims-5', assignmentGroup: 'grp-s', openedFor: 'user-5' }),
      changed: ['assignmentGroup'],
    });
    expect(directoryNeeds([save], [])).toEqual({
      groupIds: ['grp-s'],
      catalogItemIds: [],
      userIds: ['user-5'],
    });
  });

  it('adds a requested item’s fulfillment group once the items are loaded', () => {
    const commands = [
      command('request.createFromInteraction', requestInput({ assignedTo: 'agent-2' })),
    ];
    expect(directoryNeeds(commands, [])).toEqual({
      groupIds: [],
      catalogItemIds: ['cat_password_reset'],
      userIds: [],
    });
    expect(directoryNeeds(commands, [], catalog).groupIds).toEqual(['grp_access_management']);
  });
});
