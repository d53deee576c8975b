// Tests for the queue's order and the wait estimate: VIPs first where the location says so, then
// check-in order; the rolling median, the stations serving and the per-station simulation.

import { describe, expect, it } from 'vitest';
import type { Visit } from './visit';
import {
  estimateWaits,
  medianServiceMinutes,
  queueOrder,
  SERVICE_SAMPLE,
  serviceMinutes,
  serviceNowEstimate,
  STATION_WINDOW_MINUTES,
  stationsServing,
} from './walk-up-queue';

const T0 = Date.parse('2026-11-23T09:00:00.000Z');
/** Minutes after 09:00 as an ISO time. */
const at = (minute: number): string => new Date(T0 + minute * 60_000).toISOString();
const now = (minute: number): number => T0 + minute * 60_000;

const HQ = { id: 'loc-hq', vipFirst: true };
const FIFO = { id: 'loc-hq', vipFirst: false };

function visit(id: string, overrides: Partial<Visit> = {}): Visit {
  return {
    id,
    number: `VIS-${id}`,
    numberProvisional: false,
    location: 'loc-hq',
    person: null,
    guestName: id,
    displayName: id,
    vip: false,
    reason: 'Printer',
    reasonDetail: '',
    channel: 'agent',
    state: 'Waiting',
    checkedInAt: at(0),
    checkedInBy: 'usr_1',
    calledAt: null,
    calledBy: null,
    station: null,
    startedAt: null,
    servedBy: null,
    endedAt: null,
    interaction: null,
    survey: null,
    openedAt: at(0),
    updatedAt: at(0),
    updatedBy: 'usr_1',
    ...overrides,
  };
}

const waiting = (id: string, checkedIn: number, vip = false): Visit =>
  visit(id, { checkedInAt: at(checkedIn), vip });

/** A service at `station`: called at `call`, started a minute later, done `minutes` after the call. */
const done = (id: string, call: number, minutes: number, station = 'Counter 1'): Visit =>
  visit(id, {
    state: 'Done',
    checkedInAt: at(call - 10),
    calledAt: at(call),
    station,
    startedAt: at(call + 1),
    endedAt: at(call + minutes),
  });

const inService = (id: string, call: number, station: string): Visit =>
  visit(id, {
    state: 'In service',
    checkedInAt: at(call - 10),
    calledAt: at(call),
    station,
    startedAt: at(call + 1),
  });

const called = (id: string, calledAt: number, station: string): Visit =>
  visit(id, { state: 'Called', checkedInAt: at(calledAt - 5), calledAt: at(calledAt), station });

const ids = (visits: readonly Visit[]): string[] => visits.map((v) => v.id);

describe('queueOrder', () => {
  it('takes the VIPs first where the location says so, then first come, first served', () => {
    const visits = [waiting('b', 2), waiting('vip-late', 5, true), waiting('a', 1)];
    expect(ids(queueOrder(visits, HQ))).toEqual(['vip-late', 'a', 'b']);
  });

  it('ignores VIP where the location does not put them first', () => {
    const visits = [waiting('b', 2), waiting('vip-late', 5, true), waiting('a', 1)];
    expect(ids(queueOrder(visits, FIFO))).toEqual(['a', 'b', 'vip-late']);
  });

  it('orders VIPs among themselves by check-in too', () => {
    const visits = [waiting('v2', 4, true), waiting('x', 0), waiting('v1', 3, true)];
    expect(ids(queueOrder(visits, HQ))).toEqual(['v1', 'v2', 'x']);
  });

  it('breaks a tie in check-in time by the visit id, so every desk agrees', () => {
    const visits = [waiting('v-b', 1), waiting('v-a', 1)];
    expect(ids(queueOrder(visits, HQ))).toEqual(['v-a', 'v-b']);
  });

  it('leaves out other locations and everyone not waiting', () => {
    const visits = [
      waiting('here', 1),
      visit('elsewhere', { location: 'loc-tb' }),
      called('called', 2, 'Counter 1'),
      inService('serving', 1, 'Counter 2'),
      done('done', -20, 5),
      visit('left', { state: 'Left' }),
      visit('no-show', { state: 'No-show' }),
    ];
    expect(ids(queueOrder(visits, HQ))).toEqual(['here']);
  });

  it('does not reorder the visits it was given', () => {
    const visits = [waiting('b', 2), waiting('a', 1)];
    queueOrder(visits, HQ);
    expect(ids(visits)).toEqual(['b', 'a']);
  });
});

