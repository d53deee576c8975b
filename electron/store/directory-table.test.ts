// The desk's user columns: what older desks stored (no mobile, no E.164, no deactivation) still
// loads with defaults, deactivation travels in the flags byte, and a sync merge can deactivate.

import { describe, expect, it } from 'vitest';
import { User } from '../../shared/domain/directory';
import type { DirectoryChunk } from './db';
import { UserTable } from './directory-table';
import { mergeUsers } from './sync/directory-sync';

const stored = User.parse({
  id: 'u1',
  userName: 'gwen.hall',
  firstName: 'Gwen',
  lastName: 'Hall',
  name: 'Gwen Hall',
  email: 'gwen@example.org',
  phone: '020 7946 0958',
  employeeId: 'E1',
  department: 'Finance',
  location: 'London',
  vip: true,
  roles: [],
});

describe('the desk user table', () => {
  it('reads a user an older server sent as active with no mobile', () => {
    expect(stored).toMatchObject({ active: true, mobile: '', phoneE164: '', mobileE164: '' });
  });

  it('loads chunks stored before mobile and E.164 existed', () => {
    const old: DirectoryChunk = {
      kind: 'users',
      seq: 0,
      count: 1,
      columns: {
        id: ['u1'],
        userName: ['gwen.hall'],
        firstName: ['Gwen'],
        lastName: ['Hall'],
        name: ['Gwen Hall'],
        email: ['gwen@example.org'],
        phone: ['020 7946 0958'],
        employeeId: ['E1'],
        department: ['Finance'],
        location: ['London'],
        roles: [''],
      },
      flags: Uint8Array.from([1]),
    };
    const table = UserTable.fromChunks([old]);
    expect(table.userById('u1')).toEqual(stored);
  });

  it('keeps deactivation and VIP apart in the flags, through storage and a merge', () => {
    const gone = { ...stored, id: 'u2', userName: 'old', active: false, vip: false };
    const table = UserTable.fromChunks(UserTable.fromUsers([stored, gone]).toChunks());
    expect([table.isActive(0), table.isActive(1)]).toEqual([true, false]);
    expect(table.userById('u1')).toMatchObject({ vip: true, active: true });
    const merged = mergeUsers(table, [
      { ...stored, active: false, phoneE164: '+442079460958' },
    ]).table;
    expect(merged.userById('u1')).toMatchObject({
      vip: true,
      active: false,
      phoneE164: '+442079460958',
    });
    expect(merged.nameOf('u1')).toBe('Gwen Hall');
  });
});
