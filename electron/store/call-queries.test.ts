// Tests for the phone desk's queries through the store host on fake-indexeddb, as a window asks
// them: the incoming-call banner (only this agent's ringing calls, with the caller's open work),
// the caller log (filters, queues, unseen missed) and a call; live when a call arrives by sync.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aCall } from '../../shared/commands/testing/call-scenes';
import { DEMO_AGENT_ID } from '../../shared/demo/directory-generator';
import type { Call } from '../../shared/domain/call';
import type { StoreResult } from '../../shared/domain/result';
import { createDeskDb, type DeskDb } from './db';
import { putPulledInteractions } from './interaction-packs';
import { putPulledPacked } from './packed-records';
import { interaction } from './sync/sync-test-support';
import { openStoreHost, type StoreHost } from './store-host';

const DB_NAME = 'desk';
const opened: { close(): Promise<void> | void }[] = [];
const CALLER = 'usr_000100';
const OTHER = 'usr_000101';

afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

async function openDesk(): Promise<{ host: StoreHost; db: DeskDb }> {
  const factory = new IDBFactory();
  let ids = 0;
  const host = await openStoreHost({
    dbName: DB_NAME,
    indexedDB: factory,
    IDBKeyRange,
    demoUsers: 200,
    demoIncidents: 0,
    now: () => new Date('2026-11-23T09:00:00.000Z'),
    newId: () => `client-${++ids}`,
    onLine: () => true,
    connectivityEvents: new EventTarget(),
  });
  opened.push(host);
  await host.directoryReady();
  const db = createDeskDb({ name: DB_NAME, indexedDB: factory, IDBKeyRange });
  await db.open();
  opened.push(db);
  return { host, db };
}

function value<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

const at = (minute: number) => `2026-11-23T08:${String(minute).padStart(2, '0')}:00.000Z`;

const call = (id: string, minute: number, over: Partial<Call> = {}): Call =>
  aCall({
    id,
    number: `CAL${id}`,
    callId: `pbx-${id}`,
    caller: CALLER,
    candidates: [CALLER],
    notify: [DEMO_AGENT_ID],
    rangAt: at(minute),
    openedAt: at(minute),
    updatedAt: at(minute),
    ...over,
  });

describe('call.incoming', () => {
  it("lists this agent's ringing calls, newest first, with the caller and their open work", async () => {
    const { host, db } = await openDesk();
    value(
      await host.command('interaction.create', {
        id: 'ims-open',
        openedFor: CALLER,
        contactEmail: '',
        contactPhone: '',
        type: 'Phone',
        component: null,
        assignmentGroup: null,
        assignedTo: null,
        shortDescription: 'VPN drops',
        description: '',
      }),
    );
    await db.calls.bulkPut([
      call('c1', 1),
      call('c2', 2, { caller: null, candidates: [CALLER, OTHER] }),
      call('c3', 3, { notify: ['usr_000002'] }),
      call('c4', 4, { state: 'Answered', answeredAt: at(5), answeredBy: DEMO_AGENT_ID }),
    ]);
    const incoming = value(await host.query('call.incoming', {}));
    expect(incoming.map((i) => i.call.id)).toEqual(['c2', 'c1']);
    const [shared, known] = incoming;
    expect(shared?.call.callerPerson).toBeNull();
    expect(shared?.call.candidatePeople.map((p) => p.id)).toEqual([CALLER, OTHER]);
    expect(shared?.openRecords).toEqual([]);
    expect(known?.call.callerPerson).toMatchObject({ id: CALLER });
    expect(known?.call.callerPerson?.name).not.toBe('');
    expect(known?.openRecords).toEqual([
      expect.objectContaining({
        kind: 'interaction',
        id: 'ims-open',
        shortDescription: 'VPN drops',
      }),
    ]);
  });

  it('pops a call as soon as sync writes it, and drops it once answered', async () => {
    const { host, db } = await openDesk();
    const seen: string[][] = [];
    await host.subscribe('call.incoming', {}, (r) => seen.push(value(r).map((i) => i.call.id)));
    await vi.waitFor(() => expect(seen.at(-1)).toEqual([]));
    await db.calls.put(call('c1', 1));
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['c1']));
    await db.calls.put(call('c1', 1, { state: 'Answered', answeredAt: at(2) }));
    await vi.waitFor(() => expect(seen.at(-1)).toEqual([]));
  });
});

