// The assignment rules incidents and requests share: membership, and a group change clearing
// the person, checked by example and over arbitrary sequences of changes.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyAssignmentChange,
  checkAssignment,
  directoryRules,
  type Assignment,
} from './assignment';

const rules = directoryRules({
  users: [
    { id: 'agent-1', name: 'Demo Agent' },
    { id: 'tech-1', name: 'Nia Tech' },
  ].map((u) => ({
    ...u,
    userName: u.id,
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
    employeeId: '',
    department: '',
    location: '',
    vip: false,
    active: true,
    mobile: '',
    phoneE164: '',
    mobileE164: '',
    roles: ['agent' as const],
  })),
  groups: [
    { id: 'grp-desk', name: 'Service Desk', description: '', memberIds: ['agent-1'] },
    { id: 'grp-net', name: 'Network', description: '', memberIds: ['tech-1'] },
  ],
});

describe('checkAssignment', () => {
  it.each([
    [{ assignmentGroup: null, assignedTo: null }, undefined],
    [{ assignmentGroup: 'grp-net', assignedTo: null }, undefined],
    [{ assignmentGroup: 'grp-net', assignedTo: 'tech-1' }, undefined],
    [
      { assignmentGroup: 'grp-net', assignedTo: 'agent-1' },
      { assignedTo: 'Assigned to must be a member of the Assignment group.' },
    ],
    [
      { assignmentGroup: null, assignedTo: 'tech-1' },
      { assignedTo: 'Pick the Assignment group first: Assigned to is one of its members.' },
    ],
    [
      { assignmentGroup: 'grp-unknown', assignedTo: 'tech-1' },
      { assignedTo: 'Assigned to must be a member of the Assignment group.' },
    ],
  ] as [Assignment, Record<string, string> | undefined][])('%o', (assignment, expected) => {
    expect(checkAssignment(assignment, rules)).toEqual(expected);
  });
});

describe('applyAssignmentChange', () => {
  const assigned: Assignment = { assignmentGroup: 'grp-desk', assignedTo: 'agent-1' };

  it('changing the group clears the person', () => {
    expect(applyAssignmentChange(assigned, { assignmentGroup: 'grp-net' })).toEqual({
      assignmentGroup: 'grp-net',
      assignedTo: null,
    });
  });

  it('keeps the person the same change names', () => {
    expect(
      applyAssignmentChange(assigned, { assignmentGroup: 'grp-net', assignedTo: 'tech-1' }),
    ).toEqual({ assignmentGroup: 'grp-net', assignedTo: 'tech-1' });
  });

  it('keeps the person when the group is sent unchanged', () => {
    expect(applyAssignmentChange(assigned, { assignmentGroup: 'grp-desk' })).toEqual(assigned);
  });

  it('after any sequence of changes, a group change never leaves a person from another group', () => {
    const group = fc.constantFrom<string | null>(null, 'grp-desk', 'grp-net');
    const person = fc.constantFrom<string | null>(null, 'agent-1', 'tech-1');
    const change = fc.record({ assignmentGroup: group, assignedTo: person }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 8 }), (changes) => {
        let current: Assignment = { assignmentGroup: null, assignedTo: null };
        for (const c of changes) {
          const next = applyAssignmentChange(current, c);
          if (checkAssignment(next, rules) === undefined) {
            if (next.assignmentGroup !== current.assignmentGroup && c.assignedTo === undefined)
              expect(next.assignedTo).toBeNull();
            current = next;
          }
          expect(checkAssignment(current, rules)).toBeUndefined();
        }
      }),
    );
  });
});
