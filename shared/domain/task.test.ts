// The parts incidents and requests share: the work queues (assigned to me, my groups,
// unassigned), their order, and the work note journal's append-only rule.

import { describe, expect, it } from 'vitest';
import type { MutationContext } from './interaction';
import { appendWorkNote, compareTasks, inTaskQueue, type TaskListItem } from './task';

const agent = { id: 'tech-1', groupIds: new Set(['grp-net', 'grp-desktop']) };

const task = (over: Partial<TaskListItem> = {}): TaskListItem => ({
  kind: 'incident',
  id: 't',
  number: 'INC0001001',
  numberProvisional: false,
  shortDescription: 'Printer offline',
  state: 'New',
  open: true,
  priority: 3,
  callerId: 'user-9',
  assignmentGroup: 'grp-net',
  assignedTo: null,
  openedAt: '2026-11-23T10:00:00.000Z',
  updatedAt: '2026-11-23T10:00:00.000Z',
  ...over,
});

describe('the work queues', () => {
  it.each([
    ['assigned-to-me', task({ assignedTo: 'tech-1' }), true],
    ['assigned-to-me', task({ assignedTo: 'tech-2' }), false],
    ['assigned-to-me', task({ assignedTo: 'tech-1', open: false }), false],
    ['my-groups', task(), true],
    ['my-groups', task({ assignmentGroup: 'grp-desktop', assignedTo: 'tech-3' }), true],
    ['my-groups', task({ assignmentGroup: 'grp-hr' }), false],
    ['my-groups', task({ assignmentGroup: null }), false],
    ['unassigned', task(), true],
    ['unassigned', task({ assignmentGroup: null }), true],
    ['unassigned', task({ assignmentGroup: 'grp-hr' }), false],
    ['unassigned', task({ assignedTo: 'tech-2' }), false],
    ['unassigned', task({ open: false }), false],
  ] as const)('%s holds %o: %s', (queue, t, expected) => {
    expect(inTaskQueue(queue, t, agent)).toBe(expected);
  });

  it('puts the highest priority first, requests as 4 - Low, then the oldest', () => {
    const list = [
      task({ id: 'req', kind: 'request', priority: null, openedAt: '2026-11-01T00:00:00Z' }),
      task({ id: 'low', priority: 4, openedAt: '2026-11-02T00:00:00Z' }),
      task({ id: 'critical', priority: 1, openedAt: '2026-11-20T00:00:00Z' }),
      task({ id: 'moderate-new', priority: 3, openedAt: '2026-11-22T00:00:00Z' }),
      task({ id: 'moderate-old', priority: 3, openedAt: '2026-11-21T00:00:00Z' }),
    ];
    expect(list.sort(compareTasks).map((t) => t.id)).toEqual([
      'critical',
      'moderate-old',
      'moderate-new',
      'req',
      'low',
    ]);
  });
});

describe('appendWorkNote', () => {
  const ctx: MutationContext = {
    now: '2026-11-23T11:00:00.000Z',
    actorId: 'tech-1',
    directory: { isGroupMember: () => true, userName: () => 'Nia Tech' },
  };
  const record = { workNotes: [], updatedAt: 'before', updatedBy: 'someone' };

  it('adds a note with its author and time, once per note id', () => {
    const once = appendWorkNote(record, 'n-1', 'Rebooted', ctx);
    expect(once).toEqual({
      workNotes: [
        { id: 'n-1', author: 'tech-1', authorName: 'Nia Tech', at: ctx.now, text: 'Rebooted' },
      ],
      updatedAt: ctx.now,
      updatedBy: 'tech-1',
    });
    expect(appendWorkNote(once, 'n-1', 'Rebooted', ctx)).toBe(once);
  });
});