describe('call.log', () => {
  const seed = async (db: DeskDb) =>
    db.calls.bulkPut([
      call('m1', 1, { state: 'Missed', endedAt: at(2), queue: 'Service Desk' }),
      call('m2', 3, { state: 'Missed', endedAt: at(4), queue: 'Sales', seenBy: [DEMO_AGENT_ID] }),
      call('a1', 5, {
        state: 'Ended',
        answeredAt: at(6),
        answeredBy: DEMO_AGENT_ID,
        endedAt: at(9),
        interaction: 'ims-x',
      }),
      call('r1', 7, { state: 'Rejected', queue: null }),
    ]);

  it('lists calls newest first with the queues and the unseen missed count', async () => {
    const { host, db } = await openDesk();
    await seed(db);
    const log = value(await host.query('call.log', {}));
    expect(log.calls.map((c) => c.id)).toEqual(['r1', 'a1', 'm2', 'm1']);
    expect(log.queues).toEqual(['Sales', 'Service Desk']);
    expect(log.unseenMissed).toBe(1);
    expect(log.calls.find((c) => c.id === 'm2')?.seen).toBe(true);
    expect(log.calls.find((c) => c.id === 'a1')?.answeredByName).not.toBeNull();
  });

  it('filters by missed (and unseen), answered, queue and agent', async () => {
    const { host, db } = await openDesk();
    await seed(db);
    const ids = async (args: Record<string, unknown>) =>
      value(await host.query('call.log', args)).calls.map((c) => c.id);
    expect(await ids({ filter: 'missed' })).toEqual(['m2', 'm1']);
    expect(await ids({ filter: 'missed', unseenOnly: true })).toEqual(['m1']);
    expect(await ids({ filter: 'answered' })).toEqual(['a1']);
    expect(await ids({ queue: 'Sales' })).toEqual(['m2']);
    expect(await ids({ agent: DEMO_AGENT_ID })).toEqual(['a1']);
    expect(await ids({ limit: 1 })).toEqual(['r1']);
  });

  it('Mark all missed as seen clears the count; Log as interaction links the call', async () => {
    const { host, db } = await openDesk();
    await seed(db);
    const missed = value(await host.query('call.log', { filter: 'missed', unseenOnly: true }));
    const marked = await host.command('call.markSeen', {
      id: 'm1',
      ids: missed.calls.map((c) => c.id),
    });
    expect(value(marked)).toMatchObject({ id: 'm1', seen: true });
    expect(value(await host.query('call.log', {})).unseenMissed).toBe(0);
    expect(await db.outbox.count()).toBe(1);
    const linked = await host.command('call.link', { id: 'm1', interaction: 'ims-new' });
    expect(value(linked)).toMatchObject({ id: 'm1', interaction: 'ims-new' });
    const again = await host.command('call.link', { id: 'a1', interaction: 'ims-new' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe("the calls' interaction numbers", () => {
  it('shows a packed interaction’s number, and a new number as soon as the interaction has one', async () => {
    const { host, db } = await openDesk();
    const closedOne = {
      ...interaction('ims-old', 'IMS0000042'),
      state: 'Closed Complete' as const,
      closedBy: DEMO_AGENT_ID,
      closedAt: at(3),
    };
    await db.transaction('rw', [db.interactions, db.interactionPacks], () =>
      putPulledInteractions(db, [closedOne]),
    );
    expect(await db.interactions.count()).toBe(0);
    await db.interactions.put(interaction('ims-new', 'IMS-P0001'));
    await db.calls.bulkPut([
      call('old', 1, { state: 'Ended', answeredAt: at(1), endedAt: at(2), interaction: 'ims-old' }),
      call('new', 5, { state: 'Ended', answeredAt: at(5), endedAt: at(6), interaction: 'ims-new' }),
    ]);
    const numbers: Record<string, string | null>[] = [];
    await host.subscribe('call.log', {}, (r) =>
      numbers.push(Object.fromEntries(value(r).calls.map((c) => [c.id, c.interactionNumber]))),
    );
    await vi.waitFor(() => expect(numbers.at(-1)).toEqual({ new: 'IMS-P0001', old: 'IMS0000042' }));
    // A call comes in: the log answers again, now reading the calls alone (the record index read
    // every table once, on its first answer).
    await db.calls.put(call('next', 7));
    await vi.waitFor(() => expect(numbers.at(-1)).toHaveProperty('next', null));
    // The server numbers the interaction logged offline: the log follows, without a call change.
    await db.interactions.put(interaction('ims-new', 'IMS0000043'));
    await vi.waitFor(() =>
      expect(numbers.at(-1)).toEqual({ next: null, new: 'IMS0000043', old: 'IMS0000042' }),
    );
  });
});

describe('call.get', () => {
  it('answers a call with its names, and null for one this desk does not have', async () => {
    const { host, db } = await openDesk();
    await db.calls.put(call('c1', 1));
    expect(value(await host.query('call.get', { id: 'c1' }))).toMatchObject({
      id: 'c1',
      callerPerson: { id: CALLER },
      seen: false,
      interactionNumber: null,
    });
    expect(value(await host.query('call.get', { id: 'nope' }))).toBeNull();
    expect((await host.query('call.get', { id: '' })).ok).toBe(false);
  });

  it('gives the number in international form, and none when the server read no E.164 number', async () => {
    const { host, db } = await openDesk();
    await db.calls.bulkPut([
      call('c1', 1, { numberE164: '+442079460958' }),
      call('c2', 2, { from: 'anonymous', numberE164: '' }),
      call('c3', 3, { numberE164: '+4930901820' }),
    ]);
    const shown = async (id: string) =>
      value(await host.query('call.get', { id }))?.numberInternational;
    expect(await shown('c1')).toBe('+44 20 7946 0958');
    expect(await shown('c2')).toBeNull();
    expect(await shown('c3')).toBe('+49 30 901820');
  });
});

describe('packed calls', () => {
  /** As a pull stores them with nothing waiting (putAsView): the ended ones a hundred to a row. */
  const pulled = (db: DeskDb, calls: Call[]) =>
    db.transaction('rw', [db.calls, db.callPacks], () => putPulledPacked(db, 'call', calls));

  it('are read by the log, by id and by number as rows are; a ringing call stays a row', async () => {
    const { host, db } = await openDesk();
    await pulled(db, [
      call('m1', 1, { state: 'Missed', endedAt: at(2) }),
      call('a1', 5, { state: 'Ended', answeredAt: at(6), endedAt: at(9), number: 'CAL0000042' }),
      call('r1', 7),
    ]);
    expect(await db.calls.toCollection().primaryKeys()).toEqual(['r1']);
    expect(await db.callPacks.count()).toBe(1);
    await vi.waitFor(async () =>
      expect(value(await host.query('call.log', {})).calls.map((c) => c.id)).toEqual([
        'r1',
        'a1',
        'm1',
      ]),
    );
    expect(value(await host.query('call.log', {})).unseenMissed).toBe(1);
    expect(value(await host.query('call.get', { id: 'a1' }))).toMatchObject({ state: 'Ended' });
    const found = value(
      await host.query('goTo.search', { query: 'CAL0000042', recent: [], limit: 5 }),
    );
    expect(found.map((h) => h.id)).toContain('a1');
    expect(value(await host.query('call.incoming', {})).map((i) => i.call.id)).toEqual(['r1']);
  });

  it('a command on a packed call makes it a row, and the log shows the change', async () => {
    const { host, db } = await openDesk();
    await pulled(db, [call('m1', 1, { state: 'Missed', endedAt: at(2) })]);
    const seen: boolean[] = [];
    await host.subscribe('call.log', {}, (r) => seen.push(value(r).calls[0]?.seen ?? false));
    await vi.waitFor(() => expect(seen.at(-1)).toBe(false));
    expect(value(await host.command('call.markSeen', { id: 'm1', ids: ['m1'] }))).toMatchObject({
      seen: true,
    });
    await vi.waitFor(() => expect(seen.at(-1)).toBe(true));
    expect(await db.calls.toCollection().primaryKeys()).toEqual(['m1']);
    expect(await db.callPacks.count()).toBe(0);
  });
});
