// Who may run a command: today every command allows every role that signs in to a desk (agent,
// technician, admin); a role a permission does not name may not run it.

import { describe, expect, it } from 'vitest';
import { ANY_DESK_ROLE, mayRun, ROLES } from './permission';
import { COMMAND_MODULES } from './registry';

describe('permissions', () => {
  it('lets every role of today run every command, as the server allows now', () => {
    for (const module of COMMAND_MODULES)
      for (const role of ROLES) expect(mayRun(module.permission, [role]), module.name).toBe(true);
    expect(ANY_DESK_ROLE.roles).toEqual(['agent', 'technician', 'admin']);
  });

  it('refuses an agent none of whose roles the permission names', () => {
    expect(mayRun({ roles: ['admin'] }, ['agent', 'technician'])).toBe(false);
    expect(mayRun({ roles: ['admin'] }, ['technician', 'admin'])).toBe(true);
    expect(mayRun({ roles: ['agent'] }, [])).toBe(false);
  });
});