describe('service times and the rolling median', () => {
  it('measures a Done visit from the call to the end, and nothing else', () => {
    // The walk to the counter is the station's time too.
    expect(serviceMinutes(done('d', 0, 7.5))).toBe(7.5);
    expect(
      serviceMinutes(visit('started', { state: 'Done', startedAt: at(2), endedAt: at(8) })),
    ).toBe(6);
    expect(serviceMinutes(inService('s', 0, 'Counter 1'))).toBeNull();
    expect(
      serviceMinutes(visit('n', { state: 'Done', startedAt: null, endedAt: at(3) })),
    ).toBeNull();
    expect(
      serviceMinutes(visit('bad', { state: 'Done', startedAt: at(5), endedAt: at(3) })),
    ).toBeNull();
  });

  it('is the median of the location’s services (even counts average the middle two)', () => {
    expect(
      medianServiceMinutes([done('a', 0, 4), done('b', 10, 10), done('c', 20, 6)], 'loc-hq'),
    ).toBe(6);
    expect(medianServiceMinutes([done('a', 0, 4), done('b', 10, 10)], 'loc-hq')).toBe(7);
  });

  it('has none without a service, and reads no other location', () => {
    expect(medianServiceMinutes([], 'loc-hq')).toBeNull();
    expect(medianServiceMinutes([waiting('w', 0)], 'loc-hq')).toBeNull();
    expect(
      medianServiceMinutes([{ ...done('a', 0, 30), location: 'loc-tb' }], 'loc-hq'),
    ).toBeNull();
  });

  it(`reads only the last ${SERVICE_SAMPLE} services, by when they ended`, () => {
    // Twenty old 30-minute services, then twenty recent 5-minute ones: the old ones are gone.
    const old = Array.from({ length: SERVICE_SAMPLE }, (_, i) => done(`old-${i}`, -500 + i, 30));
    const recent = Array.from({ length: SERVICE_SAMPLE }, (_, i) => done(`new-${i}`, -100 + i, 5));
    expect(medianServiceMinutes([...recent, ...old], 'loc-hq')).toBe(5);
    expect(medianServiceMinutes([...old, ...recent.slice(0, 5)], 'loc-hq')).toBe(30);
  });
});

describe('stationsServing', () => {
  it('counts stations with someone called or in service, and those active in the window', () => {
    const visits = [
      called('c', -2, 'Counter 2'),
      inService('s', -5, 'Counter 1'),
      done('recent', -20, 5, 'Counter 3'),
      done('old', -200, 5, 'Counter 4'),
      { ...inService('other', -5, 'Counter 9'), location: 'loc-tb' },
    ];
    expect(stationsServing(visits, 'loc-hq', now(0))).toEqual([
      'Counter 1',
      'Counter 2',
      'Counter 3',
    ]);
  });

  it(`forgets a station idle for more than ${STATION_WINDOW_MINUTES} minutes`, () => {
    const visits = [done('d', 0, 5, 'Counter 3')];
    expect(stationsServing(visits, 'loc-hq', now(5 + STATION_WINDOW_MINUTES))).toEqual([
      'Counter 3',
    ]);
    expect(stationsServing(visits, 'loc-hq', now(6 + STATION_WINDOW_MINUTES))).toEqual([]);
  });

  it('counts a station once however many it served', () => {
    const visits = [done('a', -20, 5), done('b', -10, 5), inService('c', -2, 'Counter 1')];
    expect(stationsServing(visits, 'loc-hq', now(0))).toEqual(['Counter 1']);
  });
});

