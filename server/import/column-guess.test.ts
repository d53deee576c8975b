import { describe, expect, it } from 'vitest';
import { guessMapping, mappingProblems } from './column-guess';

describe('guessMapping', () => {
  it('guesses user fields from what HR exports call them', () => {
    expect(
      guessMapping('users', [
        'Employee ID',
        'Login',
        'Given name',
        'Surname',
        'E-mail',
        'Telephone',
        'Mobile phone',
        'Dept',
        'Office',
        'Notes',
        'Badge',
      ]),
    ).toEqual({
      externalKey: 'Employee ID',
      userName: 'Login',
      firstName: 'Given name',
      lastName: 'Surname',
      email: 'E-mail',
      phone: 'Telephone',
      mobile: 'Mobile phone',
      department: 'Dept',
      location: 'Office',
      vip: null,
      active: null,
      badgeNumber: 'Badge',
    });
    expect(guessMapping('users', ['id', 'login', 'Badge number'])).toMatchObject({
      badgeNumber: 'Badge number',
    });
  });

  it('takes LDAP attribute names and containment for longer words', () => {
    const mapping = guessMapping('users', [
      'employeeNumber',
      'uid',
      'mail',
      'telephoneNumber',
      'Work phone number',
    ]);
    expect(mapping).toMatchObject({
      externalKey: 'employeeNumber',
      userName: 'uid',
      email: 'mail',
      phone: 'telephoneNumber',
    });
  });

  it('guesses configuration items and groups', () => {
    expect(
      guessMapping('configuration-items', ['CI ID', 'Name', 'Class', 'Parent', 'Site']),
    ).toEqual({
      externalKey: 'CI ID',
      name: 'Name',
      className: 'Class',
      parentKey: 'Parent',
      location: 'Site',
    });
    expect(guessMapping('groups', ['id', 'Group name', 'Members'])).toEqual({
      externalKey: 'id',
      name: 'Group name',
      description: null,
      members: 'Members',
    });
  });
});

describe('mappingProblems', () => {
  it('names missing required fields and columns the file lacks', () => {
    expect(
      mappingProblems('users', { externalKey: 'id', userName: null, email: 'Mail' }, ['id']),
    ).toEqual([
      'No column is chosen for userName, which is required.',
      'The file has no column "Mail" (chosen for email).',
    ]);
  });
});
