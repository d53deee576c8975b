// The sync engine against the REAL desk server, in process on embedded PGlite and reached over
// loopback with real fetch: push, pull, rebase, refusals, lost acknowledgements, backoff, directory.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_AGENT_ID } from '../../../shared/demo/directory-generator';
import type { CreateInteractionArgs, Interaction } from '../../../shared/domain/interaction';
import type { StoreResult } from '../../../shared/domain/result';
import type { StoreEvent } from '../../../shared/store-api/contract';
import { buildServer } from '../../../server/app';
import { migrateToLatest } from '../../../server/db/migrate';
import { openDatabase, type ServerDatabase } from '../../../server/db/open-database';
import { DEMO_PASSWORD, demoAccounts, demoDirectory, seedDemo } from '../../../server/demo/seed';
import { silentLogger } from '../../../server/logger';
import { lockVersion, saveVersion } from '../../../server/sync/versions';
import { createDeskDb, type DeskDb } from '../db';
import { appendToOutbox } from '../interaction-commands';
import { openStoreHost, type StoreHost } from '../store-host';
import type { FetchLike } from './desk-server-client';
import { createDeskServerClient } from './desk-server-client';
import { pullAndRebase } from './interaction-sync';
import type { Cancel, LockManagerLike, Timers } from './sync-engine';

const DEMO_USERS = 300;
const SECOND_AGENT = demoAccounts(demoDirectory({ users: DEMO_USERS }))[1]?.userName ?? '';

let database: ServerDatabase;
let serverUrl = '';
let closeServer: () => Promise<void>;

