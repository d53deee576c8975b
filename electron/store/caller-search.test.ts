// Tests for the caller-lookup index: a prefix of every field finds the caller, folding makes
// case and accents irrelevant, the best match comes first, and 100,000 users stay fast.

import { describe, expect, it } from 'vitest';
import { generateDirectory } from '../../shared/demo/directory-generator';
import type { User } from '../../shared/domain/directory';
import { person } from './caller-test-people';
import { CallerSearch, buildCallerOrders, ordersFit } from './caller-search';
import { UserTable } from './directory-table';

const PEOPLE: User[] = [
  person('1', 'John', 'Smith', { phone: '+1 555 123 4567' }),
  person('2', 'Johanna', 'Adams', { phone: '+1 555 987 6543' }),
  person('3', 'Adam', 'Johnson', { phone: '+1 555 222 1111' }),
  person('4', 'José', 'Núñez', { userName: 'jose.nunez', phone: '+1 555 124 0000' }),
  person('5', 'Søren', "O'Brien", { userName: 'soren.obrien', phone: '+1 555 333 4444' }),
  person('6', 'Mary', 'Johns', { userName: 'mjohns', phone: '+1 555 444 5555' }),
  person('7', 'John', 'Smithers', { phone: '+1 555 555 6666' }),
];

function searcher(users: readonly User[]): (query: string, limit?: number) => string[] {
  const table = UserTable.fromUsers(users);
  const search = new CallerSearch(table.columns, buildCallerOrders(table.columns));
  return (query, limit = 10) => search.search(query, limit).map((row) => table.at('name', row));
}