describe('estimateWaits', () => {
  const history = [done('h1', -60, 4), done('h2', -40, 8), done('h3', -25, 6)];

  it('gives no estimate before the location has a service time', () => {
    const result = estimateWaits([waiting('w', 0)], HQ, now(1));
    expect(result.medianServiceMinutes).toBeNull();
    expect(result.minutes.size).toBe(0);
  });

  it('serves the queue one median apart at one free station', () => {
    const visits = [...history, waiting('a', 0), waiting('b', 1), waiting('c', 2)];
    const result = estimateWaits(visits, HQ, now(3));
    expect(result).toMatchObject({ medianServiceMinutes: 6, stations: 1 });
    expect([...result.minutes]).toEqual([
      ['a', 0],
      ['b', 6],
      ['c', 12],
    ]);
  });

  it('divides the queue between the stations serving', () => {
    const visits = [
      ...history,
      done('h4', -20, 6, 'Counter 2'),
      waiting('a', 0),
      waiting('b', 1),
      waiting('c', 2),
      waiting('d', 3),
    ];
    const result = estimateWaits(visits, HQ, now(4));
    expect(result.stations).toBe(2);
    expect(result.minutes.get('a')).toBe(0);
    expect(result.minutes.get('b')).toBe(0);
    expect(result.minutes.get('c')).toBe(6);
    expect(result.minutes.get('d')).toBe(6);
  });

  it('waits for what is left of the services in progress, counted from their call', () => {
    // Counter 1 called 2 minutes ago (4 left of the 6-minute median); Counter 2 a minute ago.
    const visits = [
      ...history,
      inService('s', 8, 'Counter 1'),
      called('c', 9, 'Counter 2'),
      waiting('a', 5),
      waiting('b', 6),
      waiting('x', 7),
    ];
    const result = estimateWaits(visits, HQ, now(10));
    expect([...result.minutes]).toEqual([
      ['a', 4],
      ['b', 5],
      ['x', 10],
    ]);
  });

  it('never waits less than nothing for a service running longer than the median', () => {
    const visits = [...history, inService('s', -30, 'Counter 1'), waiting('a', 0)];
    expect(estimateWaits(visits, HQ, now(1)).minutes.get('a')).toBe(0);
  });

  it('assumes one station at a location where nobody serves right now', () => {
    const visits = [done('h', -300, 6), waiting('a', 0), waiting('b', 1)];
    const result = estimateWaits(visits, HQ, now(2));
    expect(result.stations).toBe(0);
    expect([...result.minutes.values()]).toEqual([0, 6]);
  });

  it('estimates in queue order: a VIP checked in last is estimated first', () => {
    const visits = [...history, waiting('a', 0), waiting('vip', 2, true)];
    const result = estimateWaits(visits, HQ, now(3));
    expect(result.minutes.get('vip')).toBe(0);
    expect(result.minutes.get('a')).toBe(6);
  });
});

describe('serviceNowEstimate (the comparison)', () => {
  it('multiplies the average wait so far by the place in the queue', () => {
    const visits = [waiting('a', 0), waiting('b', 4), waiting('c', 8)];
    // Waited 10, 6 and 2 minutes at 09:10: average 6.
    expect([...serviceNowEstimate(visits, FIFO, now(10))]).toEqual([
      ['a', 6],
      ['b', 12],
      ['c', 18],
    ]);
  });

  it('ignores the stations serving and the service times', () => {
    const few = [waiting('a', 0), waiting('b', 0)];
    const busy = [...few, inService('s1', 0, 'Counter 1'), done('d', -20, 30, 'Counter 2')];
    expect(serviceNowEstimate(busy, FIFO, now(5))).toEqual(serviceNowEstimate(few, FIFO, now(5)));
  });
});
