import { describe, expect, it } from 'vitest';
import { lobbyBoard } from './lobby-board';
import type { Visit } from './visit';
import { WALK_UP_DEFAULTS, type WalkUpLocation } from './walk-up-location';

const NOW = new Date('2026-12-04T10:00:00.000Z');
const at = (minutesAgo: number): string =>
  new Date(NOW.getTime() - minutesAgo * 60_000).toISOString();

const location: WalkUpLocation = {
  id: 'loc-hq',
  name: 'Service Desk — HQ',
  description: '',
  active: true,
  ...WALK_UP_DEFAULTS,
};

let serial = 0;
const visit = (over: Partial<Visit>): Visit => {
  serial += 1;
  return {
    id: `v-${serial}`,
    number: `VIS000${1000 + serial}`,
    numberProvisional: false,
    location: 'loc-hq',
    person: null,
    guestName: '',
    displayName: 'Grace Brewster Hopper',
    vip: false,
    reason: 'Printer',
    reasonDetail: '',
    channel: 'kiosk',
    state: 'Waiting',
    checkedInAt: at(10),
    checkedInBy: 'kiosk-1',
    calledAt: null,
    calledBy: null,
    station: null,
    startedAt: null,
    servedBy: null,
    endedAt: null,
    interaction: null,
    survey: null,
    openedAt: at(10),
    updatedAt: at(10),
    updatedBy: 'kiosk-1',
    ...over,
  };
};

/** A finished service of `minutes` at `station`, ended `endedAgo` minutes ago. */
const done = (minutes: number, station: string, endedAgo: number): Visit =>
  visit({
    state: 'Done',
    station,
    calledAt: at(endedAgo + minutes + 1),
    startedAt: at(endedAgo + minutes),
    endedAt: at(endedAgo),
  });

describe('the lobby board', () => {
  it('lists the queue VIPs first where the location says so, then by check-in, with positions', () => {
    const first = visit({ displayName: 'Ada Lovelace', checkedInAt: at(12) });
    const vip = visit({ displayName: 'Alan Turing', vip: true, checkedInAt: at(3) });
    const board = lobbyBoard(location, [first, vip], NOW);
    expect(board.waiting.map((l) => [l.position, l.name])).toEqual([
      [1, 'Alan T.'],
      [2, 'Ada L.'],
    ]);
    const fair = lobbyBoard({ ...location, vipFirst: false }, [first, vip], NOW);
    expect(fair.waiting.map((l) => l.name)).toEqual(['Ada L.', 'Alan T.']);
  });

  it('names people by the location’s format and never shows a full name by default', () => {
    const grace = visit({});
    expect(lobbyBoard(location, [grace], NOW).waiting[0]?.name).toBe('Grace H.');
    expect(lobbyBoard({ ...location, lobbyNames: 'initials' }, [grace], NOW).waiting[0]?.name).toBe(
      'G. B. H.',
    );
    expect(lobbyBoard({ ...location, lobbyNames: 'ticket' }, [grace], NOW).waiting[0]?.name).toBe(
      grace.number,
    );
  });

  it('estimates from recent service times and the stations serving, and the wait for a newcomer', () => {
    const history = [done(6, 'Counter 1', 5), done(6, 'Counter 2', 8), done(6, 'Counter 1', 20)];
    const waiting = [
      visit({ displayName: 'Ada Lovelace', checkedInAt: at(4) }),
      visit({ displayName: 'Alan Turing', checkedInAt: at(3) }),
      visit({ displayName: 'Edsger Dijkstra', checkedInAt: at(2) }),
    ];
    const board = lobbyBoard(location, [...history, ...waiting], NOW);
    expect(board.stationsServing).toBe(2);
    // Two stations free now, 7 minutes a service (counted from the call, the walk to the counter
    // included): 0, 0, then 7; someone checking in now: 7.
    expect(board.waiting.map((l) => l.estimatedWaitMinutes)).toEqual([0, 0, 7]);
    expect(board.estimatedWaitMinutes).toBe(7);
  });

  it('shows who is called (latest first) and who is served at which station; none of another location', () => {
    const older = visit({
      displayName: 'Ada Lovelace',
      state: 'Called',
      station: 'Counter 1',
      calledAt: at(2),
    });
    const newer = visit({
      displayName: 'Alan Turing',
      state: 'Called',
      station: 'Counter 2',
      calledAt: at(1),
    });
    const served = visit({
      displayName: 'Edsger Dijkstra',
      state: 'In service',
      station: 'Counter 3',
      calledAt: at(9),
      startedAt: at(8),
    });
    const elsewhere = visit({ location: 'loc-b2', displayName: 'Barbara Liskov' });
    const board = lobbyBoard(location, [older, newer, served, elsewhere], NOW);
    expect(board.called.map((l) => [l.name, l.station, l.position])).toEqual([
      ['Alan T.', 'Counter 2', null],
      ['Ada L.', 'Counter 1', null],
    ]);
    expect(board.inService.map((l) => [l.name, l.station])).toEqual([['Edsger D.', 'Counter 3']]);
    expect(board.waiting).toEqual([]);
    // No service time yet: no estimate rather than a guess.
    expect(board.estimatedWaitMinutes).toBeNull();
    expect(board.generatedAt).toBe(NOW.toISOString());
  });
});

describe("the lobby board's typical wait today", () => {
  it('is the median check-in → start of today’s visits, as the Dashboard counts it', () => {
    // Waited 4, 6 and 20 minutes today (check-in → start); one from yesterday waited 90.
    const served = (waited: number, startedAgo: number): Visit =>
      visit({
        state: 'In service',
        checkedInAt: at(startedAgo + waited),
        startedAt: at(startedAgo),
        calledAt: at(startedAgo + 1),
        station: 'Counter 1',
      });
    const yesterday = visit({
      state: 'Done',
      checkedInAt: at(24 * 60 + 90),
      startedAt: at(24 * 60),
      endedAt: at(24 * 60 - 5),
    });
    const visits = [served(4, 50), served(6, 30), served(20, 10), yesterday];
    expect(lobbyBoard(location, visits, NOW, 'UTC').todayMedianWaitMinutes).toBe(6);
    // Nobody started yet today: no typical wait to say.
    expect(lobbyBoard(location, [visit({})], NOW, 'UTC').todayMedianWaitMinutes).toBeNull();
  });
});