describe('caller search', () => {
  const find = searcher(PEOPLE);

  it('matches a prefix of the first name, last name and full name', () => {
    expect(find('joha')).toEqual(['Johanna Adams']);
    expect(find('núñ')).toEqual(['José Núñez']);
    expect(find('john smithe')).toEqual(['John Smithers']);
    expect(find('smith john')).toEqual(['John Smith']);
    expect(find('Smith, J')).toEqual(['John Smith']);
    expect(find('smith')).toEqual(['John Smith', 'John Smithers']);
  });

  it('matches a prefix of the user name, email and employee id', () => {
    expect(find('mjoh')).toEqual(['Mary Johns']);
    expect(find('soren.obrien@desk')).toEqual(["Søren O'Brien"]);
    expect(find('E000003')).toEqual(['Adam Johnson']);
    expect(find('e0000')).toHaveLength(PEOPLE.length);
  });

  it('matches phone digits however they are typed', () => {
    expect(find('555 12')).toEqual(['John Smith', 'José Núñez']);
    expect(find('55512')).toEqual(['John Smith', 'José Núñez']);
    expect(find('+1 555 98')).toEqual(['Johanna Adams']);
    expect(find('987-65')).toEqual(['Johanna Adams']);
    expect(find('(555) 333')).toEqual(["Søren O'Brien"]);
  });

  it('finds a caller by the national or international form of any of their numbers', () => {
    const local = searcher([
      person('1', 'Gwen', 'Hall', {
        phone: '020 7946 0958',
        phoneE164: '+442079460958',
        mobile: '07700 900123',
        mobileE164: '+447700900123',
      }),
      person('2', 'Otto', 'Berg', { phone: '030 123456', phoneE164: '+4930123456' }),
    ]);
    for (const typed of [
      '020 7946 0958',
      '+44 20 7946 0958',
      '0044 20 7946 0958',
      '2079460958',
      '7946 0958',
    ])
      expect(local(typed)).toEqual(['Gwen Hall']);
    for (const typed of ['07700 900123', '+447700900123', '7700 900 123'])
      expect(local(typed)).toEqual(['Gwen Hall']);
    expect(local('+49 30 123456')).toEqual(['Otto Berg']);
    expect(local('0049 30 12')).toEqual(['Otto Berg']);
  });

  it('never finds a deactivated user, whose name stays readable', () => {
    const users = [
      person('1', 'Ivy', 'Old', { active: false, phone: '+1 555 777 0000' }),
      person('2', 'Ivan', 'New'),
    ];
    const table = UserTable.fromUsers(users);
    const search = new CallerSearch(table.columns, buildCallerOrders(table.columns), (row) =>
      table.isActive(row),
    );
    const names = (q: string): string[] => search.search(q, 10).map((row) => table.at('name', row));
    expect(names('iv')).toEqual(['Ivan New']);
    expect(names('555 777')).toEqual([]);
    expect(table.nameOf('1')).toBe('Ivy Old');
    expect(table.userById('1')).toMatchObject({ active: false, vip: false });
  });

  it('ignores case and accents both ways', () => {
    expect(find('JOSE NU')).toEqual(['José Núñez']);
    expect(find('soren o')).toEqual(["Søren O'Brien"]);
    expect(find('obri')).toEqual(["Søren O'Brien"]);
    expect(find("o'brien")).toEqual(["Søren O'Brien"]);
  });

  it('ranks exact matches, then full names, then last names, then ids', () => {
    // Two full names start with "john"; then last names, alphabetically ("johns mary" < "johnson adam").
    expect(find('john')).toEqual(['John Smith', 'John Smithers', 'Mary Johns', 'Adam Johnson']);
    expect(find('johns')).toEqual(['Mary Johns', 'Adam Johnson']);
    expect(find('john smith')).toEqual(['John Smith', 'John Smithers']);
  });

  it('returns each caller once, at most `limit` of them, and nothing for blank input', () => {
    expect(find('jo', 2)).toHaveLength(2);
    const all = find('j', 50);
    expect(new Set(all).size).toBe(all.length);
    expect(find('   ')).toEqual([]);
    expect(find('zz')).toEqual([]);
  });

  it('keeps "ann" and "anna" apart correctly around the prefix boundary', () => {
    const local = searcher([
      person('1', 'Anna', 'Bell'),
      person('2', 'Ann', 'Zed'),
      person('3', 'Annabel', 'Cole'),
    ]);
    expect(local('ann')).toEqual(['Ann Zed', 'Anna Bell', 'Annabel Cole']);
    // A trailing space ends the name word; user names ("annabel.cole") still match by prefix, after.
    expect(local('anna ')).toEqual(['Anna Bell', 'Annabel Cole']);
  });

  it('tells stored orders that do not fit the directory', () => {
    const table = UserTable.fromUsers(PEOPLE);
    const orders = buildCallerOrders(table.columns);
    expect(ordersFit(table.columns, orders)).toBe(true);
    expect(ordersFit(UserTable.fromUsers(PEOPLE.slice(1)).columns, orders)).toBe(false);
    expect(ordersFit(table.columns, { ...orders, email: undefined })).toBe(false);
  });

  // Generating 100,000 users takes 2-3 s alone, over vitest's 5 s default on a loaded machine: the
  // figures this test is about are the build and search times it measures itself.
  it(
    'builds for 100,000 users and searches in well under a millisecond',
    { timeout: 30_000 },
    () => {
      const table = UserTable.fromUsers(generateDirectory({ users: 100_000, seed: 1 }).users);
      const started = performance.now();
      const orders = buildCallerOrders(table.columns);
      const buildMs = performance.now() - started;
      const search = new CallerSearch(table.columns, orders);
      const queries = [
        'jo',
        'joh',
        'john s',
        'gar',
        'müll',
        'e0501',
        '555 12',
        'maria.g',
        'xi',
        'nguy',
        'patel',
        'a',
      ];
      const times: number[] = [];
      for (let round = 0; round < 50; round++) {
        for (const q of queries) {
          const t = performance.now();
          search.search(q, 10);
          times.push(performance.now() - t);
        }
      }
      times.sort((a, b) => a - b);
      const p95 = times[Math.floor(times.length * 0.95)] ?? 0;
      console.info(
        `caller index, 100,000 users: build ${buildMs.toFixed(0)} ms, search p95 ${(p95 * 1000).toFixed(0)} µs`,
      );
      expect(search.search('john s', 10).length).toBe(10);
      // The figure itself (p95 ≤ 1 ms in Chromium) is measured by `npm run bench`; here only a
      // bound that a linear scan of 100,000 users would break, loose enough for a loaded 2-core CI.
      expect(p95).toBeLessThan(10);
    },
  );
});
