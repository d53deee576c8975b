// The sync engine against the REAL desk server, in process on embedded PGlite and reached over
// loopback with real fetch: push, pull, rebase, refusals, lost acknowledgements, backoff, directory.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_AGENT_ID } from '../../../shared/demo/directory-generator';
import type { Incident } from '../../../shared/domain/incident';
import type { CreateInteractionArgs, Interaction } from '../../../shared/domain/interaction';
import { relatedRecordsOf } from '../../../shared/domain/related-records';
import type { StoreResult } from '../../../shared/domain/result';
import type { StoreEvent } from '../../../shared/store-api/contract';
import { POKE_STREAM_HEADER, type Poke } from '../../../shared/sync/protocol';
import { buildServer } from '../../../server/app';
import { migrateToLatest } from '../../../server/db/migrate';
import { openDatabase, type ServerDatabase } from '../../../server/db/open-database';
import { DEMO_PASSWORD, demoAccounts, demoDirectory, seedDemo } from '../../../server/demo/seed';
import { silentLogger } from '../../../server/logger';
import { fixtureClock } from '../../../server/testing/fixtures';
import { lockVersion, saveVersion } from '../../../server/sync/versions';
import { createDeskDb, type DeskDb, type StoredSession } from '../db';
import { appendToOutbox } from '../store-commands';
import { openStoreHost, type StoreHost } from '../store-host';
import type { FetchLike } from './desk-server-client';
import { createDeskServerClient } from './desk-server-client';
import { pullAndRebase } from './pull-and-rebase';
import type { Cancel, LockManagerLike, Timers, TokenVault } from './sync-engine';
import { memoryLocks } from './timing-test-support';

const DEMO_USERS = 300;
/** A silence no backoff step in these tests lasts exactly, so the watchdog's wait is known. */
const POKE_IDLE_MS = 61_000;
/** Likewise for each request's timeout, which `fire()` must not set off under a request. */
const REQUEST_TIMEOUT_MS = 62_000;
/** How often an offline desk looks at navigator.onLine again: no backoff step lasts this long. */
const ONLINE_CHECK_MS = 5_500;
const SECOND_AGENT = demoAccounts(demoDirectory({ users: DEMO_USERS }))[1]?.userName ?? '';
/** A group the demo agent works in: an interaction assigned there can be escalated. */
const AGENT_GROUP =
  demoDirectory({ users: DEMO_USERS }).groups.find((g) => g.memberIds.includes(DEMO_AGENT_ID))
    ?.id ?? '';

let database: ServerDatabase;
let serverUrl = '';
let closeServer: () => Promise<void>;

