// The walk-up queue across two desks and the REAL desk server (embedded PGlite, loopback fetch): a
// visit checked in on one desk reaches the other; desk B, offline, checks a guest in and calls the
// person desk A calls too — back online its check-in merges and its call lands in Needs attention.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_AGENT_ID } from '../../../shared/demo/directory-generator';
import type { StoreResult } from '../../../shared/domain/result';
import type { Visit } from '../../../shared/domain/visit';
import { buildServer } from '../../../server/app';
import { migrateToLatest } from '../../../server/db/migrate';
import { openDatabase, type ServerDatabase } from '../../../server/db/open-database';
import { DEMO_PASSWORD, demoAccounts, demoDirectory, seedDemo } from '../../../server/demo/seed';
import { silentLogger } from '../../../server/logger';
import { fixtureClock } from '../../../server/testing/fixtures';
import { createDeskDb } from '../db';
import { openStoreHost, type StoreHost } from '../store-host';
import type { FetchLike } from './desk-server-client';

const DEMO_USERS = 300;
const directory = demoDirectory({ users: DEMO_USERS });
const SECOND_AGENT = demoAccounts(directory)[1];
/** Two people of the demo directory who are not agents. */
const [RUTH, OMAR] = directory.users.filter((u) => u.roles.length === 0);
const AGENT_NAME = directory.users.find((u) => u.id === DEMO_AGENT_ID)?.name ?? '';

let database: ServerDatabase;
let serverUrl = '';
let closeServer: () => Promise<void>;

beforeAll(async () => {
  database = await openDatabase({ logger: silentLogger() });
  await migrateToLatest(database.db);
  await seedDemo(database.db, { users: DEMO_USERS, now: fixtureClock });
  const app = await buildServer({
    database,
    now: fixtureClock,
    signInRateLimit: false,
    sseHeartbeatMs: 60_000,
  });
  serverUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  closeServer = async () => {
    const closing = app.close();
    app.server.closeAllConnections();
    await closing;
    await database.close();
  };
}, 120_000);

afterAll(async () => {
  await closeServer();
});

interface Desk {
  host: StoreHost;
  factory: IDBFactory;
  setOnline(value: boolean): void;
}

let desks = 0;
async function openDesk(userName: string): Promise<Desk> {
  const factory = new IDBFactory();
  const connectivity = new EventTarget();
  let online = true;
  let clock = Date.parse('2026-11-23T09:00:00.000Z');
  const id = ++desks;
  let ids = 0;
  // A desk that is offline reaches nothing, whatever it tries.
  const net: FetchLike = (input, init) =>
    online ? fetch(input, init) : Promise.reject(new TypeError('fetch failed'));
  const host = await openStoreHost({
    dbName: 'desk',
    indexedDB: factory,
    IDBKeyRange,
    demoUsers: DEMO_USERS,
    now: () => new Date((clock += 1000)),
    newId: () => `client-walk-up-${id}-${ids++}`,
    onLine: () => online,
    connectivityEvents: connectivity,
    sync: {
      serverUrl,
      fetch: net,
      timers: { set: () => () => {} },
      random: () => 0,
      locks: null,
      directoryPageSize: 1000,
      pokeIdleMs: 61_000,
      requestTimeoutMs: 62_000,
      onlineCheckMs: 5_500,
      broadcastChannel: null,
    },
  });
  await host.directoryReady();
  value(await host.act('session.signIn', { userName, password: DEMO_PASSWORD }));
  return {
    host,
    factory,
    setOnline(value) {
      online = value;
      connectivity.dispatchEvent(new Event(value ? 'online' : 'offline'));
    },
  };
}

function value<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const LOCATION = 'loc-walk-up';

async function visitsOf(desk: Desk): Promise<Visit[]> {
  const db = createDeskDb({ name: 'desk', indexedDB: desk.factory, IDBKeyRange });
  await db.open();
  try {
    // The demo's past visits are at its own locations: only this test's location is compared.
    return (await db.visits.toArray())
      .filter((v) => v.location === LOCATION)
      .sort((a, b) => a.checkedInAt.localeCompare(b.checkedInAt));
  } finally {
    db.close();
  }
}

