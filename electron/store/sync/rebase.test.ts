// The replay of waiting changes over the server's copies: records a command ties together are
// replayed together, provisional numbers are kept until the server's arrive, changes that no
// longer apply are reported, never thrown.

import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../shared/demo/catalog-generator';
import type { Incident } from '../../../shared/domain/incident';
import { relatedRecordsOf } from '../../../shared/domain/related-records';
import type { Request } from '../../../shared/domain/request';
import { RecordMap, type KindedRecord } from '../../../shared/commands/record-set';
import type { OutboxEntry } from '../../../shared/store-api/outbox';
import { connectedSets, ProvisionalNumbers, replay } from './rebase';
import {
  entry,
  escalated,
  incidentArgs,
  interaction,
  interactionArgs,
  rules as directory,
} from './sync-test-support';

const catalog = generateCatalog();
const rules = {
  directory,
  catalog: { catalogItem: (id: string) => catalog.find((item) => item.id === id) ?? null },
};

const map = (...records: KindedRecord[]): RecordMap => new RecordMap(records);
const asInteraction = (record: KindedRecord['record']): KindedRecord =>
  ({ kind: 'interaction', record }) as KindedRecord;
const asIncident = (record: Incident): KindedRecord => ({ kind: 'incident', record });
const ids = (entries: OutboxEntry[]) => entries.map((e) => e.mutationId);

describe('connectedSets', () => {
  const outbox = [
    entry(1, 'interaction.create', interactionArgs('int-1')),
    entry(2, 'interaction.create', interactionArgs('int-2')),
    entry(3, 'incident.createFromInteraction', incidentArgs('inc-1', 'int-1')),
    entry(4, 'interaction.addWorkNote', { id: 'int-2', noteId: 'n1', text: 'Called back' }),
    entry(5, 'interaction.associateIncident', { id: 'int-3', incidentId: 'inc-1' }),
    entry(6, 'incident.addWorkNote', { id: 'inc-1', noteId: 'n2', text: 'On site' }),
  ];

  it('replays records one command touched together, and every record tied to them by a chain', () => {
    const [set, ...others] = connectedSets(outbox, [{ kind: 'interaction', id: 'int-3' }]);
    expect(others).toEqual([]);
    expect(set?.refs).toEqual(
      expect.arrayContaining([
        { kind: 'interaction', id: 'int-1' },
        { kind: 'incident', id: 'inc-1' },
        { kind: 'interaction', id: 'int-3' },
      ]),
    );
    expect(set?.refs).toHaveLength(3);
    expect(ids(set?.entries ?? [])).toEqual([1, 3, 5, 6]);
  });

  it('keeps records no entry ties apart, and a record nothing waits for alone', () => {
    const sets = connectedSets(outbox, [
      { kind: 'interaction', id: 'int-2' },
      { kind: 'request', id: 'req-9' },
    ]);
    expect(sets.map((s) => [s.refs, ids(s.entries)])).toEqual([
      [[{ kind: 'interaction', id: 'int-2' }], [2, 4]],
      [[{ kind: 'request', id: 'req-9' }], []],
    ]);
  });

  it('does not mistake an incident for an interaction with the same id', () => {
    const sets = connectedSets(
      [entry(1, 'incident.addWorkNote', { id: 'x', noteId: 'n', text: 't' })],
      [{ kind: 'interaction', id: 'x' }],
    );
    expect(sets).toEqual([{ refs: [{ kind: 'interaction', id: 'x' }], entries: [] }]);
  });
});