beforeAll(async () => {
  database = await openDatabase({ logger: silentLogger() });
  await migrateToLatest(database.db);
  await seedDemo(database.db, { users: DEMO_USERS, now: fixtureClock });
  // Sessions are ended in the database directly here: the next request must hear it at once.
  // The server's clock stays a few days after the desks' fixed times (it keeps a desk's time only
  // within 30 days of its own), however long after them the tests run.
  const app = await buildServer({
    database,
    now: fixtureClock,
    signInRateLimit: false,
    sseHeartbeatMs: 60_000,
    sessionHoldMs: 0,
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  serverUrl = address;
  closeServer = async () => {
    // The desks' fetch keeps idle connections open; close() would wait for them.
    const closing = app.close();
    app.server.closeAllConnections();
    await closing;
    await database.close();
  };
}, 120_000);

afterAll(async () => {
  await closeServer();
});

beforeEach(async () => {
  // Each test starts with no interactions, incidents, requests, calls or visits on the server
  // (the demo's history included); the demo directory and catalog stay.
  await database.db.transaction().execute(async (trx) => {
    await sql`TRUNCATE interactions, incidents, requests, calls, visits, clients, mutations, sessions, login_failures CASCADE`.execute(
      trx,
    );
    await sql`UPDATE numbering SET last_value = 1000`.execute(trx);
  });
});

const opened: { close(): Promise<void> | void }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

/** Timers that fire only when the test says so, so every retry delay can be read. */
class ManualTimers implements Timers {
  readonly waits: { ms: number; callback: () => void; cancelled: boolean }[] = [];
  set(callback: () => void, ms: number): Cancel {
    const wait = { ms, callback, cancelled: false };
    this.waits.push(wait);
    return () => {
      wait.cancelled = true;
    };
  }
  /** The waits still due, leaving out request timeouts, and the poke stream's watchdog unless asked. */
  live(watchdog = false): { ms: number; callback: () => void; cancelled: boolean }[] {
    return this.waits.filter(
      (w) => !w.cancelled && w.ms !== REQUEST_TIMEOUT_MS && (w.ms === POKE_IDLE_MS) === watchdog,
    );
  }
  /** Fires every live wait once (the watchdog only through `fireWatchdog`). */
  fire(): number {
    return this.fireAll(this.live());
  }
  /** Lets the poke stream's silence run out. */
  fireWatchdog(): number {
    return this.fireAll(this.live(true));
  }
  /** How many requests are in flight (their timeouts due). */
  inFlight(): number {
    return this.waits.filter((w) => !w.cancelled && w.ms === REQUEST_TIMEOUT_MS).length;
  }
  /** Lets every request in flight run out of time. */
  fireRequestTimeouts(): number {
    return this.fireAll(this.waits.filter((w) => !w.cancelled && w.ms === REQUEST_TIMEOUT_MS));
  }
  private fireAll(due: { ms: number; callback: () => void; cancelled: boolean }[]): number {
    for (const w of due) {
      w.cancelled = true;
      w.callback();
    }
    return due.length;
  }
}

/** A fetch in front of the real one that can lose answers or fail like a dead network. */
class FaultyFetch {
  down = false;
  /** The next push reaches the server and commits, then its answer is lost. */
  dropNextPushAnswer = false;
  readonly calls: string[] = [];
  readonly fetch: FetchLike = async (input, init) => {
    const path = new URL(input).pathname;
    this.calls.push(`${init?.method ?? 'GET'} ${path}`);
    if (this.down) throw new TypeError('fetch failed');
    const response = await fetch(input, init);
    if (this.dropNextPushAnswer && path.endsWith('/sync/push')) {
      this.dropNextPushAnswer = false;
      await response.text();
      throw new TypeError('fetch failed (the answer was lost)');
    }
    return response;
  };
  count(what: string): number {
    return this.calls.filter((c) => c === what).length;
  }
}

interface Desk {
  host: StoreHost;
  timers: ManualTimers;
  net: FaultyFetch;
  factory: IDBFactory;
  connectivity: EventTarget;
  events: StoreEvent[];
  /** `silently`: navigator.onLine changes with no event, as in a SharedWorker. */
  setOnline(value: boolean, how?: { silently: boolean }): void;
  raw(): Promise<DeskDb>;
}

let deskCount = 0;
async function openDesk(
  options: {
    random?: () => number;
    locks?: LockManagerLike | null;
    factory?: IDBFactory;
    pageSize?: number;
    tokenVault?: TokenVault;
    /** A BroadcastChannel name shared by hosts of one installation; none by default. */
    channel?: string;
    /** The clientId the desk starts with (another installation's, to share it). */
    clientId?: string;
    fetch?: (net: FaultyFetch) => FetchLike;
  } = {},
): Promise<Desk> {
  const factory = options.factory ?? new IDBFactory();
  const timers = new ManualTimers();
  const net = new FaultyFetch();
  const connectivity = new EventTarget();
  let online = true;
  let clock = Date.parse('2026-11-23T09:00:00.000Z');
  const id = ++deskCount;
  let clientIds = 0;
  const host = await openStoreHost({
    dbName: 'desk',
    indexedDB: factory,
    IDBKeyRange,
    demoUsers: DEMO_USERS,
    now: () => new Date((clock += 1000)),
    newId: () =>
      clientIds++ === 0 ? (options.clientId ?? `client-${id}`) : `client-${id}-${clientIds}`,
    onLine: () => online,
    connectivityEvents: connectivity,
    sync: {
      serverUrl,
      fetch: options.fetch ? options.fetch(net) : net.fetch,
      timers,
      random: options.random ?? (() => 0),
      locks: options.locks ?? null,
      directoryPageSize: options.pageSize ?? 1000,
      pokeIdleMs: POKE_IDLE_MS,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      onlineCheckMs: ONLINE_CHECK_MS,
      broadcastChannel: options.channel ?? null,
      ...(options.tokenVault ? { tokenVault: options.tokenVault } : {}),
    },
  });
  opened.push(host);
  await host.directoryReady();
  const events: StoreEvent[] = [];
  await host.onEvent((e) => events.push(e));
  return {
    host,
    timers,
    net,
    factory,
    connectivity,
    events,
    setOnline(value, how) {
      online = value;
      if (!how?.silently) connectivity.dispatchEvent(new Event(value ? 'online' : 'offline'));
    },
    async raw() {
      const db = createDeskDb({ name: 'desk', indexedDB: factory, IDBKeyRange });
      await db.open();
      opened.push(db);
      return db;
    },
  };
}

function value<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function signIn(desk: Desk, userName = 'demo.agent'): Promise<void> {
  value(await desk.host.act('session.signIn', { userName, password: DEMO_PASSWORD }));
}

let nextId = 0;
function form(overrides: Partial<CreateInteractionArgs> = {}): CreateInteractionArgs {
  const id = `int-${++nextId}`;
  return {
    id,
    openedFor: 'usr_000100',
    contactEmail: '',
    contactPhone: '',
    type: 'Phone',
    component: null,
    assignmentGroup: null,
    assignedTo: null,
    shortDescription: `Printer jam ${id}`,
    description: '',
    ...overrides,
  };
}

async function serverRows(): Promise<Interaction[]> {
  const rows = await database.db.selectFrom('interactions').select(['record']).execute();
  return rows.map((r) => r.record as Interaction).sort((a, b) => a.number.localeCompare(b.number));
}

async function deskRows(desk: Desk): Promise<Interaction[]> {
  const db = await desk.raw();
  return (await db.interactions.toArray()).sort((a, b) => a.number.localeCompare(b.number));
}

async function pending(desk: Desk): Promise<number> {
  return value(await desk.host.query('sync.status', {})).pendingChanges;
}

describe('sync engine: session', () => {
  it('signs in, keeps the session, and opens signed in (and working) offline', async () => {
    const factory = new IDBFactory();
    const desk = await openDesk({ factory });
    // Before the server first answers, a fresh desk does not know which screen to show (issue 10).
    expect(value(await desk.host.query('session.state', {})).status).toBe('starting');
    await desk.host.sync?.syncNow();
    expect(value(await desk.host.query('session.state', {})).status).toBe('signed-out');

    const wrong = await desk.host.act('session.signIn', {
      userName: 'demo.agent',
      password: 'nope',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await signIn(desk);
    const state = value(await desk.host.query('session.state', {}));
    expect(state).toMatchObject({
      status: 'signed-in',
      agent: { id: DEMO_AGENT_ID, userName: 'demo.agent' },
    });
    await desk.host.close();
    opened.splice(opened.indexOf(desk.host), 1);

    const again = await openDesk({ factory });
    again.net.down = true;
    expect(value(await again.host.query('session.state', {})).status).toBe('signed-in');
    const saved = value(await again.host.command('interaction.create', form()));
    expect(saved.openedBy).toBe(DEMO_AGENT_ID);
    await again.host.sync?.syncNow();
    expect(value(await again.host.query('sync.status', {}))).toMatchObject({
      connection: 'offline',
      pendingChanges: 1,
      lastError: expect.stringContaining('cannot be reached') as unknown,
    });
  });

  it('works on its own where no desk server answers (a plain file server)', async () => {
    const desk = await openDesk();
    desk.net.down = true;
    await desk.host.sync?.syncNow();
    value(await desk.host.command('interaction.create', form()));
    expect(value(await desk.host.query('session.state', {}))).toMatchObject({
      status: 'local',
      agent: { id: DEMO_AGENT_ID },
    });
    expect(value(await desk.host.query('sync.status', {}))).toMatchObject({
      connection: 'online',
      pendingChanges: 1,
      serverReachable: false,
      lastError: 'No desk server is reachable: this desk works on its own.',
    });
  });

  it('signs out offline to the Sign in screen, not to working on its own', async () => {
    const factory = new IDBFactory();
    const desk = await openDesk({ factory });
    await signIn(desk);
    await desk.host.sync?.syncNow();
    await desk.host.close();
    opened.splice(opened.indexOf(desk.host), 1);
    // The morning after: the desk opens offline and the agent signs out.
    const again = await openDesk({ factory });
    again.setOnline(false);
    value(await again.host.command('interaction.create', form()));
    const out = value(await again.host.act('session.signOut', {}));
    expect(out).toMatchObject({ status: 'signed-out', serverUrl: serverUrl });
    expect(value(await again.host.query('session.state', {})).status).toBe('signed-out');
    expect(await pending(again)).toBe(1);
  });

  it('signs out: sync stops, the work stays', async () => {
    const desk = await openDesk();
    await signIn(desk);
    value(await desk.host.command('interaction.create', form()));
    const out = value(await desk.host.act('session.signOut', {}));
    expect(out.status).toBe('signed-out');
    await desk.host.sync?.syncNow();
    expect(await pending(desk)).toBe(1);
    expect(await serverRows()).toHaveLength(0);
  });
  it('signs out everywhere: the same agent on another desk is signed out at its next sync', async () => {
    const here = await openDesk();
    const there = await openDesk();
    await signIn(here);
    await signIn(there);
    const out = value(await here.host.act('session.signOut', { everywhere: true }));
    expect(out).toMatchObject({ status: 'signed-out', endedBy: 'sign-out' });
    value(await there.host.command('interaction.create', form()));
    await there.host.sync?.syncNow();
    expect(value(await there.host.query('session.state', {}))).toMatchObject({
      status: 'signed-out',
      endedBy: 'expired',
    });
    // The work stays on the desk that was signed out from afar.
    expect(await pending(there)).toBe(1);
    expect(await serverRows()).toHaveLength(0);
  });

  it('keeps the session when the server cannot sign out everywhere, and says so', async () => {
    const desk = await openDesk();
    await signIn(desk);
    desk.net.down = true;
    const answer = await desk.host.act('session.signOut', { everywhere: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-ready' } });
    expect(answer.ok ? '' : answer.error.message).toMatch(/could not end your other sessions/);
    expect(value(await desk.host.query('session.state', {})).status).toBe('signed-in');
  });
});

describe('sync engine: session ends', () => {
  it('stops syncing when the server ends the session, and keeps the work', async () => {
    const desk = await openDesk();
    await signIn(desk);
    await desk.host.sync?.syncNow();
    await sql`DELETE FROM sessions`.execute(database.db);
    value(await desk.host.command('interaction.create', form()));
    await desk.host.sync?.syncNow();
    expect(value(await desk.host.query('session.state', {}))).toMatchObject({
      status: 'signed-out',
    });
    expect(value(await desk.host.query('sync.status', {}))).toMatchObject({
      pendingChanges: 1,
      lastError: 'The session with the desk server has ended: sign in again to sync.',
    });
    await signIn(desk);
    await desk.host.sync?.syncNow();
    expect(await pending(desk)).toBe(0);
    expect(await serverRows()).toHaveLength(1);
  });

  it('says how the session ended (expired, signed out), after a restart too; a sign-in clears it', async () => {
    const factory = new IDBFactory();
    const desk = await openDesk({ factory });
    await desk.host.sync?.syncNow();
    // Nobody has signed in yet: signed out, but nothing ended.
    expect(value(await desk.host.query('session.state', {}))).toMatchObject({
      status: 'signed-out',
      endedBy: null,
    });
    await signIn(desk);
    expect(value(await desk.host.query('session.state', {})).endedBy).toBeNull();
    await desk.host.sync?.syncNow();
    await sql`DELETE FROM sessions`.execute(database.db);
    value(await desk.host.command('interaction.create', form()));
    await desk.host.sync?.syncNow();
    expect(value(await desk.host.query('session.state', {}))).toMatchObject({
      status: 'signed-out',
      agent: { userName: 'demo.agent' },
      endedBy: 'expired',
    });
    await expect
      .poll(async () => (await (await desk.raw()).meta.get('session')) ?? null)
      .toBeNull();
    await desk.host.close();
    opened.splice(opened.indexOf(desk.host), 1);

    const again = await openDesk({ factory });
    again.net.down = true;
    expect(value(await again.host.query('session.state', {}))).toMatchObject({
      status: 'signed-out',
      endedBy: 'expired',
    });
    again.net.down = false;
    await signIn(again);
    expect(value(await again.host.query('session.state', {})).endedBy).toBeNull();
    expect(value(await again.host.act('session.signOut', {})).endedBy).toBe('sign-out');
    await again.host.close();
    opened.splice(opened.indexOf(again.host), 1);

    const third = await openDesk({ factory });
    expect(value(await third.host.query('session.state', {}))).toMatchObject({
      status: 'signed-out',
      endedBy: 'sign-out',
    });
  });

  it('ends only the session whose token the server refused, not one begun meanwhile', async () => {
    let desk: Desk | null = null;
    let switched = false;
    desk = await openDesk({
      fetch: (net) => async (input, init) => {
        // The agent signs out and a colleague signs in while a push with the old token is out.
        if (!switched && new URL(input).pathname.endsWith('/sync/push') && desk) {
          switched = true;
          value(await desk.host.act('session.signOut', {}));
          await signIn(desk, SECOND_AGENT);
        }
        return net.fetch(input, init);
      },
    });
    await signIn(desk);
    value(await desk.host.command('interaction.create', form()));
    await desk.host.sync?.syncNow();
    expect(switched).toBe(true);
    expect(value(await desk.host.query('session.state', {}))).toMatchObject({
      status: 'signed-in',
      agent: { userName: SECOND_AGENT },
    });
    expect(value(await desk.host.query('sync.status', {})).lastError).toBeNull();
    await desk.host.sync?.syncNow();
    // The first agent's change is applied only with their token: it waits here, named.
    expect(await serverRows()).toHaveLength(0);
    const status = value(await desk.host.query('sync.status', {}));
    expect(status.pendingChanges).toBe(1);
    expect(status.waitingForOthers).toEqual([
      expect.objectContaining({ name: 'Demo Agent', count: 1 }),
    ]);
    await signIn(desk);
    await desk.host.sync?.syncNow();
    expect(await pending(desk)).toBe(0);
    expect(await serverRows()).toHaveLength(1);
  });

  it('sends each agent’s changes only with their own token, each agent under a clientId of their own', async () => {
    const desk = await openDesk();
    await signIn(desk);
    const first = value(await desk.host.command('interaction.create', form()));
    // Nothing synced yet (the timers are manual); a colleague signs in on this desk.
    value(await desk.host.act('session.signOut', {}));
    await signIn(desk, SECOND_AGENT);
    const second = value(await desk.host.command('interaction.create', form()));
    await desk.host.sync?.syncNow();
    expect((await serverRows()).map((r) => [r.id, r.openedBy])).toEqual([
      [second.id, second.openedBy],
    ]);
    const status = value(await desk.host.query('sync.status', {}));
    expect(status).toMatchObject({ pendingChanges: 1, lastError: null });
    expect(status.waitingForOthers).toEqual([
      { agentId: first.openedBy, name: 'Demo Agent', count: 1 },
    ]);
    // The first agent's change still shows on this desk while it waits.
    expect((await deskRows(desk)).map((r) => r.id).sort()).toEqual([first.id, second.id].sort());

    value(await desk.host.act('session.signOut', {}));
    await signIn(desk);
    await desk.host.sync?.syncNow();
    expect(await pending(desk)).toBe(0);
    const rows = await serverRows();
    expect(rows.map((r) => [r.id, r.openedBy]).sort()).toEqual(
      [
        [first.id, first.openedBy],
        [second.id, second.openedBy],
      ].sort(),
    );
    expect(first.openedBy).not.toBe(second.openedBy);
    const clients = await database.db
      .selectFrom('clients')
      .select(['client_id', 'last_user_id'])
      .execute();
    expect(new Set(clients.map((c) => c.last_user_id))).toEqual(
      new Set([first.openedBy, second.openedBy]),
    );
  });
});

describe('sync engine: adopting a session', () => {
  const tokenFor = async (userName = 'demo.agent'): Promise<string> => {
    const response = await fetch(`${serverUrl}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userName, password: DEMO_PASSWORD }),
    });
    return ((await response.json()) as { token: string }).token;
  };

  it('asks before another agent’s token replaces the one signed in, and keeps it only when told', async () => {
    const desk = await openDesk();
    await signIn(desk);
    value(await desk.host.command('interaction.create', form()));
    const offered = value(
      await desk.host.act('session.adopt', { token: await tokenFor(SECOND_AGENT) }),
    );
    expect(offered).toMatchObject({
      status: 'signed-in',
      agent: { userName: 'demo.agent' },
      switchAsked: {
        from: { userName: 'demo.agent' },
        to: { userName: SECOND_AGENT },
        unsynced: 1,
      },
    });
    // Cancel keeps the agent signed in, and the declined session is ended on the server.
    const kept = value(await desk.host.act('session.switch', { accept: false }));
    expect(kept).toMatchObject({ agent: { userName: 'demo.agent' } });
    expect(kept.switchAsked ?? null).toBeNull();

    value(await desk.host.act('session.adopt', { token: await tokenFor(SECOND_AGENT) }));
    const switched = value(await desk.host.act('session.switch', { accept: true }));
    expect(switched).toMatchObject({ status: 'signed-in', agent: { userName: SECOND_AGENT } });
    // The same agent again is taken without asking.
    const same = value(
      await desk.host.act('session.adopt', { token: await tokenFor(SECOND_AGENT) }),
    );
    expect(same.switchAsked ?? null).toBeNull();
  });

  it('keeps a token the server vouches for, with its agent and expiry, and syncs with it', async () => {
    const desk = await openDesk();
    const token = await tokenFor(SECOND_AGENT);
    const state = value(await desk.host.act('session.adopt', { token }));
    expect(state).toMatchObject({
      status: 'signed-in',
      agent: { userName: SECOND_AGENT },
      expiresAt: expect.stringMatching(/^\d{4}-/) as unknown,
    });
    expect(desk.net.calls).toContain('GET /api/v1/sessions/current');
    const saved = value(await desk.host.command('interaction.create', form()));
    expect(saved.openedBy).toBe(state.agent?.id);
    await desk.host.sync?.syncNow();
    expect(await pending(desk)).toBe(0);
    const kept = await (await desk.raw()).meta.get('session');
    expect(kept?.value).toMatchObject({ token, agent: { userName: SECOND_AGENT } });
  });

  it('refuses a token the server does not know, changing nothing', async () => {
    const desk = await openDesk();
    await signIn(desk);
    const before = value(await desk.host.query('session.state', {}));
    const refused = await desk.host.act('session.adopt', { token: 'x'.repeat(43) });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/did not accept/) as unknown },
    });
    expect(value(await desk.host.query('session.state', {}))).toEqual(before);
  });

  it('says the desk server cannot be reached when offline, changing nothing', async () => {
    const desk = await openDesk();
    const token = await tokenFor();
    desk.setOnline(false);
    const offline = await desk.host.act('session.adopt', { token });
    expect(offline).toMatchObject({
      ok: false,
      error: {
        code: 'not-ready',
        message: expect.stringMatching(/^The desk server cannot be reached; /) as unknown,
      },
    });
    desk.setOnline(true);
    desk.net.down = true;
    expect(await desk.host.act('session.adopt', { token })).toMatchObject({
      ok: false,
      error: { code: 'not-ready', message: offline.ok ? '' : offline.error.message },
    });
    expect(await (await desk.raw()).meta.get('session')).toBeUndefined();
  });
});

describe('sync engine: token vault', () => {
  /** Seals by reversing and tagging; `broken` makes opening fail as a changed OS keyring would. */
  const vault = (mode: 'ok' | 'null' | 'throws' = 'ok'): TokenVault => ({
    seal: (token) => Promise.resolve(`sealed:${[...token].reverse().join('')}`),
    open: (sealed) => {
      if (mode === 'throws') return Promise.reject(new Error('The keyring is locked.'));
      if (mode === 'null') return Promise.resolve(null);
      return Promise.resolve([...sealed.replace(/^sealed:/, '')].reverse().join(''));
    },
  });

  it('writes only the sealed token, and opens it at the next start', async () => {
    const factory = new IDBFactory();
    const desk = await openDesk({ factory, tokenVault: vault() });
    await signIn(desk);
    const stored = (await (await desk.raw()).meta.get('session'))?.value as StoredSession;
    expect(stored.token).toBeUndefined();
    expect(stored.sealedToken).toMatch(/^sealed:/);
    await desk.host.close();
    opened.splice(opened.indexOf(desk.host), 1);

    const again = await openDesk({ factory, tokenVault: vault() });
    expect(value(await again.host.query('session.state', {})).status).toBe('signed-in');
    value(await again.host.command('interaction.create', form()));
    await again.host.sync?.syncNow();
    expect(await pending(again)).toBe(0);
  });

  it('seals a token kept in the clear before the desk had a vault', async () => {
    const factory = new IDBFactory();
    const desk = await openDesk({ factory });
    await signIn(desk);
    await desk.host.close();
    opened.splice(opened.indexOf(desk.host), 1);
    const again = await openDesk({ factory, tokenVault: vault() });
    expect(value(await again.host.query('session.state', {})).status).toBe('signed-in');
    const stored = (await (await again.raw()).meta.get('session'))?.value as StoredSession;
    expect(stored.token).toBeUndefined();
    expect(stored.sealedToken).toMatch(/^sealed:/);
  });

  it('forgets the sealed session when the server ends it', async () => {
    const desk = await openDesk({ tokenVault: vault() });
    await signIn(desk);
    await sql`DELETE FROM sessions`.execute(database.db);
    value(await desk.host.command('interaction.create', form()));
    await desk.host.sync?.syncNow();
    expect(value(await desk.host.query('session.state', {})).status).toBe('signed-out');
    await expect.poll(async () => (await desk.raw()).meta.get('session')).toBeUndefined();
    expect(await pending(desk)).toBe(1);
  });

  it('keeps no token on disk when the vault cannot seal, and syncs for this run', async () => {
    const factory = new IDBFactory();
    const cannotSeal: TokenVault = {
      seal: () => Promise.reject(new Error('safeStorage cannot encrypt here.')),
      open: () => Promise.resolve(null),
    };
    const desk = await openDesk({ factory, tokenVault: cannotSeal });
    await signIn(desk);
    expect(await (await desk.raw()).meta.get('session')).toBeUndefined();
    value(await desk.host.command('interaction.create', form()));
    await desk.host.sync?.syncNow();
    expect(await pending(desk)).toBe(0);
    await desk.host.close();
    opened.splice(opened.indexOf(desk.host), 1);
    const again = await openDesk({ factory, tokenVault: cannotSeal });
    await again.host.sync?.syncNow();
    expect(value(await again.host.query('session.state', {})).status).toBe('signed-out');
  });

  for (const mode of ['null', 'throws'] as const) {
    it(`opens signed out, with the work kept, when the vault cannot open the token (${mode})`, async () => {
      const factory = new IDBFactory();
      const desk = await openDesk({ factory, tokenVault: vault() });
      await signIn(desk);
      desk.net.down = true;
      value(await desk.host.command('interaction.create', form()));
      await desk.host.close();
      opened.splice(opened.indexOf(desk.host), 1);

      const again = await openDesk({ factory, tokenVault: vault(mode) });
      await again.host.sync?.syncNow();
      expect(value(await again.host.query('session.state', {})).status).toBe('signed-out');
      expect(await pending(again)).toBe(1);
      expect(await serverRows()).toHaveLength(0);
      await signIn(again);
      await again.host.sync?.syncNow();
      expect(await pending(again)).toBe(0);
    });
  }
});

describe('sync engine: push and pull', () => {
  it('pushes soon after each saved command, showing syncing meanwhile', async () => {
    const desk = await openDesk();
    await signIn(desk);
    await desk.host.sync?.syncNow();
    desk.timers.fire();
    await desk.host.sync?.whenIdle();
    const connections: string[] = [];
    await desk.host.subscribe('sync.status', {}, (r) => connections.push(value(r).connection));
    value(await desk.host.command('interaction.create', form()));
    // Due within 50 ms (or sooner, when a poke already asked for a pull).
    expect(Math.min(...desk.timers.live().map((w) => w.ms))).toBeLessThanOrEqual(50);
    desk.timers.fire();
    await desk.host.sync?.whenIdle();
    expect(await serverRows()).toHaveLength(1);
    await expect.poll(() => connections.at(-1)).toBe('online');
    expect(connections).toContain('syncing');
  });

  it('pushes in order and replaces provisional numbers with the server’s', async () => {
    const desk = await openDesk();
    const made = [form(), form(), form()];
    for (const args of made) value(await desk.host.command('interaction.create', args));
    expect((await deskRows(desk)).map((r) => r.number)).toEqual([
      'IMS-P0001',
      'IMS-P0002',
      'IMS-P0003',
    ]);
    await signIn(desk);
    await desk.host.sync?.syncNow();

    expect(await pending(desk)).toBe(0);
    const server = await serverRows();
    expect(server.map((r) => [r.id, r.number])).toEqual(
      made.map((m, i) => [m.id, `IMS000${1001 + i}`]),
    );
    const local = await deskRows(desk);
    expect(local.map((r) => [r.id, r.number, r.numberProvisional])).toEqual(
      made.map((m, i) => [m.id, `IMS000${1001 + i}`, false]),
    );
    const forUser = value(
      await desk.host.query('interaction.listForUser', { userId: 'usr_000100' }),
    );
    expect(forUser.map((r) => r.number).sort()).toEqual(['IMS0001001', 'IMS0001002', 'IMS0001003']);
    expect(value(await desk.host.query('sync.status', {}))).toMatchObject({
      connection: 'online',
      lastError: null,
      lastSyncedAt: expect.any(String) as unknown,
    });
  });

  it('drains hundreds of changes in pushes of at most 200, in order', async () => {
    const desk = await openDesk();
    await signIn(desk);
    const ids: string[] = [];
    for (let i = 0; i < 450; i++) {
      const args = form();
      ids.push(args.id);
      value(await desk.host.command('interaction.create', args));
    }
    await desk.host.sync?.syncNow();
    expect(desk.net.count('POST /api/v1/sync/push')).toBe(3);
    expect(await pending(desk)).toBe(0);
    const server = await serverRows();
    expect(server.map((r) => r.id)).toEqual(ids);
    expect(new Set(server.map((r) => r.number)).size).toBe(450);
  });

  it('retries after a lost acknowledgement without a duplicate', async () => {
    const desk = await openDesk();
    await signIn(desk);
    const a = form();
    value(await desk.host.command('interaction.create', a));
    value(
      await desk.host.command('interaction.addWorkNote', {
        id: a.id,
        noteId: 'n-1',
        text: 'Called back',
      }),
    );
    desk.net.dropNextPushAnswer = true;
    await desk.host.sync?.syncNow();
    expect(await pending(desk)).toBe(2);
    expect(value(await desk.host.query('sync.status', {})).lastError).toMatch(/cannot be reached/);
    expect(await serverRows()).toHaveLength(1);

    await desk.host.sync?.syncNow();
    expect(await pending(desk)).toBe(0);
    const server = await serverRows();
    expect(server).toHaveLength(1);
    expect(server[0]?.workNotes.map((n) => n.id)).toEqual(['n-1']);
    expect((await deskRows(desk))[0]).toEqual(server[0]);
  });

  it('renumbers its waiting changes when the server lost this desk’s history (a restore)', async () => {
    const desk = await openDesk();
    await signIn(desk);
    value(await desk.host.command('interaction.create', form()));
    value(await desk.host.command('interaction.create', form()));
    await desk.host.sync?.syncNow();
    await sql`TRUNCATE clients, mutations`.execute(database.db);
    const late = form();
    value(await desk.host.command('interaction.create', late));
    await desk.host.sync?.syncNow();
    expect(value(await desk.host.query('sync.status', {}))).toMatchObject({
      pendingChanges: 0,
      lastError: null,
    });
    expect((await serverRows()).map((r) => r.id)).toContain(late.id);
    await expect((await desk.raw()).meta.get('mutationCounter')).resolves.toMatchObject({
      value: 1,
    });
  });

  it('starts over from a restored server (reset): records it lost are sent again, nothing is lost', async () => {
    const desk = await openDesk();
    await signIn(desk);
    const kept = form();
    const lost = form();
    value(await desk.host.command('interaction.create', kept));
    value(await desk.host.command('interaction.create', lost));
    value(
      await desk.host.command('interaction.addWorkNote', {
        id: lost.id,
        noteId: 'n-lost',
        text: 'Replaced the toner',
      }),
    );
    value(await desk.host.command('interaction.close', { id: lost.id, state: 'Closed Complete' }));
    await desk.host.sync?.syncNow();
    const before = (await deskRows(desk)).find((r) => r.id === lost.id);
    expect(before).toMatchObject({ number: 'IMS0001002', state: 'Closed Complete' });
    const waiting = form();
    value(await desk.host.command('interaction.create', waiting));
    const original = await database.db
      .selectFrom('server_meta')
      .select('value')
      .where('key', '=', 'database_id')
      .executeTakeFirstOrThrow();
    try {
      // A restore from a backup taken after `kept` (this desk's mutation 1) and before `lost`
      // (2–4), as another database: its acknowledged entries are long gone from the desk.
      await database.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('interactions').where('id', '=', lost.id).execute();
        await trx.deleteFrom('mutations').where('mutation_id', '>', 1).execute();
        await trx.updateTable('clients').set({ last_mutation_id: 1 }).execute();
        await trx.updateTable('numbering').set({ last_value: 1001 }).execute();
        await trx
          .updateTable('server_meta')
          .set({ value: 'f'.repeat(32) })
          .where('key', '=', 'database_id')
          .execute();
      });
      await desk.host.sync?.syncNow();

      const server = await serverRows();
      expect(server.map((r) => r.id)).toEqual([kept.id, waiting.id, lost.id]);
      const again = server.find((r) => r.id === lost.id);
      // Its old number went to another record on the restored server: it gets a new one.
      expect(again).toMatchObject({
        number: 'IMS0001003',
        state: 'Closed Complete',
        shortDescription: before?.shortDescription,
        closedAt: before?.closedAt,
        handleTimeSeconds: before?.handleTimeSeconds,
      });
      expect(again?.workNotes.map((n) => [n.id, n.text])).toEqual([
        ['n-lost', 'Replaced the toner'],
      ]);
      expect(await deskRows(desk)).toEqual(server);
      expect(await pending(desk)).toBe(0);
      expect(value(await desk.host.query('sync.needsAttention', {}))).toEqual([]);
      expect(value(await desk.host.query('directory.status', {})).users).toBe(DEMO_USERS + 3);
    } finally {
      await database.db
        .updateTable('server_meta')
        .set({ value: original.value })
        .where('key', '=', 'database_id')
        .execute();
    }
  });

  it.each([
    ['nothing waiting', false],
    ['a change waiting (a mutation-gap)', true],
  ])(
    'notices a restore that kept the database id (%s): what the server lost is sent again, with a new number',
    async (_name, waiting) => {
      // A real backup restored: the same database, its id included, as it was at the backup.
      const tables = [
        'interactions',
        'clients',
        'mutations',
        'numbering',
        'sync_state',
        'sessions',
      ];
      const backup = async (): Promise<void> => {
        for (const table of tables) {
          await sql`DROP TABLE IF EXISTS ${sql.raw(`backup_${table}`)}`.execute(database.db);
          await sql`CREATE TABLE ${sql.raw(`backup_${table}`)} AS SELECT * FROM ${sql.raw(table)}`.execute(
            database.db,
          );
        }
      };
      const restore = async (): Promise<void> => {
        await database.db.transaction().execute(async (trx) => {
          await sql`TRUNCATE ${sql.raw(tables.join(', '))} CASCADE`.execute(trx);
          for (const table of tables) {
            // Generated columns (the history search's words) are computed again, never written.
            const { rows } = await sql<{ column_name: string }>`
              SELECT column_name FROM information_schema.columns
              WHERE table_name = ${table} AND is_generated = 'NEVER' ORDER BY ordinal_position`.execute(
              trx,
            );
            const columns = sql.raw(rows.map((r) => `"${r.column_name}"`).join(', '));
            await sql`INSERT INTO ${sql.raw(table)} (${columns}) SELECT ${columns} FROM ${sql.raw(`backup_${table}`)}`.execute(
              trx,
            );
          }
        });
      };
      const a = await openDesk();
      const b = await openDesk();
      await signIn(a);
      await signIn(b, SECOND_AGENT);
      const x = form();
      value(await a.host.command('interaction.create', x));
      await a.host.sync?.syncNow();
      try {
        await backup();
        const y = form();
        value(await a.host.command('interaction.create', y));
        await a.host.sync?.syncNow();
        expect((await deskRows(a)).map((r) => [r.id, r.number])).toEqual([
          [x.id, 'IMS0001001'],
          [y.id, 'IMS0001002'],
        ]);
        expect(await pending(a)).toBe(0);
        await restore();
        const fromB = [form(), form(), form()];
        for (const args of fromB) value(await b.host.command('interaction.create', args));
        await b.host.sync?.syncNow();
        expect((await serverRows()).map((r) => r.number)).toEqual([
          'IMS0001001',
          'IMS0001002',
          'IMS0001003',
          'IMS0001004',
        ]);

        const z = form();
        if (waiting) value(await a.host.command('interaction.create', z));
        await a.host.sync?.syncNow();
        const server = await serverRows();
        const late = waiting ? [z.id, y.id] : [y.id];
        expect(server.map((r) => r.id)).toEqual([x.id, ...fromB.map((f) => f.id), ...late]);
        expect(new Set(server.map((r) => r.number)).size).toBe(server.length);
        expect(server.find((r) => r.id === y.id)?.number).toBe(
          waiting ? 'IMS0001006' : 'IMS0001005',
        );
        expect(await deskRows(a)).toEqual(server);
        expect(await pending(a)).toBe(0);
        expect(value(await a.host.query('sync.needsAttention', {}))).toEqual([]);
        expect(value(await a.host.query('sync.status', {})).lastError).toBeNull();
        // Nothing more to find out: the next sync pulls from where this one ended.
        await a.host.sync?.syncNow();
        expect(await deskRows(a)).toEqual(server);
        expect(await serverRows()).toEqual(server);
      } finally {
        for (const table of tables)
          await sql`DROP TABLE IF EXISTS ${sql.raw(`backup_${table}`)}`.execute(database.db);
      }
    },
  );

  it('1,000 interactions saved offline reach the server soon after the network returns', async () => {
    const desk = await openDesk();
    await signIn(desk);
    desk.setOnline(false);
    for (let i = 0; i < 1000; i++) value(await desk.host.command('interaction.create', form()));
    const started = performance.now();
    desk.setOnline(true);
    desk.timers.fire();
    await desk.host.sync?.whenIdle();
    const seconds = (performance.now() - started) / 1000;
    expect(await pending(desk)).toBe(0);
    expect(await serverRows()).toHaveLength(1000);
    console.info(
      `1,000 offline interactions drained in ${seconds.toFixed(2)} s (fake-indexeddb, PGlite)`,
    );
    expect(seconds).toBeLessThan(30);
  }, 120_000);

  it('keeps mutationIds consecutive when a command’s transaction aborts', async () => {
    const desk = await openDesk();
    const db = await desk.raw();
    const entry = {
      clientId: 'client-x',
      name: 'interaction.create' as const,
      args: form(),
      at: '2026-11-23T09:00:00.000Z',
      actorId: DEMO_AGENT_ID,
    };
    await expect(
      db.transaction('rw', [db.outbox, db.meta], async () => {
        await appendToOutbox(db, entry);
        throw new Error('power cut');
      }),
    ).rejects.toThrow('power cut');
    value(await desk.host.command('interaction.create', form()));
    value(await desk.host.command('interaction.create', form()));
    expect((await db.outbox.toArray()).map((e) => e.mutationId)).toEqual([1, 2]);
    await signIn(desk);
    await desk.host.sync?.syncNow();
    expect(await pending(desk)).toBe(0);
    expect(await serverRows()).toHaveLength(2);
  });

  it('rebases waiting changes on top of what another desk did', async () => {
    const a = await openDesk();
    const b = await openDesk();
    await signIn(a);
    await signIn(b, SECOND_AGENT);
    const args = form();
    value(await a.host.command('interaction.create', args));
    await a.host.sync?.syncNow();
    await b.host.sync?.syncNow();
    value(
      await b.host.command('interaction.addWorkNote', {
        id: args.id,
        noteId: 'from-b',
        text: 'B called',
      }),
    );
    await b.host.sync?.syncNow();

    // A changes the description while B's note is on the server but not yet here.
    value(
      await a.host.command('interaction.update', {
        id: args.id,
        changes: { description: 'From A' },
      }),
    );
    const db = await a.raw();
    const session = await db.meta.get('session');
    const token = session?.key === 'session' ? (session.value.token ?? '') : '';
    await pullAndRebase(
      {
        db,
        client: createDeskServerClient(serverUrl, (i, init) => fetch(i, init)),
        token,
        rules: { isGroupMember: () => true, userName: (id) => id },
        now: () => new Date('2026-11-23T10:00:00.000Z'),
        newClientId: () => 'unused',
      },
      new Map(),
    );
    const view = await db.interactions.get(args.id);
    expect(view?.number).toBe('IMS0001001');
    expect(view?.description).toBe('From A');
    expect(view?.workNotes.map((n) => n.id)).toEqual(['from-b']);
    expect(await db.outbox.count()).toBe(1);

    await a.host.sync?.syncNow();
    await b.host.sync?.syncNow();
    const [server] = await serverRows();
    expect(server?.description).toBe('From A');
    expect(server?.workNotes.map((n) => n.id)).toEqual(['from-b']);
    expect(await deskRows(a)).toEqual(await serverRows());
    expect(await deskRows(b)).toEqual(await serverRows());
  });

  it('two desks converge on the server’s state', async () => {
    const a = await openDesk();
    const b = await openDesk();
    await signIn(a);
    await signIn(b, SECOND_AGENT);
    for (let i = 0; i < 5; i++) {
      value(await a.host.command('interaction.create', form()));
      value(await b.host.command('interaction.create', form()));
    }
    await Promise.all([a.host.sync?.syncNow(), b.host.sync?.syncNow()]);
    await a.host.sync?.syncNow();
    const server = await serverRows();
    expect(server).toHaveLength(10);
    expect(new Set(server.map((r) => r.number)).size).toBe(10);
    expect(await deskRows(a)).toEqual(server);
    expect(await deskRows(b)).toEqual(server);
  });

  it('a refused change goes to Needs attention with its data; retry and discard', async () => {
    const a = await openDesk();
    const b = await openDesk();
    await signIn(a);
    await signIn(b, SECOND_AGENT);
    const args = form();
    value(await a.host.command('interaction.create', args));
    await a.host.sync?.syncNow();
    await b.host.sync?.syncNow();
    value(await b.host.command('interaction.close', { id: args.id, state: 'Closed Complete' }));
    await b.host.sync?.syncNow();

    // A has not heard of the close: its edit is fine here and refused by the server.
    value(
      await a.host.command('interaction.update', {
        id: args.id,
        changes: { description: 'Too late' },
      }),
    );
    const lists: unknown[] = [];
    await a.host.subscribe('sync.needsAttention', {}, (r) => lists.push(value(r)));
    await a.host.sync?.syncNow();
    expect(await pending(a)).toBe(0);
    const [item] = value(await a.host.query('sync.needsAttention', {}));
    expect(item).toMatchObject({
      name: 'interaction.update',
      args: { id: args.id, changes: { description: 'Too late' } },
      recordKind: 'interaction',
      recordId: args.id,
      recordNumber: 'IMS0001001',
      reason: { code: 'rule', message: expect.stringContaining('Closed Complete') as unknown },
    });
    expect(value(await a.host.query('sync.status', {})).needsAttention).toBe(1);
    await expect((await a.raw()).interactions.get(args.id)).resolves.toMatchObject({
      state: 'Closed Complete',
      description: '',
    });
    await expect.poll(() => lists.at(-1)).toHaveLength(1);

    const retried = value(await a.host.act('sync.retry', { id: item?.id ?? 0 }));
    expect(retried.mutationId).toBe(3);
    expect(value(await a.host.query('sync.needsAttention', {}))).toHaveLength(0);
    await a.host.sync?.syncNow();
    const [again] = value(await a.host.query('sync.needsAttention', {}));
    expect(again).toMatchObject({ mutationId: 3, reason: { code: 'rule' } });
    value(await a.host.act('sync.discard', { id: again?.id ?? 0 }));
    expect(value(await a.host.query('sync.needsAttention', {}))).toHaveLength(0);
    await expect.poll(() => lists.at(-1)).toHaveLength(0);
    expect(await a.host.act('sync.discard', { id: again?.id ?? 0 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('a poke from another desk’s push makes this desk pull, still saying online (nothing to send)', async () => {
    const a = await openDesk();
    const b = await openDesk();
    await signIn(a);
    await signIn(b, SECOND_AGENT);
    await a.host.sync?.syncNow();
    // A now listens; a poke schedules a cycle on A's timers.
    a.timers.fire();
    await a.host.sync?.whenIdle();
    const statuses: { connection: string; lastSyncedAt: string | null }[] = [];
    await a.host.subscribe('sync.status', {}, (r) => statuses.push(value(r)));
    await expect.poll(() => statuses.at(-1)?.connection).toBe('online');
    const syncedBefore = statuses.at(-1)?.lastSyncedAt ?? '';
    const args = form();
    value(await b.host.command('interaction.create', args));
    await b.host.sync?.syncNow();
    await expect.poll(() => a.timers.live().some((w) => w.ms === 0), { timeout: 5000 }).toBe(true);
    a.timers.fire();
    await a.host.sync?.whenIdle();
    await expect
      .poll(
        async () =>
          (await a.host.query('interaction.get', { id: args.id })).ok && (await deskRows(a)).length,
      )
      .toBe(1);
    expect((await deskRows(a))[0]?.number).toBe('IMS0001001');
    // A busy desk is poked every few seconds: its status does not flicker to syncing for each.
    await expect.poll(() => (statuses.at(-1)?.lastSyncedAt ?? '') > syncedBefore).toBe(true);
    expect(statuses.map((s) => s.connection)).not.toContain('syncing');
  });
});

describe('sync engine: pokes', () => {
  /** A fetch that shows what came down the poke stream and which stream each push named. */
  const watching = () => {
    const seen = { stream: '', pushHeaders: [] as (string | null)[] };
    const fetchFor =
      (net: FaultyFetch): FetchLike =>
      async (input, init) => {
        const path = new URL(input).pathname;
        if (path.endsWith('/sync/push'))
          seen.pushHeaders.push(new Headers(init?.headers).get(POKE_STREAM_HEADER));
        const response = await net.fetch(input, init);
        if (!path.endsWith('/sync/events') || !response.body) return response;
        const decoder = new TextDecoder();
        const body = response.body.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              seen.stream += decoder.decode(chunk, { stream: true });
              controller.enqueue(chunk);
            },
          }),
        );
        return new Response(body, { status: response.status, headers: response.headers });
      };
    const pokes = (): Poke[] =>
      [...seen.stream.matchAll(/event: poke\ndata: (.*)\n/g)].map(
        (m) => JSON.parse(m[1] ?? '') as Poke,
      );
    return { seen, fetchFor, pokes };
  };

  it('sends its poke stream with its pushes, so only the other desks are poked for them', async () => {
    const watch = watching();
    const a = await openDesk({ fetch: watch.fetchFor });
    const b = await openDesk();
    await signIn(a);
    await signIn(b, SECOND_AGENT);
    for (const desk of [a, b]) {
      await desk.host.sync?.syncNow();
      await expect.poll(() => desk.timers.live().some((w) => w.ms === 0)).toBe(true);
      desk.timers.fire();
      await desk.host.sync?.whenIdle();
    }
    const own = watch.pokes()[0]?.stream;
    expect(own).toMatch(/^[A-Za-z0-9_-]{8,}$/);

    value(await a.host.command('interaction.create', form()));
    a.timers.fire();
    await a.host.sync?.whenIdle();
    expect(await serverRows()).toHaveLength(1);
    expect(watch.seen.pushHeaders).toEqual([own]);
    // B is poked for A's push; A, which pulled right after it, is not.
    await expect.poll(() => b.timers.live().some((w) => w.ms === 0), { timeout: 5000 }).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(watch.pokes()).toHaveLength(1);
  });
});

describe('sync engine: connectivity and backoff', () => {
  it('waits offline, then drains at once when the network returns', async () => {
    const desk = await openDesk();
    await signIn(desk);
    desk.setOnline(false);
    for (let i = 0; i < 5; i++) value(await desk.host.command('interaction.create', form()));
    desk.timers.fire();
    await desk.host.sync?.whenIdle();
    expect(value(await desk.host.query('sync.status', {}))).toMatchObject({
      connection: 'offline',
      pendingChanges: 5,
    });
    expect(await serverRows()).toHaveLength(0);

    desk.setOnline(true);
    expect(desk.timers.live().some((w) => w.ms === 0)).toBe(true);
    desk.timers.fire();
    await desk.host.sync?.whenIdle();
    expect(await pending(desk)).toBe(0);
    expect(await serverRows()).toHaveLength(5);
    expect(value(await desk.host.query('sync.status', {})).connection).toBe('online');
  });

  it('notices the network is back with no online event (a SharedWorker hears none)', async () => {
    const desk = await openDesk();
    await signIn(desk);
    desk.setOnline(false);
    value(await desk.host.command('interaction.create', form()));
    desk.timers.fire();
    await desk.host.sync?.whenIdle();
    expect(value(await desk.host.query('sync.status', {}))).toMatchObject({
      connection: 'offline',
      pendingChanges: 1,
    });
    // While offline it looks at navigator.onLine again every few seconds, and only that.
    expect(desk.timers.live().map((w) => w.ms)).toEqual([ONLINE_CHECK_MS]);
    desk.timers.fire();
    await desk.host.sync?.whenIdle();
    expect(desk.timers.live().map((w) => w.ms)).toEqual([ONLINE_CHECK_MS]);
    expect(desk.net.calls).toEqual(['POST /api/v1/sessions']);

    desk.setOnline(true, { silently: true });
    desk.timers.fire();
    await desk.host.sync?.whenIdle();
    expect(await pending(desk)).toBe(0);
    expect(await serverRows()).toHaveLength(1);
    expect(value(await desk.host.query('sync.status', {})).connection).toBe('online');
  });

  it('backs off exponentially with jitter, and starts over when the network returns', async () => {
    let r = 0;
    const desk = await openDesk({ random: () => r });
    await signIn(desk);
    await desk.host.sync?.syncNow();
    // The poke stream is open once its first poke (sent on connect) asks for a pull.
    await expect.poll(() => desk.timers.live().some((w) => w.ms === 0)).toBe(true);
    desk.timers.fire();
    await desk.host.sync?.whenIdle();
    desk.net.down = true;
    const delays: number[] = [];
    // The first try runs now; each later one when its backoff timer fires.
    let first = true;
    const failOnce = async (): Promise<void> => {
      const before = desk.timers.waits.length;
      if (first) await desk.host.sync?.syncNow();
      else {
        desk.timers.fire();
        await desk.host.sync?.whenIdle();
      }
      first = false;
      delays.push(
        ...desk.timers.waits
          .slice(before)
          .filter((w) => !w.cancelled && w.ms !== POKE_IDLE_MS && w.ms !== REQUEST_TIMEOUT_MS)
          .map((w) => w.ms),
      );
    };
    for (let i = 0; i < 4; i++) await failOnce();
    expect(delays).toEqual([500, 1000, 2000, 4000]);
    r = 0.5;
    await failOnce();
    expect(delays.at(-1)).toBe(12_000); // step 16 s: 8 s for sure + half of the other 8 s
    for (let i = 0; i < 5; i++) await failOnce();
    expect(delays.at(-1)).toBe(45_000); // capped at 60 s
    expect(value(await desk.host.query('sync.status', {}))).toMatchObject({
      connection: 'offline',
    });

    desk.net.down = false;
    desk.setOnline(true);
    desk.timers.fire();
    await desk.host.sync?.whenIdle();
    expect(value(await desk.host.query('sync.status', {}))).toMatchObject({
      connection: 'online',
      lastError: null,
    });
    desk.net.down = true;
    delays.length = 0;
    r = 0;
    first = true;
    await failOnce();
    expect(delays).toEqual([500]);
  });

  it('gives up a push nobody answers, and sends it again without a duplicate', async () => {
    let hung = 0;
    const desk = await openDesk({
      fetch: (net) => (input, init) => {
        // The first push vanishes into a connection that stays open and silent.
        if (hung === 0 && new URL(input).pathname.endsWith('/sync/push')) {
          hung += 1;
          return new Promise<Response>((_resolve, reject) =>
            init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
          );
        }
        return net.fetch(input, init);
      },
    });
    await signIn(desk);
    value(await desk.host.command('interaction.create', form()));
    const stuck = desk.host.sync?.syncNow();
    await expect.poll(() => hung).toBe(1);
    // The directory and the templates are asked for beside the push: they are answered.
    await expect.poll(() => desk.timers.inFlight()).toBe(1);
    expect(desk.timers.fireRequestTimeouts()).toBe(1);
    await stuck;
    expect(value(await desk.host.query('sync.status', {}))).toMatchObject({
      pendingChanges: 1,
      lastError: expect.stringContaining('cannot be reached') as unknown,
    });
    await desk.host.sync?.syncNow();
    expect(await pending(desk)).toBe(0);
    expect(await serverRows()).toHaveLength(1);
  });

  it('opens the poke stream again when it has been silent too long (a half-open connection)', async () => {
    const desk = await openDesk();
    await signIn(desk);
    await desk.host.sync?.syncNow();
    await expect.poll(() => desk.timers.live().some((w) => w.ms === 0)).toBe(true);
    desk.timers.fire();
    await desk.host.sync?.whenIdle();
    expect(desk.net.count('GET /api/v1/sync/events')).toBe(1);
    // Every chunk (here the poke sent on connect) puts the watchdog back to a full wait.
    const watchdogs = desk.timers.waits.filter((w) => w.ms === POKE_IDLE_MS);
    expect(watchdogs.length).toBeGreaterThanOrEqual(2);
    expect(watchdogs.filter((w) => !w.cancelled)).toHaveLength(1);

    expect(desk.timers.fireWatchdog()).toBe(1);
    // Reconnects after a backoff step, not in a tight loop.
    await expect.poll(() => desk.timers.live().map((w) => w.ms)).toEqual([500]);
    desk.timers.fire();
    await desk.host.sync?.whenIdle();
    await expect.poll(() => desk.net.count('GET /api/v1/sync/events')).toBe(2);
  });

  it('opens a refused poke stream again on a backoff of its own, with no sync cycle each time', async () => {
    let streams = 0;
    const desk = await openDesk({
      fetch: (net) => (input, init) => {
        // A proxy in front of the server refuses the stream; push and pull get through.
        if (new URL(input).pathname.endsWith('/sync/events')) {
          streams += 1;
          return Promise.resolve(new Response('Bad gateway', { status: 502 }));
        }
        return net.fetch(input, init);
      },
    });
    await signIn(desk);
    value(await desk.host.command('interaction.create', form()));
    await desk.host.sync?.syncNow();
    expect(await serverRows()).toHaveLength(1);
    const pulls = desk.net.count('POST /api/v1/sync/pull');
    const directory = desk.net.calls.filter((c) => c.includes('/directory')).length;
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      await expect.poll(() => desk.timers.live().length).toBe(1);
      delays.push(desk.timers.live()[0]?.ms ?? 0);
      desk.timers.fire();
      await desk.host.sync?.whenIdle();
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000]);
    await expect.poll(() => streams).toBe(6);
    expect(desk.net.count('POST /api/v1/sync/pull')).toBe(pulls);
    expect(desk.net.calls.filter((c) => c.includes('/directory'))).toHaveLength(directory);
    // A cycle that runs meanwhile (a save) does not hurry the stream past its backoff.
    value(await desk.host.command('interaction.create', form()));
    await desk.host.sync?.syncNow();
    expect(await serverRows()).toHaveLength(2);
    expect(streams).toBe(6);
    expect(desk.timers.live().map((w) => w.ms)).toEqual([16_000]);
  });

  it('starts the poke stream’s backoff over only once a stream has stayed open past a heartbeat', async () => {
    let streams = 0;
    const chunks = (...texts: string[]): Response =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (const text of texts) controller.enqueue(new TextEncoder().encode(text));
            controller.close();
          },
        }),
        { headers: { 'content-type': 'text/event-stream' } },
      );
    const connect = 'event: poke\ndata: {"topic":"interactions","stream":"stream-12345"}\n\n';
    const desk = await openDesk({
      fetch: (net) => (input, init) => {
        if (!new URL(input).pathname.endsWith('/sync/events')) return net.fetch(input, init);
        streams += 1;
        // Refused twice; then a stream cut right after connecting; then one that lived.
        if (streams <= 2) return Promise.resolve(new Response('Bad gateway', { status: 502 }));
        if (streams === 3) return Promise.resolve(chunks(connect));
        return Promise.resolve(chunks(connect, ': keep-alive\n\n'));
      },
    });
    await signIn(desk);
    await desk.host.sync?.syncNow();
    const reconnects: number[] = [];
    for (let i = 0; i < 4; i++) {
      await expect.poll(() => desk.timers.live().some((w) => w.ms > 0)).toBe(true);
      reconnects.push(
        ...desk.timers
          .live()
          .filter((w) => w.ms > 0)
          .map((w) => w.ms),
      );
      desk.timers.fire();
      await desk.host.sync?.whenIdle();
    }
    expect(reconnects).toEqual([500, 1000, 2000, 500]);
  });

  it('runs one sync runner per installation (Web Locks)', async () => {
    const locks = memoryLocks();
    const factory = new IDBFactory();
    const first = await openDesk({ factory, locks });
    const second = await openDesk({ factory, locks });
    await expect.poll(() => first.host.sync?.isLeader()).toBe(true);
    expect(second.host.sync?.isLeader()).toBe(false);
    await first.host.close();
    opened.splice(opened.indexOf(first.host), 1);
    await expect.poll(() => second.host.sync?.isLeader()).toBe(true);
  });
});

describe('sync engine: one installation, several hosts (no SharedWorker)', () => {
  let channels = 0;
  let sharedLocks: LockManagerLike = memoryLocks();
  let shared = '';
  const installation = async () => {
    const factory = new IDBFactory();
    const locks = memoryLocks();
    const channel = `deskpad-sync-test-${++channels}`;
    sharedLocks = locks;
    shared = channel;
    const runner = await openDesk({ factory, locks, channel });
    const other = await openDesk({ factory, locks, channel });
    await expect.poll(() => runner.host.sync?.isLeader()).toBe(true);
    expect(other.host.sync?.isLeader()).toBe(false);
    return { runner, other };
  };

  it('a save in a tab that does not run sync makes the runner push', async () => {
    const { runner, other } = await installation();
    await signIn(runner);
    await runner.host.sync?.syncNow();
    runner.timers.fire();
    await runner.host.sync?.whenIdle();
    value(await other.host.command('interaction.create', form()));
    await expect
      .poll(() => runner.timers.live().some((w) => w.ms <= 50), { timeout: 5000 })
      .toBe(true);
    runner.timers.fire();
    await runner.host.sync?.whenIdle();
    expect(await serverRows()).toHaveLength(1);
    // The other tab hears how the runner is doing, and has the directory the runner downloaded.
    await expect
      .poll(async () => value(await other.host.query('directory.status', {})).users)
      .toBe(DEMO_USERS + 3);
    await expect
      .poll(async () => value(await other.host.query('sync.status', {})))
      .toMatchObject({
        pendingChanges: 0,
        lastError: null,
        lastSyncedAt: expect.any(String) as unknown,
      });
  });

  it('a tab opened later asks the runner how it is doing, and shows its last error at once', async () => {
    const { runner, other } = await installation();
    await signIn(runner);
    runner.net.down = true;
    value(await runner.host.command('interaction.create', form()));
    await runner.host.sync?.syncNow();
    const trouble = value(await runner.host.query('sync.status', {}));
    expect(trouble.lastError).toMatch(/cannot be reached/);
    await expect
      .poll(async () => value(await other.host.query('sync.status', {})).lastError)
      .toBe(trouble.lastError);
    // A third tab: the runner's status has not changed since, so only asking brings it.
    const later = await openDesk({ factory: runner.factory, locks: sharedLocks, channel: shared });
    expect(later.host.sync?.isLeader()).toBe(false);
    await expect
      .poll(async () => value(await later.host.query('sync.status', {})))
      .toMatchObject({ connection: 'offline', lastError: trouble.lastError, pendingChanges: 1 });
  });

  it('a sign-in or sign-out in one tab is seen by the other tabs’ hosts', async () => {
    const { runner, other } = await installation();
    await signIn(other, SECOND_AGENT);
    await expect
      .poll(async () => value(await runner.host.query('session.state', {})))
      .toMatchObject({ status: 'signed-in', agent: { userName: SECOND_AGENT } });
    // The runner syncs with the session the other tab began, as that agent.
    const saved = value(await runner.host.command('interaction.create', form()));
    expect(saved.openedBy).toBe(value(await runner.host.query('session.state', {})).agent?.id);
    runner.timers.fire();
    await runner.host.sync?.whenIdle();
    expect(await serverRows()).toHaveLength(1);

    value(await runner.host.act('session.signOut', {}));
    await expect
      .poll(async () => value(await other.host.query('session.state', {})))
      .toMatchObject({ status: 'signed-out', endedBy: 'sign-out' });
  });
});

describe('sync engine: a clientId two installations share', () => {
  it('the desk that finds out takes a new clientId and sends its own work again; nothing is lost', async () => {
    // A copied profile: both desks call themselves client-copied.
    const original = await openDesk({ clientId: 'client-copied' });
    const copy = await openDesk({ clientId: 'client-copied' });
    await signIn(original);
    await signIn(copy, SECOND_AGENT);
    const fromOriginal = [form(), form()];
    const fromCopy = [form(), form(), form()];
    for (const args of fromOriginal) value(await original.host.command('interaction.create', args));
    for (const args of fromCopy) value(await copy.host.command('interaction.create', args));
    await original.host.sync?.syncNow();
    await copy.host.sync?.syncNow();

    expect(await pending(copy)).toBe(0);
    expect(value(await copy.host.query('session.current', {})).clientId).not.toBe('client-copied');
    const ids = (await serverRows()).map((r) => r.id).sort();
    expect(ids).toEqual([...fromOriginal, ...fromCopy].map((a) => a.id).sort());
    expect(new Set((await serverRows()).map((r) => r.number)).size).toBe(5);

    // The original goes on under the old clientId.
    value(await original.host.command('interaction.create', form()));
    await original.host.sync?.syncNow();
    expect(await pending(original)).toBe(0);
    expect(await serverRows()).toHaveLength(6);
    await copy.host.sync?.syncNow();
    expect(await deskRows(copy)).toEqual(await serverRows());
  });
});

describe('sync engine: directory', () => {
  it('downloads the directory in pages with progress, then only changes', async () => {
    const desk = await openDesk({ pageSize: 100 });
    expect(value(await desk.host.query('directory.status', {})).users).toBe(DEMO_USERS);
    await signIn(desk);
    await desk.host.sync?.syncNow();
    const status = value(await desk.host.query('directory.status', {}));
    expect(status.users).toBe(DEMO_USERS + 3);
    const downloads = desk.events.filter(
      (e) => e.type === 'directory-progress' && e.source === 'server' && e.phase === 'generating',
    );
    expect(downloads.length).toBeGreaterThanOrEqual(3);
    expect(desk.events.at(-1)).toMatchObject({ type: 'directory-progress', phase: 'ready' });
    const hits = value(await desk.host.query('directory.searchUsers', { query: 'demo.techn' }));
    expect(hits.map((h) => h.userName)).toContain('demo.technician');

    // A change on the server reaches the desk by its cursor: one small page.
    await database.db.transaction().execute(async (trx) => {
      const version = (await lockVersion(trx)) + 1;
      await trx
        .updateTable('users')
        .set({ name: 'Zebedee Quux', first_name: 'Zebedee', last_name: 'Quux', version })
        .where('id', '=', 'usr_000100')
        .execute();
      await saveVersion(trx, version);
    });
    const pagesBefore = desk.net.count('GET /api/v1/directory');
    await desk.host.sync?.syncNow();
    expect(desk.net.count('GET /api/v1/directory') - pagesBefore).toBe(1);
    const found = value(await desk.host.query('directory.searchUsers', { query: 'zebedee' }));
    expect(found.map((h) => h.id)).toEqual(['usr_000100']);
    expect(value(await desk.host.query('directory.status', {})).users).toBe(DEMO_USERS + 3);

    // After a restart the downloaded directory is what loads, not the demo.
    const factory = desk.factory;
    await desk.host.close();
    opened.splice(opened.indexOf(desk.host), 1);
    const again = await openDesk({ factory });
    again.net.down = true;
    expect(value(await again.host.query('directory.getUser', { id: 'usr_000100' }))?.name).toBe(
      'Zebedee Quux',
    );
    expect(value(await again.host.query('directory.status', {})).users).toBe(DEMO_USERS + 3);
  });
});

describe('sync engine: incidents', () => {
  /** An interaction the demo agent has taken (Assign to me), so it can be escalated. */
  const assigned = () => form({ assignmentGroup: AGENT_GROUP, assignedTo: DEMO_AGENT_ID });
  let nextIncident = 0;
  const reportIssue = (interactionId: string) => ({
    id: `inc-${++nextIncident}`,
    interactionId,
    caller: 'usr_000100',
    shortDescription: 'Cannot print on floor 3',
    description: 'The printer shows offline',
    component: null,
    category: 'Hardware' as const,
    impact: 3 as const,
    urgency: 3 as const,
    assignmentGroup: AGENT_GROUP,
    assignedTo: null,
  });

  async function serverIncidents(): Promise<Incident[]> {
    const rows = await database.db.selectFrom('incidents').select(['record']).execute();
    return rows.map((r) => r.record as Incident);
  }

  it('an incident escalated offline gets the server’s INC number, on itself and on the interaction’s link and work note', async () => {
    const desk = await openDesk();
    await signIn(desk);
    await desk.host.sync?.syncNow();
    desk.setOnline(false);
    const args = assigned();
    value(await desk.host.command('interaction.create', args));
    const issue = reportIssue(args.id);
    const offline = value(await desk.host.command('incident.createFromInteraction', issue));
    expect(offline.incident).toMatchObject({ number: 'INC-P0001', numberProvisional: true });
    expect(offline.interaction.relatedRecords).toMatchObject([{ number: 'INC-P0001' }]);
    await desk.host.sync?.syncNow();
    expect(await pending(desk)).toBe(2);

    desk.setOnline(true);
    await desk.host.sync?.syncNow();
    expect(await pending(desk)).toBe(0);
    const incident = value(await desk.host.query('incident.get', { id: issue.id }));
    expect(incident).toMatchObject({
      number: 'INC0001001',
      numberProvisional: false,
      relatedInteractions: [{ id: args.id, number: 'IMS0001001', relation: 'origin' }],
    });
    const db = await desk.raw();
    const interaction = await db.interactions.get(args.id);
    expect(interaction && relatedRecordsOf(interaction)).toMatchObject([
      { kind: 'incident', id: issue.id, number: 'INC0001001', relation: 'created' },
    ]);
    const note = interaction?.workNotes.find((n) => n.id === `${issue.id}:created`);
    expect(note?.text).toContain('Incident INC0001001 created from this interaction');
    expect(note?.text).not.toContain('INC-P');
    // The desk shows exactly what the server holds.
    expect(await db.incidents.toArray()).toEqual(await serverIncidents());
    expect(await deskRows(desk)).toEqual(await serverRows());
  });

  it('two desks on one incident: B’s offline reopen of an incident A closed is refused into Needs attention; nothing is lost', async () => {
    const a = await openDesk();
    const b = await openDesk();
    await signIn(a);
    await signIn(b, SECOND_AGENT);
    const args = assigned();
    value(await a.host.command('interaction.create', args));
    const issue = reportIssue(args.id);
    value(await a.host.command('incident.createFromInteraction', issue));
    value(
      await a.host.command('incident.resolve', {
        id: issue.id,
        resolutionCode: 'Solution provided',
        resolutionNotes: 'Cleared the print queue',
      }),
    );
    await a.host.sync?.syncNow();
    await b.host.sync?.syncNow();
    expect(value(await b.host.query('incident.get', { id: issue.id }))).toMatchObject({
      number: 'INC0001001',
      state: 'Resolved',
    });

    // The caller rings desk B, which is offline: still cannot print. B reopens.
    b.setOnline(false);
    const reason = 'The caller still cannot print';
    value(await b.host.command('incident.reopen', { id: issue.id, noteId: 'b-reopen', reason }));
    expect(value(await b.host.query('incident.get', { id: issue.id }))?.state).toBe('In Progress');
    // Meanwhile A, online, closes it.
    value(await a.host.command('incident.close', { id: issue.id }));
    await a.host.sync?.syncNow();

    b.setOnline(true);
    await b.host.sync?.syncNow();
    expect(await pending(b)).toBe(0);
    const [item, ...others] = value(await b.host.query('sync.needsAttention', {}));
    expect(others).toEqual([]);
    expect(item).toMatchObject({
      name: 'incident.reopen',
      args: { id: issue.id, noteId: 'b-reopen', reason },
      recordKind: 'incident',
      recordId: issue.id,
      recordNumber: 'INC0001001',
      reason: {
        code: 'rule',
        message: 'A Closed incident cannot be reopened; create a new incident.',
      },
    });
    // B shows the incident as the server has it: A's close stands.
    const onB = value(await b.host.query('incident.get', { id: issue.id }));
    expect(onB).toMatchObject({ state: 'Closed', reopenCount: 0 });
    expect(onB?.workNotes.map((n) => n.id)).not.toContain('b-reopen');

    // Nothing lost on A or on the server.
    await a.host.sync?.syncNow();
    const [server] = await serverIncidents();
    expect(server).toMatchObject({
      state: 'Closed',
      resolutionCode: 'Solution provided',
      resolutionNotes: 'Cleared the print queue',
    });
    expect(await (await a.raw()).incidents.get(issue.id)).toEqual(server);
    expect(await (await b.raw()).incidents.get(issue.id)).toEqual(server);
    expect(value(await a.host.query('sync.needsAttention', {}))).toEqual([]);
    expect(await pending(a)).toBe(0);
  });
});