async function serverVisits(): Promise<Visit[]> {
  const rows = await database.db
    .selectFrom('visits')
    .select('record')
    .where('location', '=', LOCATION)
    .execute();
  return rows
    .map((r) => r.record as Visit)
    .sort((a, b) => a.checkedInAt.localeCompare(b.checkedInAt));
}

const checkIn = (id: string, over: Record<string, unknown>) => ({
  id,
  location: LOCATION,
  guestName: '',
  displayName: '',
  vip: false,
  reason: 'Laptop',
  reasonDetail: '',
  channel: 'agent' as const,
  person: null,
  ...over,
});

it('two desks at one location: an offline check-in merges in check-in order; a conflicting offline call lands in Needs attention with its data', async () => {
  if (!SECOND_AGENT || !RUTH || !OMAR) throw new Error('the demo directory has changed');
  const a = await openDesk('demo.agent');
  const b = await openDesk(SECOND_AGENT.userName);
  try {
    // Desk A checks Ruth in on her behalf; desk B's queue has her after a sync.
    value(await a.host.command('visit.checkIn', checkIn('v-ruth', { person: RUTH.id })));
    await a.host.sync?.syncNow();
    await b.host.sync?.syncNow();
    expect(await visitsOf(b)).toEqual([
      expect.objectContaining({
        id: 'v-ruth',
        // A real number from the server (the demo's past visits took the first ones).
        number: expect.stringMatching(/^VIS\d{7}$/) as string,
        displayName: RUTH.name,
        state: 'Waiting',
      }),
    ]);

    // Desk B loses the network: it checks in a guest, and calls Ruth to Counter 2.
    b.setOnline(false);
    value(await b.host.command('visit.checkIn', checkIn('v-guest', { guestName: 'Lee Park' })));
    value(await b.host.command('visit.call', { id: 'v-ruth', station: 'Counter 2' }));
    expect((await visitsOf(b)).map((v) => [v.id, v.state, v.numberProvisional])).toEqual([
      ['v-ruth', 'Called', false],
      ['v-guest', 'Waiting', true],
    ]);
    // Meanwhile desk A, online, checks Omar in and calls Ruth to Counter 1.
    value(await a.host.command('visit.checkIn', checkIn('v-omar', { person: OMAR.id })));
    value(await a.host.command('visit.call', { id: 'v-ruth', station: 'Counter 1' }));
    await a.host.sync?.syncNow();

    // B is back: its check-in reaches the server, its call is refused into Needs attention.
    b.setOnline(true);
    await b.host.sync?.syncNow();
    expect(value(await b.host.query('sync.status', {})).pendingChanges).toBe(0);
    const [item, ...others] = value(await b.host.query('sync.needsAttention', {}));
    expect(others).toEqual([]);
    expect(item).toMatchObject({
      name: 'visit.call',
      args: { id: 'v-ruth', station: 'Counter 2' },
      recordKind: 'visit',
      recordId: 'v-ruth',
      reason: {
        code: 'conflict',
        message: `${RUTH.name} was already called by ${AGENT_NAME} to Counter 1; they are Called.`,
      },
    });

    // Every desk and the server hold the same queue, in check-in order, with A's call standing.
    await a.host.sync?.syncNow();
    const server = await serverVisits();
    expect(server.map((v) => [v.id, v.state, v.station, v.numberProvisional])).toEqual([
      ['v-ruth', 'Called', 'Counter 1', false],
      ['v-guest', 'Waiting', null, false],
      ['v-omar', 'Waiting', null, false],
    ]);
    expect(server[0]?.calledBy).toBe(DEMO_AGENT_ID);
    expect(await visitsOf(a)).toEqual(server);
    expect(await visitsOf(b)).toEqual(server);
    expect(value(await a.host.query('sync.needsAttention', {}))).toEqual([]);
  } finally {
    await a.host.close();
    await b.host.close();
  }
}, 120_000);
