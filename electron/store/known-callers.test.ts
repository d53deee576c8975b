// The caller lookup's known callers: a fixed directory and a fixed history of the agent's
// interactions give one expected order. Frecency ranks the known callers, they go first among a
// prefix's matches (at most PREFERRED_FIRST of them), and exact matches of anyone still win.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { generateDirectory } from '../../shared/demo/directory-generator';
import type { User } from '../../shared/domain/directory';
import { CallerSearch, PREFERRED_FIRST, buildCallerOrders } from './caller-search';
import { person } from './caller-test-people';
import { UserTable } from './directory-table';
import { openStoreHost } from './store-host';
import { interactionArgs } from './sync/sync-test-support';
import {
  contactWeight,
  KNOWN_RECENT_WEIGHT,
  rankKnownCallers,
} from '../../shared/domain/known-callers';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const daysAgo = (days: number): string => new Date(NOW.getTime() - days * 86_400_000).toISOString();

const PEOPLE: User[] = [
  person('1', 'John', 'Smith', { phone: '+1 555 123 4567' }),
  person('2', 'Johanna', 'Adams', { phone: '+1 555 987 6543' }),
  person('3', 'Adam', 'Johnson', { phone: '+1 555 222 1111' }),
  person('4', 'José', 'Núñez', { userName: 'jose.nunez', phone: '+1 555 124 0000' }),
  person('5', 'Søren', "O'Brien", { userName: 'soren.obrien', phone: '+1 555 333 4444' }),
  person('6', 'Mary', 'Johns', { userName: 'mjohns', phone: '+1 555 444 5555' }),
  person('7', 'John', 'Smithers', { phone: '+1 555 555 6666' }),
  person('8', 'Jonas', 'Left', { active: false }),
];

/** The agent's interactions on the desk: who they were for, and when they were opened. */
const HISTORY = [
  { openedFor: '3', openedAt: daysAgo(20) },
  { openedFor: '3', openedAt: daysAgo(21) },
  { openedFor: '3', openedAt: daysAgo(22) },
  { openedFor: '6', openedAt: daysAgo(0.1) },
  { openedFor: '7', openedAt: daysAgo(8) },
  // Outside the 90 days: not known.
  { openedFor: '5', openedAt: daysAgo(100) },
  // Gone from the directory's active users: known, but never listed.
  { openedFor: '8', openedAt: daysAgo(1) },
  { openedFor: null, openedAt: daysAgo(1) },
];

function searcher(people: readonly User[], history: typeof HISTORY) {
  const table = UserTable.fromUsers(people);
  const search = new CallerSearch(table.columns, buildCallerOrders(table.columns), (row) =>
    table.isActive(row),
  );
  const rows = rankKnownCallers(history, NOW).flatMap((k) => table.indexOf(k.id) ?? []);
  const preferred = search.preferredCallers(rows);
  return {
    plain: (query: string, limit = 10) =>
      search.search(query, limit).map((row) => table.at('name', row)),
    known: (query: string, limit = 10) =>
      search.search(query, limit, preferred).map((row) => table.at('name', row)),
  };
}

