// Rebuilding an interaction the restored server no longer has: the entries, replayed by the shared
// mutators over nothing, give back the record the agent saved (only its number is new).

import { describe, expect, it } from 'vitest';
import {
  addWorkNote,
  closeInteraction,
  createInteraction,
  updateInteraction,
  type CreateInteractionArgs,
  type Interaction,
} from '../../../shared/domain/interaction';
import { endCall, startCall } from '../../../shared/domain/interaction-call';
import { RecordMap } from '../../../shared/commands/record-set';
import { ProvisionalNumbers, replay } from './rebase';
import { recreateEntries } from './reset-recovery';

const names: Record<string, string> = { 'agent-1': 'Ana Agent', 'agent-2': 'Bo Agent' };
const rules = { isGroupMember: () => true, userName: (id: string) => names[id] ?? id };
const args: CreateInteractionArgs = {
  id: 'int-1',
  openedFor: 'caller-1',
  contactEmail: 'carla@deskpad.example',
  contactPhone: '+1 555 0100',
  type: 'Walk-in',
  component: 'ci-1',
  assignmentGroup: 'grp-1',
  assignedTo: null,
  shortDescription: 'Printer jam',
  description: 'Tray 2',
  workNote: 'Looked at it',
};
const ctx = (minute: number, actorId = 'agent-1') => ({
  now: `2026-11-23T09:${String(minute).padStart(2, '0')}:00.000Z`,
  actorId,
  directory: rules,
});

function value(result: { ok: true; value: Interaction } | { ok: false }): Interaction {
  if (!result.ok) throw new Error('the mutator refused');
  return result.value;
}

function rebuilt(record: Interaction) {
  const { records, failed } = replay(
    new RecordMap(),
    recreateEntries(record, 'desk-9'),
    new RecordMap(),
    { directory: rules, catalog: { catalogItem: () => null } },
    new ProvisionalNumbers({ interaction: 41 }),
  );
  const again = records.get('interaction', record.id);
  return { record: again, failed };
}

describe('recreateEntries', () => {
  it('rebuilds an open interaction with its notes and the state it was put in', () => {
    let record = value(createInteraction(args, 'IMS0001005', false, ctx(0)));
    record = value(
      addWorkNote(record, { id: 'int-1', noteId: 'n-2', text: 'Called' }, ctx(3, 'agent-2')),
    );
    record = value(updateInteraction(record, { state: 'On Hold' }, ctx(5)));
    const { record: again, failed } = rebuilt(record);
    expect(failed).toEqual([]);
    expect(again).toEqual({ ...record, number: 'IMS-P0042', numberProvisional: true });
    expect(recreateEntries(record, 'desk-9').every((e) => e.clientId === 'desk-9')).toBe(true);
  });

  it('rebuilds a closed interaction with its handle time', () => {
    let record = value(
      createInteraction(
        { ...args, workNote: undefined, assignedTo: 'agent-2' },
        'IMS0001006',
        false,
        ctx(0),
      ),
    );
    record = value(
      closeInteraction(record, { id: 'int-1', state: 'Closed Complete' }, ctx(7, 'agent-2')),
    );
    const { record: again, failed } = rebuilt(record);
    expect(failed).toEqual([]);
    expect(again).toEqual({ ...record, number: 'IMS-P0042', numberProvisional: true });
    expect(again?.handleTimeSeconds).toBe(420);
  });

  it('rebuilds a call in Wrap Up, and a closed one with its talk, wrap-up and code', () => {
    let record = value(
      createInteraction({ ...args, workNote: undefined }, 'IMS0001007', false, ctx(0)),
    );
    record = value(startCall(record, { id: 'int-1' }, ctx(1)));
    record = value(endCall(record, { id: 'int-1' }, ctx(4)));
    const wrapping = rebuilt(record);
    expect(wrapping.failed).toEqual([]);
    expect(wrapping.record).toEqual({ ...record, number: 'IMS-P0042', numberProvisional: true });
    expect(wrapping.record?.state).toBe('Wrap Up');

    record = value(
      closeInteraction(
        record,
        { id: 'int-1', state: 'Closed Complete', wrapUpCode: 'Advice given' },
        ctx(5),
      ),
    );
    const { record: again, failed } = rebuilt(record);
    expect(failed).toEqual([]);
    expect(again).toEqual({ ...record, number: 'IMS-P0042', numberProvisional: true });
    expect(again).toMatchObject({
      talkSeconds: 180,
      wrapUpSeconds: 60,
      handleTimeSeconds: 240,
      wrapUpCode: 'Advice given',
    });
  });
});
