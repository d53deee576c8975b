// The replay of waiting changes over the server's copy: same mutators, same order, provisional
// numbers kept until the server's arrive, changes that no longer apply reported, never thrown.

import { describe, expect, it } from 'vitest';
import {
  createInteraction,
  type CreateInteractionArgs,
  type Interaction,
} from '../../../shared/domain/interaction';
import type { OutboxEntry } from '../../../shared/store-api/outbox';
import { interactionIdOf, replay } from './rebase';

const rules = { isGroupMember: () => true, userName: (id: string) => id };
const args: CreateInteractionArgs = {
  id: 'int-1',
  openedFor: null,
  contactEmail: '',
  contactPhone: '',
  type: 'Phone',
  component: null,
  assignmentGroup: null,
  assignedTo: null,
  shortDescription: 'Printer jam',
  description: '',
};
const at = (minute: number) => `2026-11-23T09:${String(minute).padStart(2, '0')}:00.000Z`;
const entry = (mutationId: number, name: OutboxEntry['name'], a: unknown): OutboxEntry =>
  ({
    mutationId,
    clientId: 'c',
    name,
    args: a,
    at: at(mutationId),
    actorId: 'agent-1',
  }) as OutboxEntry;

function made(number: string, provisional: boolean): Interaction {
  const r = createInteraction(args, number, provisional, {
    now: at(0),
    actorId: 'agent-1',
    directory: rules,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('replay', () => {
  it('keeps the provisional number of a waiting create, and makes a new one only if none shows', () => {
    const create = entry(1, 'interaction.create', args);
    const local = made('IMS-P0007', true);
    expect(replay(undefined, [create], local, rules, () => 'IMS-P0099').record?.number).toBe(
      'IMS-P0007',
    );
    expect(replay(undefined, [create], undefined, rules, () => 'IMS-P0099').record?.number).toBe(
      'IMS-P0099',
    );
  });

  it('lays waiting changes over the server copy, which keeps its real number', () => {
    const server = { ...made('IMS0001001', false), workNotes: [] };
    const pending = [
      entry(1, 'interaction.create', args),
      entry(2, 'interaction.update', { id: 'int-1', changes: { description: 'More detail' } }),
      entry(3, 'interaction.addWorkNote', { id: 'int-1', noteId: 'n1', text: 'Called back' }),
    ];
    const { record, failed } = replay(server, pending, made('IMS-P0001', true), rules, () => 'x');
    expect(failed).toEqual([]);
    expect(record).toMatchObject({
      number: 'IMS0001001',
      numberProvisional: false,
      description: 'More detail',
      workNotes: [{ id: 'n1', text: 'Called back' }],
    });
  });

  it('reports changes that no longer apply instead of throwing', () => {
    const closed: Interaction = { ...made('IMS0001001', false), state: 'Closed Complete' };
    const { record, failed } = replay(
      closed,
      [
        entry(4, 'interaction.update', { id: 'int-1', changes: { description: 'Late' } }),
        entry(5, 'interaction.addWorkNote', { id: 'int-1', noteId: 'n2', text: 'Still fine' }),
        entry(6, 'interaction.update', { id: 'int-1', changes: 'nonsense' }),
      ],
      undefined,
      rules,
      () => 'x',
    );
    expect(failed.map((f) => [f.mutationId, f.reason.code])).toEqual([
      [4, 'rule'],
      [6, 'invalid-input'],
    ]);
    expect(record?.description).toBe('');
    expect(record?.workNotes.map((n) => n.id)).toEqual(['n2']);
    expect(
      replay(
        undefined,
        [entry(7, 'interaction.addWorkNote', { id: 'gone', noteId: 'n', text: 't' })],
        undefined,
        rules,
        () => 'x',
      ),
    ).toMatchObject({
      record: undefined,
      failed: [{ mutationId: 7, reason: { code: 'not-found' } }],
    });
  });

  it('finds the interaction an entry belongs to', () => {
    expect(interactionIdOf({ args: { id: 'int-9' } as never })).toBe('int-9');
    expect(interactionIdOf({ args: null as never })).toBeNull();
  });
});