describe('replay', () => {
  it('keeps the provisional number of a waiting create, and makes a new one only if none shows', () => {
    const create = entry(1, 'interaction.create', interactionArgs('int-1'));
    const shown = map(asInteraction(interaction('int-1', 'IMS-P0007', true)));
    const numbers = new ProvisionalNumbers({ interaction: 98 });
    const kept = replay(new RecordMap(), [create], shown, rules, numbers);
    expect(kept.records.get('interaction', 'int-1')?.number).toBe('IMS-P0007');
    expect(numbers.changed()).toBeNull();
    const fresh = replay(new RecordMap(), [create], new RecordMap(), rules, numbers);
    expect(fresh.records.get('interaction', 'int-1')?.number).toBe('IMS-P0099');
    expect(numbers.changed()).toEqual({ interaction: 99 });
  });

  it('lays waiting changes over the server copy, which keeps its real number', () => {
    const server = { ...interaction('int-1', 'IMS0001001'), workNotes: [] };
    const pending = [
      entry(1, 'interaction.create', interactionArgs('int-1')),
      entry(2, 'interaction.update', { id: 'int-1', changes: { description: 'More detail' } }),
      entry(3, 'interaction.addWorkNote', { id: 'int-1', noteId: 'n1', text: 'Called back' }),
    ];
    const shown = map(asInteraction(interaction('int-1', 'IMS-P0001', true)));
    const { records, failed } = replay(
      map(asInteraction(server)),
      pending,
      shown,
      rules,
      new ProvisionalNumbers({}),
    );
    expect(failed).toEqual([]);
    expect(records.get('interaction', 'int-1')).toMatchObject({
      number: 'IMS0001001',
      numberProvisional: false,
      description: 'More detail',
      workNotes: [{ id: 'n1', text: 'Called back' }],
    });
  });

  it('reports changes that no longer apply instead of throwing', () => {
    const closed = { ...interaction('int-1', 'IMS0001001'), state: 'Closed Complete' as const };
    const { records, failed } = replay(
      map(asInteraction(closed)),
      [
        entry(4, 'interaction.update', { id: 'int-1', changes: { description: 'Late' } }),
        entry(5, 'interaction.addWorkNote', { id: 'int-1', noteId: 'n2', text: 'Still fine' }),
        { ...entry(6, 'interaction.update', { id: 'int-1', changes: {} }), args: 'nonsense' },
      ] as OutboxEntry[],
      new RecordMap(),
      rules,
      new ProvisionalNumbers({}),
    );
    expect(failed.map((f) => [f.mutationId, f.reason.code])).toEqual([
      [4, 'rule'],
      [6, 'invalid-input'],
    ]);
    const record = records.get('interaction', 'int-1');
    expect(record?.description).toBe('');
    expect(record?.workNotes.map((n) => n.id)).toEqual(['n2']);
    const gone = replay(
      new RecordMap(),
      [entry(7, 'interaction.addWorkNote', { id: 'gone', noteId: 'n', text: 't' })],
      new RecordMap(),
      rules,
      new ProvisionalNumbers({}),
    );
    expect(gone.records.size).toBe(0);
    expect(gone.failed).toMatchObject([{ mutationId: 7, reason: { code: 'not-found' } }]);
  });

  it('replays an escalation over both records: the incident keeps the number the desk shows, the interaction names it', () => {
    const base = interaction('int-1', 'IMS0001001');
    const shownIncident = escalated(base, 'inc-1', 'INC-P0003', true).incident;
    const numbers = new ProvisionalNumbers({ incident: 3 });
    const { records, failed } = replay(
      map(asInteraction(base)),
      [
        entry(2, 'incident.createFromInteraction', incidentArgs('inc-1', 'int-1')),
        entry(3, 'incident.addWorkNote', { id: 'inc-1', noteId: 'n1', text: 'Toner ordered' }),
      ],
      map(asIncident(shownIncident)),
      rules,
      numbers,
    );
    expect(failed).toEqual([]);
    expect(numbers.changed()).toBeNull();
    const incident = records.get('incident', 'inc-1') as Incident;
    expect(incident).toMatchObject({ number: 'INC-P0003', numberProvisional: true });
    expect(incident.relatedInteractions).toMatchObject([
      { id: 'int-1', number: 'IMS0001001', relation: 'origin' },
    ]);
    expect(incident.workNotes.map((n) => n.id)).toEqual(['n1']);
    const linked = records.get('interaction', 'int-1');
    expect(linked && relatedRecordsOf(linked)).toMatchObject([
      { kind: 'incident', id: 'inc-1', number: 'INC-P0003', relation: 'created' },
    ]);
    expect(linked?.workNotes.at(-1)?.text).toContain('INC-P0003');
  });

  it('takes a number only for a create that goes through', () => {
    const closed = { ...interaction('int-1', 'IMS0001001'), state: 'Closed Complete' as const };
    const numbers = new ProvisionalNumbers({ incident: 3 });
    const { records, failed } = replay(
      map(asInteraction(closed)),
      [entry(2, 'incident.createFromInteraction', incidentArgs('inc-1', 'int-1'))],
      new RecordMap(),
      rules,
      numbers,
    );
    expect(failed).toMatchObject([{ mutationId: 2, reason: { code: 'rule' } }]);
    expect(records.has({ kind: 'incident', id: 'inc-1' })).toBe(false);
    expect(numbers.changed()).toBeNull();
  });

  it('refuses, on the server’s copy, a reopen of an incident someone closed meanwhile', () => {
    const { incident } = escalated(interaction('int-1', 'IMS0001001'), 'inc-1', 'INC0001001');
    const closed: Incident = { ...incident, state: 'Closed', closedAt: '2026-11-23T10:00:00.000Z' };
    const { records, failed } = replay(
      map(asIncident(closed)),
      [entry(4, 'incident.reopen', { id: 'inc-1', noteId: 'r1', reason: 'Still broken' })],
      new RecordMap(),
      rules,
      new ProvisionalNumbers({}),
    );
    expect(failed[0]?.reason.message).toBe(
      'A Closed incident cannot be reopened; create a new incident.',
    );
    expect(records.get('incident', 'inc-1')).toEqual(closed);
  });

  it('checks a request’s answers against the cached catalog', () => {
    const base = interaction('int-1', 'IMS0001001');
    const numbers = new ProvisionalNumbers({});
    const account = catalog.find((item) => item.id === 'cat_password_reset')?.fields[0];
    const answers = {
      account: account?.type === 'choice' ? (account.options[0]?.value ?? '') : '',
      identity_verified: true,
    };
    const request = (
      mutationId: number,
      id: string,
      catalogItem: string,
      given: Record<string, string | boolean> = answers,
    ) =>
      entry(mutationId, 'request.createFromInteraction', {
        id,
        interactionId: 'int-1',
        requestedFor: 'usr_caller',
        catalogItem,
        answers: given,
      });
    const { records, failed } = replay(
      map(asInteraction(base)),
      [
        request(2, 'req-1', 'cat_password_reset'),
        request(3, 'req-2', 'cat_nowhere'),
        request(4, 'req-3', 'cat_password_reset', {}),
      ],
      new RecordMap(),
      rules,
      numbers,
    );
    expect(failed.map((f) => [f.mutationId, f.reason.message])).toEqual([
      [3, 'That catalog item is not in the catalog any more; pick another one.'],
      [4, "Check Account, Caller's identity verified."],
    ]);
    expect(records.get('request', 'req-1') as Request).toMatchObject({
      number: 'REQ-P0001',
      catalogItem: 'cat_password_reset',
    });
    expect(records.has({ kind: 'request', id: 'req-2' })).toBe(false);
    expect(records.has({ kind: 'request', id: 'req-3' })).toBe(false);
    expect(numbers.changed()).toEqual({ request: 1 });
  });
});
