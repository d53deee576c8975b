// Tests for the walk-up queries through the store host on fake-indexeddb, as a window asks them:
// the locations, a location's queue (order, positions, estimate, stations), a visit, live refresh.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_AGENT_ID } from '../../shared/demo/directory-generator';
import type { StoreResult } from '../../shared/domain/result';
import type { Visit } from '../../shared/domain/visit';
import { WALK_UP_DEFAULTS, type WalkUpLocation } from '../../shared/domain/walk-up-location';
import type { WalkUpQueueView } from '../../shared/store-api/walk-up-contract';
import { createDeskDb, type DeskDb } from './db';
import { putPulledPacked } from './packed-records';
import { openStoreHost, type StoreHost } from './store-host';

const DB_NAME = 'desk';
const opened: { close(): Promise<void> | void }[] = [];
/** Noon on this machine's clock, so "today" holds the morning whatever the time zone. */
const T0 = new Date(2026, 10, 23, 12, 0, 0).getTime();
const minutes = (n: number): string => new Date(T0 + n * 60_000).toISOString();

afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

interface Desk {
  host: StoreHost;
  db: DeskDb;
  /** Sets the desk's clock, in minutes after noon. */
  at(minute: number): void;
}

async function openDesk(): Promise<Desk> {
  const factory = new IDBFactory();
  let clock = T0;
  let ids = 0;
  const host = await openStoreHost({
    dbName: DB_NAME,
    indexedDB: factory,
    IDBKeyRange,
    demoUsers: 200,
    demoIncidents: 0,
    now: () => new Date(clock),
    newId: () => `client-${++ids}`,
    onLine: () => true,
    connectivityEvents: new EventTarget(),
  });
  opened.push(host);
  await host.directoryReady();
  const db = createDeskDb({ name: DB_NAME, indexedDB: factory, IDBKeyRange });
  await db.open();
  opened.push(db);
  return {
    host,
    db,
    at(minute) {
      clock = T0 + minute * 60_000;
    },
  };
}

function value<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

const location = (overrides: Partial<WalkUpLocation> = {}): WalkUpLocation => ({
  id: 'loc-hq',
  name: 'Service Desk — HQ',
  description: '',
  active: true,
  ...WALK_UP_DEFAULTS,
  ...overrides,
});

/** A visit done earlier today: called to `station` at `start`, done `service` minutes later. */
const done = (id: string, start: number, service: number, station = 'Counter 1'): Visit => ({
  id,
  number: `VIS000${id}`,
  numberProvisional: false,
  location: 'loc-hq',
  person: null,
  guestName: `Guest ${id}`,
  displayName: `Guest ${id}`,
  vip: false,
  reason: 'Printer',
  reasonDetail: '',
  channel: 'kiosk',
  state: 'Done',
  checkedInAt: minutes(start - 5),
  checkedInBy: DEMO_AGENT_ID,
  calledAt: minutes(start),
  calledBy: DEMO_AGENT_ID,
  station,
  startedAt: minutes(start + 1),
  servedBy: DEMO_AGENT_ID,
  endedAt: minutes(start + service),
  interaction: null,
  survey: null,
  openedAt: minutes(start - 5),
  updatedAt: minutes(start + service),
  updatedBy: DEMO_AGENT_ID,
});

async function checkIn(
  desk: Desk,
  id: string,
  minute: number,
  who: { person?: string; guestName?: string; vip?: boolean; loc?: string } = {},
): Promise<void> {
  desk.at(minute);
  value(
    await desk.host.command('visit.checkIn', {
      id,
      location: who.loc ?? 'loc-hq',
      person: who.person ?? null,
      guestName: who.guestName ?? (who.person ? '' : `Guest ${id}`),
      vip: who.vip ?? false,
      reason: 'Password or account',
    }),
  );
}

const queue = async (desk: Desk, loc = 'loc-hq'): Promise<WalkUpQueueView> =>
  value(await desk.host.query('walkUp.queue', { location: loc }));

