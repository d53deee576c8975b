// Tests for the store host on fake-indexeddb, as a window would use it: commands write the record
// and its outbox entry together or not at all, queries and live queries answer, restarts keep all.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_AGENT_ID, SERVICE_DESK_GROUP_ID } from '../../shared/demo/directory-generator';
import type { CreateInteractionArgs } from '../../shared/domain/interaction';
import type { StoreResult } from '../../shared/domain/result';
import type {
  InteractionListItem,
  QueryInput,
  StoreEvent,
  SyncStatus,
} from '../../shared/store-api/contract';
import { createDeskDb, NewerDatabaseError, SCHEMA, SCHEMA_VERSION, type DeskDb } from './db';
import {
  failedStoreHost,
  openFailure,
  openStoreHost,
  type StoreHost,
  type StoreHostOptions,
} from './store-host';

const DB_NAME = 'desk';
const opened: { close(): Promise<void> | void }[] = [];

afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

interface Desk {
  host: StoreHost;
  factory: IDBFactory;
  connectivity: EventTarget;
  setOnline(value: boolean): void;
  /** A second connection that reads what is really on disk. */
  raw(): Promise<DeskDb>;
}

async function openDesk(
  options: Partial<StoreHostOptions> & { factory?: IDBFactory } = {},
): Promise<Desk> {
  const factory = options.factory ?? new IDBFactory();
  const connectivity = new EventTarget();
  let online = true;
  let clock = Date.parse('2026-03-02T09:00:00.000Z');
  const host = await openStoreHost({
    dbName: DB_NAME,
    indexedDB: factory,
    IDBKeyRange,
    demoUsers: 400,
    now: () => new Date((clock += 60_000)),
    newId: () => 'client-1',
    onLine: () => online,
    connectivityEvents: connectivity,
    ...options,
  });
  opened.push(host);
  await host.directoryReady();
  return {
    host,
    factory,
    connectivity,
    setOnline(value) {
      online = value;
      connectivity.dispatchEvent(new Event(value ? 'online' : 'offline'));
    },
    async raw() {
      const db = createDeskDb({ name: DB_NAME, indexedDB: factory, IDBKeyRange });
      await db.open();
      opened.push(db);
      return db;
    },
  };
}

let nextId = 0;
function form(overrides: Partial<CreateInteractionArgs> = {}): CreateInteractionArgs {
  return {
    id: `int-${++nextId}`,
    openedFor: 'usr_000100',
    contactEmail: 'caller@deskpad.example',
    contactPhone: '+1 555 123 4567',
    type: 'Walk-in',
    component: null,
    assignmentGroup: null,
    assignedTo: null,
    shortDescription: 'Cannot print to the floor printer',
    description: '',
    ...overrides,
  };
}

function value<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function onDisk(
  desk: Desk,
): Promise<{ interactions: number; outbox: number; counter: number }> {
  const db = await desk.raw();
  const counters = await db.meta.get('counters');
  return {
    interactions: await db.interactions.count(),
    outbox: await db.outbox.count(),
    counter: counters?.key === 'counters' ? counters.value.interaction : 0,
  };
}

describe('store host: first start', () => {
  it('creates a client id, loads the demo directory and signs in demo.agent', async () => {
    const desk = await openDesk();
    const session = value(await desk.host.query('session.current', {}));
    expect(session).toMatchObject({
      clientId: 'client-1',
      agent: { id: DEMO_AGENT_ID, userName: 'demo.agent' },
    });
    expect(value(await desk.host.query('directory.status', {}))).toMatchObject({
      ready: true,
      users: 400,
      groups: 10,
    });
  });

  it('tells event listeners how the directory load is going, up to ready', async () => {
    const host = await openStoreHost({
      dbName: DB_NAME,
      indexedDB: new IDBFactory(),
      IDBKeyRange,
      demoUsers: 400,
    });
    opened.push(host);
    const events: StoreEvent[] = [];
    await host.onEvent((e) => events.push(e));
    await vi.waitFor(() =>
      expect(events.at(-1)).toMatchObject({ type: 'directory-progress', phase: 'ready' }),
    );
  });
});