describe('known callers', () => {
  it('ranks by frecency: each interaction halves in weight every week, 90 days at most', () => {
    const ranked = rankKnownCallers(HISTORY, NOW);
    expect(ranked.map((k) => k.id)).toEqual(['6', '8', '7', '3']);
    expect(ranked.find((k) => k.id === '3')).toMatchObject({
      interactions: 3,
      lastAt: daysAgo(20),
    });
    // Three calls three weeks ago weigh less than one last week; more calls of the same age weigh more.
    const three = ranked.find((k) => k.id === '3')?.score ?? 0;
    expect(three).toBeCloseTo(0.5 ** (20 / 7) + 0.5 ** 3 + 0.5 ** (22 / 7), 6);
    expect(rankKnownCallers(HISTORY, NOW, 2).map((k) => k.id)).toEqual(['6', '8']);
    // Equal scores: the latest contact first, then the id.
    const tie = rankKnownCallers(
      [
        { openedFor: 'b', openedAt: daysAgo(1) },
        { openedFor: 'a', openedAt: daysAgo(1) },
      ],
      NOW,
    );
    expect(tie.map((k) => k.id)).toEqual(['a', 'b']);
  });

  it('ranks a caller of the last hours higher: they ring back soon more often than days later', () => {
    const hoursAgo = (hours: number) => daysAgo(hours / 24);
    const calls = (who: string, days: number[]) =>
      days.map((d) => ({ openedFor: who, openedAt: daysAgo(d) }));
    const week = calls('week', [1, 2, 3]);
    const busier = calls('busier', [1, 2, 3, 4]);
    const now = (hours: number) => [{ openedFor: 'now', openedAt: hoursAgo(hours) }];
    const order = (history: typeof week) => rankKnownCallers(history, NOW).map((k) => k.id);
    // Ten minutes ago: before a caller of three calls this week, not before one of four.
    expect(order([...week, ...now(1 / 6)])).toEqual(['now', 'week']);
    expect(order([...busier, ...now(1 / 6)])).toEqual(['busier', 'now']);
    // Three hours on, the hours' extra has faded: the week's caller is first again.
    expect(order([...week, ...now(3)])).toEqual(['week', 'now']);
    // A day on, the extra is gone: the score is the weeks' part alone.
    const score = rankKnownCallers(now(24), NOW)[0]?.score ?? 0;
    expect(score).toBeCloseTo(0.5 ** (1 / 7), 2);
    expect(contactWeight(0)).toBe(1 + KNOWN_RECENT_WEIGHT);
    expect(contactWeight(-60_000)).toBe(contactWeight(0));
  });

  it('lists the known callers first among the matches of a letter or two, best first', () => {
    const { plain, known } = searcher(PEOPLE, HISTORY);
    expect(plain('jo')).toEqual([
      'Johanna Adams',
      'John Smith',
      'John Smithers',
      'José Núñez',
      'Mary Johns',
      'Adam Johnson',
    ]);
    expect(known('jo')).toEqual([
      'Mary Johns',
      'John Smithers',
      'Adam Johnson',
      'Johanna Adams',
      'John Smith',
      'José Núñez',
    ]);
    // The given name or the surname, the user name or a phone number's digits alike.
    expect(known('j')[0]).toBe('Mary Johns');
    // Then the others in the index's order: full names before surnames.
    expect(known('s')).toEqual(['John Smithers', "Søren O'Brien", 'John Smith']);
    expect(known('mj')).toEqual(['Mary Johns']);
    expect(known('555 2')).toEqual(['Adam Johnson']);
    // Someone not known is found as before.
    expect(known('jos')).toEqual(['José Núñez']);
  });

  it('keeps exact matches of anyone first, and never lists an inactive known caller', () => {
    const { known } = searcher(PEOPLE, HISTORY);
    // John Smith's full name typed: he comes before the known John Smithers.
    expect(known('John Smith')).toEqual(['John Smith', 'John Smithers']);
    expect(known('smith john')).toEqual(['John Smith']);
    // An exact employee id or phone number is that person, known or not.
    expect(known('E000002')[0]).toBe('Johanna Adams');
    expect(known('+1 555 123 4567')).toEqual(['John Smith']);
    expect(known('jon')).toEqual([]);
  });

  it(`puts at most ${PREFERRED_FIRST} known callers before the others, within the limit`, () => {
    const people = Array.from({ length: 12 }, (_, i) =>
      person(String(i + 1), `Kim${String.fromCharCode(97 + i)}`, 'Lee'),
    );
    // Known: the last eight, the latest contact first.
    const history = people
      .slice(4)
      .map((p, i) => ({ openedFor: p.id, openedAt: daysAgo(i) }))
      .reverse();
    const { known } = searcher(people, history);
    const found = known('kim', 10);
    expect(found).toHaveLength(10);
    expect(found.slice(0, PREFERRED_FIRST)).toEqual([
      'Kime Lee',
      'Kimf Lee',
      'Kimg Lee',
      'Kimh Lee',
      'Kimi Lee',
    ]);
    // Then the index's order, each person once.
    expect(found.slice(PREFERRED_FIRST)).toEqual([
      'Kima Lee',
      'Kimb Lee',
      'Kimc Lee',
      'Kimd Lee',
      'Kimj Lee',
    ]);
    expect(known('kim', 3)).toEqual(['Kime Lee', 'Kimf Lee', 'Kimg Lee']);
  });

  it('keeps a search over 100,000 users with 100 known callers, and its lookahead, fast', () => {
    const table = UserTable.fromUsers(generateDirectory({ users: 100_000, seed: 1 }).users);
    const search = new CallerSearch(table.columns, buildCallerOrders(table.columns));
    // 100 known callers spread over the directory, as a busy agent's 90 days make them.
    const preferred = search.preferredCallers(Array.from({ length: 100 }, (_, i) => i * 997));
    const queries = ['a', 'jo', 'joh', 'john s', 'müll', 'e0501', '555 12', 'maria.g', 'patel'];
    const times: number[] = [];
    for (let round = 0; round < 50; round++) {
      for (const q of queries) {
        const t = performance.now();
        search.search(q, 10, preferred);
        times.push(performance.now() - t);
      }
    }
    times.sort((a, b) => a - b);
    const p95 = times[Math.floor(times.length * 0.95)] ?? 0;
    // A lookahead asks once per next key (37 searches): the known callers cost each one.
    const started = performance.now();
    for (const key of 'abcdefghijklmnopqrstuvwxyz0123456789 ')
      search.search(`j${key}`, 10, preferred);
    const aheadMs = performance.now() - started;
    console.info(
      `caller index, 100,000 users, 100 known callers: search p95 ${(p95 * 1000).toFixed(0)} µs, a lookahead ${aheadMs.toFixed(1)} ms`,
    );
    // Loose bounds for a loaded 2-core machine; a scan of the directory would break them.
    expect(p95).toBeLessThan(10);
    expect(aheadMs).toBeLessThan(100);
  }, 60_000);
});