describe('walkUp.locations', () => {
  it('lists the active locations this desk knows, by name', async () => {
    const desk = await openDesk();
    // The demo directory brings its own locations: this desk starts from none.
    await desk.db.locations.clear();
    expect(value(await desk.host.query('walkUp.locations', {}))).toEqual([]);
    await desk.db.locations.bulkPut([
      location({ id: 'loc-tb', name: 'Tech Bar — Building 2' }),
      location(),
      location({ id: 'loc-old', name: 'Annex (closed)', active: false }),
    ]);
    const names = value(await desk.host.query('walkUp.locations', {})).map((l) => l.name);
    expect(names).toEqual(['Service Desk — HQ', 'Tech Bar — Building 2']);
  });
});

describe('walkUp.queue', () => {
  it('orders the waiting VIPs first where the location says so, then by check-in', async () => {
    const desk = await openDesk();
    await desk.db.locations.put(location({ vipFirst: true }));
    await checkIn(desk, 'v-1', 1, { guestName: 'Ann Early' });
    await checkIn(desk, 'v-2', 2, { person: 'usr_000100', vip: true });
    await checkIn(desk, 'v-3', 3, { guestName: 'Cy Late' });
    await checkIn(desk, 'v-other', 3, { loc: 'loc-tb' });

    const view = await queue(desk);
    expect(view.location?.name).toBe('Service Desk — HQ');
    expect(view.waiting.map((e) => [e.position, e.visit.id])).toEqual([
      [1, 'v-2'],
      [2, 'v-1'],
      [3, 'v-3'],
    ]);
    expect(view.waiting[0]?.visit.displayName).not.toBe('');
    // No service time yet: no estimate, and the screens say so.
    expect(view.medianServiceMinutes).toBeNull();
    expect(view.todayMedianWaitMinutes).toBeNull();
    expect(view.waiting.map((e) => e.estimatedWaitMinutes)).toEqual([null, null, null]);

    await desk.db.locations.put(location({ vipFirst: false }));
    expect((await queue(desk)).waiting.map((e) => e.visit.id)).toEqual(['v-1', 'v-2', 'v-3']);
  });

  it('estimates from the rolling median of service times and the stations serving', async () => {
    const desk = await openDesk();
    await desk.db.locations.put(location());
    // Services of 4, 6 and 8 minutes earlier on: the median is 6.
    await desk.db.visits.bulkPut([done('d1', -60, 4), done('d2', -40, 8), done('d3', -20, 6)]);
    await checkIn(desk, 'v-1', 0);
    await checkIn(desk, 'v-2', 1);
    await checkIn(desk, 'v-3', 2);
    desk.at(3);

    // One station served in the last half hour (Counter 1): one after the other, 6 minutes each.
    let view = await queue(desk);
    expect(view.medianServiceMinutes).toBe(6);
    // Each waited 6 minutes from check-in to Start today: the header's typical wait today.
    expect(view.todayMedianWaitMinutes).toBe(6);
    expect(view.stationsServing).toBe(1);
    expect(view.waiting.map((e) => e.estimatedWaitMinutes)).toEqual([0, 6, 12]);

    // A second station calls the first: it is busy for one service, Counter 1 takes the next.
    value(await desk.host.command('visit.call', { id: 'v-1', station: 'Counter 2' }));
    view = await queue(desk);
    expect(view.stationsServing).toBe(2);
    expect(view.called.map((v) => [v.id, v.station, v.calledByName])).toEqual([
      ['v-1', 'Counter 2', expect.any(String)],
    ]);
    expect(view.waiting.map((e) => [e.visit.id, e.position, e.estimatedWaitMinutes])).toEqual([
      ['v-2', 1, 0],
      ['v-3', 2, 6],
    ]);
  });

  it('lists who is in service with their interaction, and today’s finished visits newest first', async () => {
    const desk = await openDesk();
    await desk.db.locations.put(location());
    await desk.db.visits.bulkPut([done('d1', -60, 4), done('d2', -30, 5), done('d0', -24 * 60, 5)]);
    await checkIn(desk, 'v-1', 0, { person: 'usr_000100' });
    await checkIn(desk, 'v-2', 1);
    desk.at(2);
    const started = await desk.host.command('visit.start', {
      id: 'v-1',
      interactionId: 'int-1',
      station: 'Counter 1',
      contactEmail: 'person@deskpad.example',
      contactPhone: '',
    });
    value(started);
    desk.at(5);
    value(await desk.host.command('visit.markLeft', { id: 'v-2' }));

    const view = await queue(desk);
    expect(view.waiting).toEqual([]);
    expect(view.inService.map((v) => [v.id, v.servedByName !== null])).toEqual([['v-1', true]]);
    expect(view.inService[0]?.interactionNumber).toEqual(expect.any(String));
    expect(view.finished.map((v) => [v.id, v.state])).toEqual([
      ['v-2', 'Left'],
      ['d2', 'Done'],
      ['d1', 'Done'],
    ]);
  });

  it('answers for a location the feed has not brought yet, ordered by the defaults', async () => {
    const desk = await openDesk();
    await checkIn(desk, 'v-1', 0);
    const view = await queue(desk);
    expect(view.location).toBeNull();
    expect(view.waiting.map((e) => e.visit.id)).toEqual(['v-1']);
  });

  it('refuses bad input and changes nothing', async () => {
    const desk = await openDesk();
    const answer = await desk.host.query('walkUp.queue', { location: '' });
    expect(answer.ok).toBe(false);
    expect(await desk.db.visits.count()).toBe(0);
  });

  it('refreshes a live queue when a visit or the location changes', async () => {
    const desk = await openDesk();
    await desk.db.locations.put(location({ vipFirst: true }));
    const seen: string[][] = [];
    await desk.host.subscribe('walkUp.queue', { location: 'loc-hq' }, (r) =>
      seen.push(value(r).waiting.map((e) => e.visit.id)),
    );
    await vi.waitFor(() => expect(seen.at(-1)).toEqual([]));
    await checkIn(desk, 'v-1', 1);
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['v-1']));
    // Another desk's visit arriving through sync (written to db.visits) shows too.
    await desk.db.visits.put({
      ...done('v-2', 0, 0),
      state: 'Waiting',
      vip: true,
      checkedInAt: minutes(2),
      calledAt: null,
      calledBy: null,
      station: null,
      startedAt: null,
      servedBy: null,
      endedAt: null,
    });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['v-2', 'v-1']));
    await desk.db.locations.put(location({ vipFirst: false }));
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['v-1', 'v-2']));
  });
});