describe('store host: commands', () => {
  it('writes the interaction and its outbox entry together, with a provisional number', async () => {
    const desk = await openDesk();
    const args = form();
    const saved = value(await desk.host.command('interaction.create', args));
    expect(saved).toMatchObject({
      id: args.id,
      number: 'IMS-P0001',
      numberProvisional: true,
      state: 'New',
      openedBy: DEMO_AGENT_ID,
      openedForName: expect.any(String) as unknown,
    });
    const db = await desk.raw();
    expect(await db.interactions.get(args.id)).toMatchObject({
      shortDescription: args.shortDescription,
    });
    const outbox = await db.outbox.toArray();
    expect(outbox).toEqual([
      {
        mutationId: 1,
        clientId: 'client-1',
        name: 'interaction.create',
        args,
        at: saved.openedAt,
        actorId: DEMO_AGENT_ID,
      },
    ]);
  });

  it('numbers interactions in order', async () => {
    const desk = await openDesk();
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++)
      numbers.push(value(await desk.host.command('interaction.create', form())).number);
    expect(numbers).toEqual(['IMS-P0001', 'IMS-P0002', 'IMS-P0003']);
  });

  it('makes one record of a double-clicked or retried save', async () => {
    const desk = await openDesk();
    const args = form();
    const [a, b] = await Promise.all([
      desk.host.command('interaction.create', args),
      desk.host.command('interaction.create', args),
    ]);
    const again = await desk.host.command('interaction.create', args);
    expect(value(a).number).toBe('IMS-P0001');
    expect(value(b)).toEqual(value(a));
    expect(value(again)).toEqual(value(a));
    expect(await onDisk(desk)).toEqual({ interactions: 1, outbox: 1, counter: 1 });
  });

  it('writes neither record nor outbox entry when the save fails validation', async () => {
    const desk = await openDesk();
    const result = await desk.host.command('interaction.create', form({ shortDescription: '   ' }));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'Check Short description.',
        fieldErrors: { shortDescription: 'Short description is required.' },
      },
    });
    expect(await onDisk(desk)).toEqual({ interactions: 0, outbox: 0, counter: 0 });
  });

  it('writes nothing when the domain rules refuse the change', async () => {
    const desk = await openDesk();
    const refused = await desk.host.command(
      'interaction.create',
      form({ assignmentGroup: SERVICE_DESK_GROUP_ID, assignedTo: 'usr_000300' }),
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'rule', fieldErrors: { assignedTo: expect.any(String) as unknown } },
    });
    expect(await onDisk(desk)).toEqual({ interactions: 0, outbox: 0, counter: 0 });
  });

  it('moves a New interaction to Work in Progress when someone is assigned', async () => {
    const desk = await openDesk();
    const { id } = value(await desk.host.command('interaction.create', form()));
    const updated = value(
      await desk.host.command('interaction.update', {
        id,
        changes: { assignmentGroup: SERVICE_DESK_GROUP_ID, assignedTo: DEMO_AGENT_ID },
      }),
    );
    expect(updated).toMatchObject({
      state: 'Work in Progress',
      assignedToName: 'Demo Agent',
      assignmentGroupName: 'Service Desk',
    });
    expect(await onDisk(desk)).toMatchObject({ interactions: 1, outbox: 2 });
    // Saving again with nothing changed queues nothing.
    await desk.host.command('interaction.update', { id, changes: {} });
    expect(await onDisk(desk)).toMatchObject({ interactions: 1, outbox: 2 });
  });

  it('keeps a closed interaction read-only except for work notes', async () => {
    const desk = await openDesk();
    const { id } = value(await desk.host.command('interaction.create', form()));
    const closed = value(
      await desk.host.command('interaction.close', { id, state: 'Closed Complete' }),
    );
    expect(closed).toMatchObject({
      state: 'Closed Complete',
      closedBy: DEMO_AGENT_ID,
      handleTimeSeconds: 60,
    });

    const edit = await desk.host.command('interaction.update', {
      id,
      changes: { description: 'late edit' },
    });
    expect(edit).toMatchObject({ ok: false, error: { code: 'rule' } });
    const abandon = await desk.host.command('interaction.close', { id, state: 'Closed Abandoned' });
    expect(abandon).toMatchObject({ ok: false, error: { code: 'rule' } });

    const noted = value(
      await desk.host.command('interaction.addWorkNote', {
        id,
        noteId: 'n-1',
        text: 'Called back: fixed.',
      }),
    );
    expect(noted.workNotes).toMatchObject([
      { id: 'n-1', author: DEMO_AGENT_ID, authorName: 'Demo Agent', text: 'Called back: fixed.' },
    ]);
    // The same note again (a retry) changes nothing and queues nothing.
    await desk.host.command('interaction.addWorkNote', {
      id,
      noteId: 'n-1',
      text: 'Called back: fixed.',
    });
    expect(await onDisk(desk)).toEqual({ interactions: 1, outbox: 3, counter: 1 });
  });

  it('answers unknown names, unknown records and malformed input with a StoreError', async () => {
    const desk = await openDesk();
    expect(await desk.host.command('interaction.delete' as never, {} as never)).toMatchObject({
      ok: false,
      error: { code: 'unknown-operation' },
    });
    const huge = await desk.host.command('x'.repeat(100_000) as never, {} as never);
    expect(huge.ok || huge.error.message.length).toBeLessThan(200);
    expect(
      await desk.host.command('interaction.update', { id: 'nope', changes: {} }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await desk.host.command('interaction.create', null as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    const tooLong = await desk.host.command(
      'interaction.create',
      form({ description: 'x'.repeat(1_000_000) }),
    );
    expect(tooLong).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fieldErrors: { description: expect.any(String) as unknown } },
    });
  });

  it('turns a failure inside the store into an internal error, never a rejected promise', async () => {
    const desk = await openDesk();
    await desk.host.close();
    const result = await desk.host.command('interaction.create', form());
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await desk.host.query('interaction.get', { id: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});

describe('store host: queries', () => {
  async function seeded(): Promise<Desk & { ids: string[] }> {
    const desk = await openDesk();
    const ids: string[] = [];
    const create = async (args: CreateInteractionArgs) =>
      ids.push(value(await desk.host.command('interaction.create', args)).id);
    await create(form({ type: 'Phone', openedFor: 'usr_000100' }));
    await create(form({ type: 'Walk-in', openedFor: 'usr_000100' }));
    await create(form({ type: 'Email', openedFor: 'usr_000200' }));
    await desk.host.command('interaction.close', {
      id: ids[0] as string,
      state: 'Closed Complete',
    });
    await desk.host.command('interaction.close', {
      id: ids[2] as string,
      state: 'Closed Abandoned',
    });
    return { ...desk, ids };
  }
  const numbers = (items: InteractionListItem[]) => items.map((i) => i.number);

  it('lists my open, all open and recently closed interactions, newest first', async () => {
    const desk = await seeded();
    const list = async (input: QueryInput<'interaction.list'>) =>
      numbers(value(await desk.host.query('interaction.list', input)));
    expect(await list({ view: 'my-open' })).toEqual(['IMS-P0002']);
    expect(await list({ view: 'all-open' })).toEqual(['IMS-P0002']);
    expect(await list({ view: 'recently-closed' })).toEqual(['IMS-P0003', 'IMS-P0001']);
    expect(await list({ view: 'recently-closed', type: 'Phone' })).toEqual(['IMS-P0001']);
    expect(await list({ view: 'recently-closed', state: 'Closed Abandoned' })).toEqual([
      'IMS-P0003',
    ]);
    expect(await list({ view: 'all-open', state: 'Closed Complete' })).toEqual([]);
    expect(await list({ view: 'recently-closed', limit: 1 })).toEqual(['IMS-P0003']);
  });

  it("lists a caller's interactions newest first", async () => {
    const desk = await seeded();
    const items = value(await desk.host.query('interaction.listForUser', { userId: 'usr_000100' }));
    expect(numbers(items)).toEqual(['IMS-P0002', 'IMS-P0001']);
    expect(items[0]).toMatchObject({
      openedFor: 'usr_000100',
      openedForName: expect.any(String) as unknown,
    });
  });

  it('gets one interaction with its names resolved, or null', async () => {
    const desk = await seeded();
    expect(
      value(await desk.host.query('interaction.get', { id: desk.ids[1] as string })),
    ).toMatchObject({ number: 'IMS-P0002' });
    expect(value(await desk.host.query('interaction.get', { id: 'missing' }))).toBeNull();
  });

  it('answers directory lookups: callers, groups, members and components with their parents', async () => {
    const desk = await openDesk();
    const [hit] = value(await desk.host.query('directory.searchUsers', { query: 'demo ag' }));
    expect(hit).toMatchObject({
      id: DEMO_AGENT_ID,
      name: 'Demo Agent',
      email: 'demo.agent@deskpad.example',
    });
    expect(
      value(await desk.host.query('directory.searchUsers', { query: 'a', limit: 5 })),
    ).toHaveLength(5);
    expect(value(await desk.host.query('directory.getUser', { id: DEMO_AGENT_ID }))).toMatchObject({
      roles: ['agent'],
    });
    expect(value(await desk.host.query('directory.getUser', { id: 'nobody' }))).toBeNull();
    expect(value(await desk.host.query('directory.listGroups', {})).map((g) => g.name)).toContain(
      'Network',
    );
    const members = value(
      await desk.host.query('directory.groupMembers', { groupId: SERVICE_DESK_GROUP_ID }),
    );
    expect(members.map((m) => m.id)).toContain(DEMO_AGENT_ID);
    const [outlook] = value(
      await desk.host.query('directory.searchConfigurationItems', { query: 'outlook' }),
    );
    expect(outlook).toMatchObject({
      name: 'Outlook client',
      parents: [{ name: 'Email', className: 'Business service' }],
    });
    const [printer] = value(
      await desk.host.query('directory.searchConfigurationItems', { query: 'LON-RH-F3-PRN01' }),
    );
    expect(printer?.parents.map((p) => p.className)).toEqual(['Floor network', 'Building']);
    expect(
      value(await desk.host.query('directory.getConfigurationItem', { id: printer?.id ?? '' })),
    ).toEqual(printer);
  });

  it('refuses a malformed query with a StoreError', async () => {
    const desk = await openDesk();
    expect(
      await desk.host.query('directory.searchUsers', { query: 'x'.repeat(101) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await desk.host.query('nope' as never, {} as never)).toMatchObject({
      ok: false,
      error: { code: 'unknown-operation' },
    });
  });
});

describe('store host: live queries and status', () => {
  it('pushes a fresh list when an interaction is saved', async () => {
    const desk = await openDesk();
    const seen: number[][] = [];
    const stop = await desk.host.subscribe('interaction.list', { view: 'all-open' }, (r) =>
      seen.push(value(r).map((i) => i.id.length)),
    );
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toEqual([]);
    await desk.host.command('interaction.create', form());
    await vi.waitFor(() => expect(seen.at(-1)).toHaveLength(1));
    stop();
    const count = seen.length;
    await desk.host.command('interaction.create', form());
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toHaveLength(count);
  });

  it('reports pending changes and connectivity, and pushes when either changes', async () => {
    const desk = await openDesk();
    const statuses: SyncStatus[] = [];
    await desk.host.subscribe('sync.status', {}, (r) => statuses.push(value(r)));
    await vi.waitFor(() =>
      expect(statuses.at(-1)).toEqual({
        connection: 'online',
        pendingChanges: 0,
        lastSyncedAt: null,
        lastError: 'No desk server: changes are kept on this desk.',
        serverReachable: false,
        needsAttention: 0,
      }),
    );
    await desk.host.command('interaction.create', form());
    await vi.waitFor(() => expect(statuses.at(-1)?.pendingChanges).toBe(1));
    desk.setOnline(false);
    await vi.waitFor(() =>
      expect(statuses.at(-1)).toMatchObject({ connection: 'offline', pendingChanges: 1 }),
    );
    desk.setOnline(true);
    await vi.waitFor(() => expect(statuses.at(-1)?.connection).toBe('online'));
  });

  it('counts a saved change in Sync before the save is answered: the mark never shows the count from before', async () => {
    const desk = await openDesk();
    const statuses: SyncStatus[] = [];
    await desk.host.subscribe('sync.status', {}, (r) => statuses.push(value(r)));
    await vi.waitFor(() => expect(statuses).toHaveLength(1));
    for (const expected of [1, 2, 3]) {
      // Read as the answer arrives, before anything else runs.
      const seen = await desk.host
        .command('interaction.create', form())
        .then(() => statuses.at(-1)?.pendingChanges);
      expect(seen).toBe(expected);
    }
    // A command that changes nothing (refused) leaves Sync as it was.
    const before = statuses.length;
    expect((await desk.host.command('interaction.create', form({ openedFor: '' }))).ok).toBe(false);
    expect(statuses).toHaveLength(before);
  });

  it('gives a malformed subscription its error through the listener', async () => {
    const desk = await openDesk();
    const results: StoreResult<unknown>[] = [];
    await desk.host.subscribe('interaction.get', { id: 42 } as never, (r) => results.push(r));
    expect(results).toMatchObject([{ ok: false, error: { code: 'invalid-input' } }]);
  });
});

describe('store host: restart', () => {
  it('keeps interactions, outbox, numbering, client id and directory across a restart', async () => {
    const first = await openDesk();
    const saved = value(await first.host.command('interaction.create', form()));
    await first.host.close();

    const events: StoreEvent[] = [];
    const second = await openDesk({ factory: first.factory, newId: () => 'client-2' });
    await second.host.onEvent((e) => events.push(e));
    expect(value(await second.host.query('interaction.get', { id: saved.id }))).toMatchObject({
      number: 'IMS-P0001',
    });
    expect(value(await second.host.query('session.current', {})).clientId).toBe('client-1');
    expect(value(await second.host.query('sync.status', {})).pendingChanges).toBe(1);
    expect(value(await second.host.command('interaction.create', form())).number).toBe('IMS-P0002');
    expect(
      value(await second.host.query('directory.searchUsers', { query: 'demo.agent' }))[0]?.id,
    ).toBe(DEMO_AGENT_ID);
    expect(events.some((e) => e.type === 'directory-progress' && e.phase === 'generating')).toBe(
      false,
    );
  });

  it('rebuilds a caller index stored in an older format', async () => {
    const first = await openDesk();
    await first.host.close();
    const db = await first.raw();
    const meta = await db.meta.get('directory');
    if (meta?.key !== 'directory') throw new Error('no directory meta');
    await db.meta.put({ key: 'directory', value: { ...meta.value, callerIndexFormat: 0 } });
    await db.callerIndex.clear();
    db.close();

    const second = await openDesk({ factory: first.factory });
    expect(value(await second.host.query('directory.searchUsers', { query: 'demo' }))[0]?.id).toBe(
      DEMO_AGENT_ID,
    );
    await second.host.close();
    const after = await second.raw();
    expect(await after.callerIndex.count()).toBeGreaterThan(0);
  });

  it('refuses to open a database from a newer Deskpad, and says so to every window', async () => {
    const factory = new IDBFactory();
    const future = createDeskDb({
      name: DB_NAME,
      indexedDB: factory,
      IDBKeyRange,
      schema: [...SCHEMA, { version: SCHEMA_VERSION + 1, stores: { attachments: '&id' } }],
    });
    await future.open();
    future.close();

    const error = await openStoreHost({ dbName: DB_NAME, indexedDB: factory, IDBKeyRange }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NewerDatabaseError);
    const host = failedStoreHost(openFailure(error));
    const answer = await host.query('session.current', {});
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'not-ready', message: expect.stringContaining('newer Deskpad') as unknown },
    });
  });
});
