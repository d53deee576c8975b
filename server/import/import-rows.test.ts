import { describe, expect, it } from 'vitest';
import { rowReader } from './import-rows';

const columns = ['Employee ID', 'Login', 'First', 'Last', 'E-mail', 'Phone', 'Mobile', 'VIP'];
const mapping = {
  externalKey: 'Employee ID',
  userName: 'Login',
  firstName: 'First',
  lastName: 'Last',
  email: 'E-mail',
  phone: 'Phone',
  mobile: 'Mobile',
  vip: 'VIP',
};
const users = rowReader('users', { columns, delimiter: ',', mapping, region: 'GB' });

describe('rowReader users', () => {
  it('reads a user with phones in E.164 beside what the file said', () => {
    const outcome = users({
      line: 2,
      fields: ['E1', 'ana', 'Ana', 'Lee', 'ana@x.org', '020 7946 0958', '07700 900123', 'yes'],
    });
    expect(outcome.problems).toEqual([]);
    expect(outcome.item).toMatchObject({
      externalKey: 'E1',
      employeeId: 'E1',
      userName: 'ana',
      phone: '020 7946 0958',
      phoneE164: '+442079460958',
      mobile: '07700 900123',
      mobileE164: '+447700900123',
      vip: true,
      active: true,
    });
  });

  it('names each problem by line and column', () => {
    const outcome = users({
      line: 7,
      fields: ['', 'bo', 'Bo', 'Ek', 'not-an-email', '', '', 'maybe'],
    });
    expect(outcome.item).toMatchObject({ externalKey: '', userName: 'bo' });
    expect(outcome.problems).toEqual([
      { line: 7, column: 'Employee ID', message: 'externalKey is missing.' },
      { line: 7, column: 'E-mail', message: '"not-an-email" is not an email address.' },
      { line: 7, column: 'VIP', message: 'vip must be yes or no, not "maybe".' },
    ]);
  });

  it('says when a line is separated differently from the header', () => {
    expect(users({ line: 3, fields: ['E1;ana;Ana;Lee;a@x.org;;;'] }).problems[0]?.message).toBe(
      'Line 3 has one field where the header has 8 columns: the line looks separated by semicolons, the header separated by commas.',
    );
    expect(users({ line: 4, fields: ['E1', 'ana'] }).problems[0]?.message).toBe(
      'Line 4 has 2 fields where the header has 8 columns.',
    );
  });
});

describe('rowReader users with a badge column', () => {
  it('reads the badge number when the file has the column, and leaves it alone when not', () => {
    const withBadge = rowReader('users', {
      columns: ['id', 'login', 'Badge'],
      delimiter: ',',
      mapping: { externalKey: 'id', userName: 'login', badgeNumber: 'Badge' },
      region: 'GB',
    });
    expect(withBadge({ line: 2, fields: ['E1', 'ana', ' 0042 '] }).item).toMatchObject({
      badgeNumber: '0042',
    });
    const item = users({
      line: 2,
      fields: ['E1', 'ana', 'Ana', 'Lee', 'ana@x.org', '', '', 'no'],
    }).item;
    expect(item && 'badgeNumber' in item ? item.badgeNumber : 'absent').toBeUndefined();
  });
});

describe('rowReader groups and configuration items', () => {
  it('splits members on ; or |', () => {
    const groups = rowReader('groups', {
      columns: ['id', 'name', 'members'],
      delimiter: ',',
      mapping: { externalKey: 'id', name: 'name', members: 'members' },
      region: 'US',
    });
    expect(groups({ line: 2, fields: ['G1', 'Desk', 'E1; ana | E3'] }).item).toEqual({
      externalKey: 'G1',
      name: 'Desk',
      description: '',
      members: ['E1', 'ana', 'E3'],
    });
  });

  it('reads an empty parent as a top item', () => {
    const items = rowReader('configuration-items', {
      columns: ['id', 'name', 'class', 'parent'],
      delimiter: ';',
      mapping: { externalKey: 'id', name: 'name', className: 'class', parentKey: 'parent' },
      region: 'US',
    });
    expect(items({ line: 2, fields: ['B1', 'HQ', 'Building', ''] }).item).toMatchObject({
      parentKey: null,
    });
    expect(items({ line: 3, fields: ['F1', 'HQ-F1', '', 'B1'] }).problems).toEqual([
      { line: 3, column: 'class', message: 'className is missing.' },
    ]);
  });
});