beforeAll(async () => {
  database = await openDatabase({ logger: silentLogger() });
  await migrateToLatest(database.db);
  await seedDemo(database.db, { users: DEMO_USERS });
  const app = await buildServer({ database, signInRateLimit: false, sseHeartbeatMs: 60_000 });
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
  // Each test starts with no interactions on the server; the demo directory stays.
  await database.db.transaction().execute(async (trx) => {
    await sql`TRUNCATE interactions, clients, mutations, sessions, login_failures CASCADE`.execute(
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
  live(): { ms: number; callback: () => void; cancelled: boolean }[] {
    return this.waits.filter((w) => !w.cancelled);
  }
  /** Fires every live wait once. */
  fire(): number {
    const due = this.live();
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
  setOnline(value: boolean): void;
  raw(): Promise<DeskDb>;
}

let deskCount = 0;
async function openDesk(
  options: {
    random?: () => number;
    locks?: LockManagerLike | null;
    factory?: IDBFactory;
    pageSize?: number;
  } = {},
): Promise<Desk> {
  const factory = options.factory ?? new IDBFactory();
  const timers = new ManualTimers();
  const net = new FaultyFetch();
  const connectivity = new EventTarget();
  let online = true;
  let clock = Date.parse('2026-11-23T09:00:00.000Z');
  const id = ++deskCount;
  const host = await openStoreHost({
    dbName: 'desk',
    indexedDB: factory,
    IDBKeyRange,
    demoUsers: DEMO_USERS,
    now: () => new Date((clock += 1000)),
    newId: () => `client-${id}`,
    onLine: () => online,
    connectivityEvents: connectivity,
    sync: {
      serverUrl,
      fetch: net.fetch,
      timers,
      random: options.random ?? (() => 0),
      locks: options.locks ?? null,
      directoryPageSize: options.pageSize ?? 1000,
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
    setOnline(value) {
      online = value;
      connectivity.dispatchEvent(new Event(value ? 'online' : 'offline'));
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
    expect(value(await desk.host.query('session.state', {})).status).toBe('local');
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

  it('starts over from a restored server (reset): its state wins, waiting work survives', async () => {
    const desk = await openDesk();
    await signIn(desk);
    const kept = form();
    const lost = form();
    value(await desk.host.command('interaction.create', kept));
    value(await desk.host.command('interaction.create', lost));
    await desk.host.sync?.syncNow();
    const waiting = form();
    value(await desk.host.command('interaction.create', waiting));
    const original = await database.db
      .selectFrom('server_meta')
      .select('value')
      .where('key', '=', 'database_id')
      .executeTakeFirstOrThrow();
    try {
      // A restore from a backup taken before `lost` arrived, as another database.
      await database.db.deleteFrom('interactions').where('id', '=', lost.id).execute();
      await database.db
        .updateTable('server_meta')
        .set({ value: 'f'.repeat(32) })
        .where('key', '=', 'database_id')
        .execute();
      await desk.host.sync?.syncNow();
      const ids = (await deskRows(desk)).map((r) => r.id);
      expect(ids).toContain(kept.id);
      expect(ids).toContain(waiting.id);
      expect(ids).not.toContain(lost.id);
      expect(await pending(desk)).toBe(0);
      expect(value(await desk.host.query('directory.status', {})).users).toBe(DEMO_USERS + 2);
    } finally {
      await database.db
        .updateTable('server_meta')
        .set({ value: original.value })
        .where('key', '=', 'database_id')
        .execute();
    }
  });

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
    const token = session?.key === 'session' ? session.value.token : '';
    await pullAndRebase(
      {
        db,
        client: createDeskServerClient(serverUrl, (i, init) => fetch(i, init)),
        clientId: 'client-' + String(deskCount - 1),
        token,
        rules: { isGroupMember: () => true, userName: (id) => id },
        now: () => new Date('2026-11-23T10:00:00.000Z'),
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
      interactionId: args.id,
      interactionNumber: 'IMS0001001',
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

  it('a poke from another desk’s push makes this desk pull', async () => {
    const a = await openDesk();
    const b = await openDesk();
    await signIn(a);
    await signIn(b, SECOND_AGENT);
    await a.host.sync?.syncNow();
    // A now listens; a poke schedules a cycle on A's timers.
    a.timers.fire();
    await a.host.sync?.whenIdle();
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

  it('backs off exponentially with jitter, and starts over when the network returns', async () => {
    let r = 0;
    const desk = await openDesk({ random: () => r });
    await signIn(desk);
    await desk.host.sync?.syncNow();
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
          .filter((w) => !w.cancelled)
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

describe('sync engine: directory', () => {
  it('downloads the directory in pages with progress, then only changes', async () => {
    const desk = await openDesk({ pageSize: 100 });
    expect(value(await desk.host.query('directory.status', {})).users).toBe(DEMO_USERS);
    await signIn(desk);
    await desk.host.sync?.syncNow();
    const status = value(await desk.host.query('directory.status', {}));
    expect(status.users).toBe(DEMO_USERS + 2);
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
    expect(value(await desk.host.query('directory.status', {})).users).toBe(DEMO_USERS + 2);

    // After a restart the downloaded directory is what loads, not the demo.
    const factory = desk.factory;
    await desk.host.close();
    opened.splice(opened.indexOf(desk.host), 1);
    const again = await openDesk({ factory });
    again.net.down = true;
    expect(value(await again.host.query('directory.getUser', { id: 'usr_000100' }))?.name).toBe(
      'Zebedee Quux',
    );
    expect(value(await again.host.query('directory.status', {})).users).toBe(DEMO_USERS + 2);
  });
});

/** Web Locks in memory: one holder per name, the rest wait in order. */
function memoryLocks(): LockManagerLike {
  const queues = new Map<string, (() => void)[]>();
  const held = new Set<string>();
  return {
    request(name, callback) {
      return new Promise((resolve, reject) => {
        const start = (): void => {
          held.add(name);
          callback(null)
            .then(resolve, reject)
            .finally(() => {
              held.delete(name);
              queues.get(name)?.shift()?.();
            });
        };
        if (!held.has(name)) start();
        else queues.set(name, [...(queues.get(name) ?? []), start]);
      });
    },
  };
}