describe('known callers on a desk', () => {
  it('follows the clock: a caller of an hour ago comes first, and not once the hours pass', async () => {
    let clock = Date.parse('2026-03-02T09:00:00.000Z');
    const host = await openStoreHost({
      dbName: 'known-clock',
      indexedDB: new IDBFactory(),
      IDBKeyRange,
      demoUsers: 200,
      now: () => new Date(clock),
      newId: () => 'client-1',
    });
    try {
      await host.directoryReady();
      const search = async (query: string) => {
        const result = await host.query('directory.searchUsers', { query, limit: 10 });
        if (!result.ok) throw new Error(result.error.message);
        return result.value;
      };
      // Two callers whose names share a first letter.
      const [week, today] = (await search('a')).filter((u) => u.name.toLowerCase().startsWith('a'));
      if (!week || !today) throw new Error('too few demo users');
      const log = async (n: number, openedFor: string) => {
        const made = await host.command(
          'interaction.create',
          interactionArgs(`i-${n}`, {
            openedFor,
            component: null,
            assignmentGroup: null,
            assignedTo: null,
          }),
        );
        expect(made.ok).toBe(true);
      };
      // Three calls over the last six days, then one an hour ago.
      for (const n of [0, 1, 2]) {
        await log(n, week.id);
        clock += 2 * 86_400_000;
      }
      clock -= 60 * 60_000;
      await log(3, today.id);
      clock += 60 * 60_000;
      const first = async () => (await search('a'))[0]?.id;
      expect(await first()).toBe(today.id);
      // Three hours on, with nothing written meanwhile: read again, the week's caller first.
      clock += 3 * 60 * 60_000;
      expect(await first()).toBe(week.id);
    } finally {
      await host.close();
    }
  });
});