describe('visit.get', () => {
  it('answers a visit with its names, and null for one this desk does not have', async () => {
    const desk = await openDesk();
    await checkIn(desk, 'v-1', 0, { person: 'usr_000100' });
    const visit = value(await desk.host.query('visit.get', { id: 'v-1' }));
    expect(visit).toMatchObject({
      id: 'v-1',
      state: 'Waiting',
      person: 'usr_000100',
      calledByName: null,
      servedByName: null,
      interactionNumber: null,
    });
    expect(value(await desk.host.query('visit.get', { id: 'v-none' }))).toBeNull();
  });
});

describe('packed visits', () => {
  it('show in the queue’s finished list, by id and in the agent’s day as rows do, and follow a pull live', async () => {
    const desk = await openDesk();
    await desk.db.locations.put(location());
    const finished: string[][] = [];
    await desk.host.subscribe('walkUp.queue', { location: 'loc-hq' }, (r) =>
      finished.push(value(r).finished.map((v) => v.id)),
    );
    await vi.waitFor(() => expect(finished.at(-1)).toEqual([]));
    // As a pull stores them with nothing waiting: visits that are over, a hundred to a row.
    await desk.db.transaction('rw', [desk.db.visits, desk.db.visitPacks], () =>
      putPulledPacked(desk.db, 'visit', [done('d1', -60, 4), done('d2', -30, 5)]),
    );
    expect(await desk.db.visits.count()).toBe(0);
    expect(await desk.db.visitPacks.count()).toBe(1);
    await vi.waitFor(() => expect(finished.at(-1)).toEqual(['d2', 'd1']));
    expect(value(await desk.host.query('visit.get', { id: 'd1' }))).toMatchObject({
      state: 'Done',
    });
    const day = value(await desk.host.query('figures.agentToday', {}));
    expect(day.visitsServed).toBe(2);
  });
});
