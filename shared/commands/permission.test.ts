// The permission matrix, cell by cell, as mayRun answers it (the server and the store host run the
// same cases in their own tests), and the refusals' words.

import { describe, expect, it } from 'vitest';
import { dataScopeOf, mayRun, READ_ALL_ROLES, SYNC_ROLES, type Actor } from './permission';
import { COMMAND_MODULES, commandModule } from './registry';
import { caseTitle, MATRIX, permissionCases, type Relation } from './testing/permission-cells';

const RECORD = {
  number: 'INC0001234',
  assignedTo: 'someone-else',
  assignmentGroup: 'grp-desk',
  assignmentGroupName: 'Service Desk',
};

const actorIn = (relation: Relation | null, roles: Actor['roles']): Actor => ({
  id: relation === 'assignee' ? 'someone-else' : 'me',
  roles,
  groupIds: relation === 'group member' ? ['grp-desk'] : ['grp-other'],
});

describe('the permission matrix', () => {
  it('states every registered command, and nothing else', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(COMMAND_MODULES.map((m) => m.name).sort());
  });

  it.each(permissionCases().map((c) => [caseTitle(c), c] as const))('%s', (_title, c) => {
    const answer = mayRun(commandModule(c.name).permission, actorIn(c.relation, [c.role]), RECORD);
    expect(answer.ok).toBe(c.allowed);
    if (!answer.ok) expect(answer.error.code).toBe('not-permitted');
  });
});

describe('refusals', () => {
  const resolve = commandModule('incident.resolve').permission;

  it('say who may, in the seeds’ words', () => {
    expect(mayRun(resolve, actorIn('neither', ['agent']), RECORD)).toEqual({
      ok: false,
      error: {
        code: 'not-permitted',
        message:
          'Only the assignee, members of Service Desk, technicians and admins may resolve INC0001234.',
      },
    });
    expect(
      mayRun(resolve, actorIn('neither', ['agent']), {
        number: 'INC0001235',
        assignedTo: null,
        assignmentGroup: null,
      }),
    ).toMatchObject({
      error: { message: 'Only technicians and admins may resolve INC0001235.' },
    });
    expect(mayRun(resolve, actorIn(null, ['kiosk']))).toMatchObject({
      error: { message: 'Only agents, technicians, managers and admins may resolve incidents.' },
    });
  });

  it('let an agent with several roles pass on the widest', () => {
    expect(mayRun(resolve, actorIn('neither', ['kiosk', 'technician']), RECORD).ok).toBe(true);
  });
});

describe('data scope', () => {
  it('gives agents and admins everything, technicians what they work, kiosk and lobby nothing', () => {
    expect(dataScopeOf(['agent'])).toBe('everything');
    expect(dataScopeOf(['technician'])).toBe('worked');
    expect(dataScopeOf(['technician', 'admin'])).toBe('everything');
    expect(dataScopeOf(['kiosk', 'lobby'])).toBe('nothing');
    expect(dataScopeOf([])).toBe('nothing');
    expect(dataScopeOf(['manager'])).toBe('everything');
    expect(READ_ALL_ROLES).toEqual(['agent', 'manager', 'admin']);
    expect(SYNC_ROLES).toEqual(['agent', 'technician', 'manager', 'admin']);
  });
});
