// Go to anything through the store host on fake-indexeddb, as the box asks it: a number first, then
// the caller's records, then words of short descriptions; the recent records with no text; limits;
// and the word index following every write (a put, a change, a delete, the upgrade from schema 7).

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreResult } from '../../shared/domain/result';
import {
  at,
  call,
  incident,
  interaction,
  T0,
  visit,
} from '../../shared/domain/testing/desk-records';
import type { GoToHit } from '../../shared/store-api/go-to-contract';
import { createDeskDb, SCHEMA, type DeskDb } from './db';
import { openStoreHost, type StoreHost } from './store-host';
import { recordIndexOf } from './record-index-upkeep';

const DB_NAME = 'desk';
const opened: { close(): Promise<void> | void }[] = [];

afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

async function openDesk(factory = new IDBFactory()): Promise<{ host: StoreHost; db: DeskDb }> {
  const host = await openStoreHost({
    dbName: DB_NAME,
    indexedDB: factory,
    IDBKeyRange,
    demoUsers: 200,
    demoIncidents: 0,
    now: () => new Date(T0),
    newId: () => crypto.randomUUID(),
    onLine: () => false,
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

async function goTo(host: StoreHost, query: string, more: object = {}): Promise<GoToHit[]> {
  return value(await host.query('goTo.search', { query, ...more }));
}

const rows = (hits: GoToHit[]) => hits.map((h) => `${h.match} ${h.number}`);

/** A caller of the demo directory, by a name the short descriptions below never use. */
async function aCaller(host: StoreHost): Promise<{ id: string; name: string }> {
  const [user] = value(await host.query('directory.searchUsers', { query: 'ma', limit: 1 }));
  if (!user) throw new Error('no demo user');
  return { id: user.id, name: user.name };
}

describe('Go to anything', () => {
  it('ranks the exact number first, then the caller’s records, then words, newest first', async () => {
    const { host, db } = await openDesk();
    const caller = await aCaller(host);
    await db.incidents.bulkPut([
      incident('a', { number: 'INC0001234', shortDescription: 'VPN drops', updatedAt: at(-90) }),
      incident('b', { number: 'INC0001235', shortDescription: 'Printer jam', updatedAt: at(-5) }),
    ]);
    await db.interactions.bulkPut([
      interaction('older', {
        number: 'IMS0002001',
        openedFor: caller.id,
        shortDescription: 'Password reset',
        openedAt: at(-60),
        updatedAt: at(-60),
      }),
      interaction('newer', {
        number: 'IMS0002002',
        openedFor: caller.id,
        shortDescription: 'Laptop will not start',
        openedAt: at(-10),
        updatedAt: at(-10),
      }),
      interaction('mentions', {
        number: 'IMS0002003',
        shortDescription: `Printer for ${caller.name} jams`,
        updatedAt: at(-1),
      }),
    ]);

    // "I'm calling about INC0001234": typed in full, or as the caller says it.
    expect(rows(await goTo(host, 'INC0001234'))).toEqual(['number INC0001234']);
    expect(rows(await goTo(host, 'inc1234'))[0]).toBe('number INC0001234');
    expect(rows(await goTo(host, '1234'))).toEqual(['number INC0001234']);
    expect(rows(await goTo(host, 'INC000123'))).toEqual([
      'number-prefix INC0001235',
      'number-prefix INC0001234',
    ]);

    // The caller's own records before a record that only names them in its words.
    expect(rows(await goTo(host, caller.name))).toEqual([
      'caller IMS0002002',
      'caller IMS0002001',
      'words IMS0002003',
    ]);

    // Words: every typed word begins a word of the short description, newest first.
    expect(rows(await goTo(host, 'print'))).toEqual(['words IMS0002003', 'words INC0001235']);
    expect(rows(await goTo(host, 'printer ja'))).toEqual(['words IMS0002003', 'words INC0001235']);
    expect(rows(await goTo(host, 'vpn'))).toEqual(['words INC0001234']);
    expect(await goTo(host, 'nothing like this')).toEqual([]);
  });

  it('says what each hit is: kind, title, caller, state, and what a visit or call opens', async () => {
    const { host, db } = await openDesk();
    const caller = await aCaller(host);
    await db.visits.put(
      visit('v', { number: 'VIS0001001', displayName: 'Ana P.', reason: 'Broken screen' }),
    );
    await db.calls.put(
      call('c', { number: 'CAL0001001', caller: caller.id, interaction: 'ims-c', from: '+44 1' }),
    );
    const [seen] = await goTo(host, 'broken screen');
    expect(seen).toMatchObject({
      kind: 'visit',
      number: 'VIS0001001',
      title: 'Ana P. · Broken screen',
      match: 'words',
    });
    const [rang] = await goTo(host, 'CAL0001001');
    expect(rang).toMatchObject({
      kind: 'call',
      title: 'Call from +44 1',
      callerName: caller.name,
      interactionId: 'ims-c',
    });
  });

  it('lists the recent records with no text, in the order given, and puts recent ones first', async () => {
    const { host, db } = await openDesk();
    await db.interactions.bulkPut([
      interaction('one', {
        number: 'IMS0000001',
        shortDescription: 'Printer one',
        updatedAt: at(-1),
      }),
      interaction('two', {
        number: 'IMS0000002',
        shortDescription: 'Printer two',
        updatedAt: at(-50),
      }),
    ]);
    await db.incidents.put(incident('three', { number: 'INC0000003', shortDescription: 'Mouse' }));
    const recent = [
      { kind: 'incident', id: 'three' },
      { kind: 'interaction', id: 'two' },
      { kind: 'interaction', id: 'gone' },
    ];
    expect(rows(await goTo(host, '', { recent }))).toEqual([
      'recent INC0000003',
      'recent IMS0000002',
    ]);
    // Typed words: the recent record first among equal matches, though it is older.
    expect(rows(await goTo(host, 'printer', { recent }))).toEqual([
      'words IMS0000002',
      'words IMS0000001',
    ]);
    expect(await goTo(host, '')).toEqual([]);
  });

  it('answers at most `limit`, with no kind taking every row, and refuses bad input', async () => {
    const { host, db } = await openDesk();
    await db.interactions.bulkPut(
      Array.from({ length: 40 }, (_, i) =>
        interaction(`i${i}`, { number: `IMS${i}`, shortDescription: `Printer ${i}` }),
      ),
    );
    await db.incidents.bulkPut(
      Array.from({ length: 5 }, (_, i) =>
        incident(`n${i}`, {
          number: `INC${i}`,
          shortDescription: `Printer ${i}`,
          updatedAt: at(-1000),
        }),
      ),
    );
    const hits = await goTo(host, 'printer', { limit: 10 });
    expect(hits).toHaveLength(10);
    // Newer interactions fill six rows (60 %), the older incidents still get the other four.
    expect(hits.filter((h) => h.kind === 'interaction')).toHaveLength(6);
    expect(hits.filter((h) => h.kind === 'incident')).toHaveLength(4);
    // 20 by default: 12 interactions (60 %) and all 5 incidents.
    expect((await goTo(host, 'printer')).length).toBe(17);
    const refused = await host.query('goTo.search', { query: 'x'.repeat(101) });
    expect(refused.ok || refused.error.message).toBe('Check Search text.');
    const tooMany = await host.query('goTo.search', {
      query: '',
      recent: Array.from({ length: 21 }, (_, i) => ({ kind: 'interaction', id: `r${i}` })),
    });
    expect(tooMany.ok || tooMany.error.message).toBe('Check Recent records.');
  });

  it('keeps the word index in step with every write: a change, a delete, a clear', async () => {
    const { host, db } = await openDesk();
    await db.interactions.put(interaction('x', { number: 'IMS1', shortDescription: 'Scanner' }));
    expect(rows(await goTo(host, 'scan'))).toEqual(['words IMS1']);
    await db.interactions.put(interaction('x', { number: 'IMS1', shortDescription: 'Monitor' }));
    expect(await goTo(host, 'scan')).toEqual([]);
    expect(rows(await goTo(host, 'moni'))).toEqual(['words IMS1']);
    await db.interactions.delete('x');
    expect(recordIndexOf(db).index.size).toBe(0);
    await db.incidents.bulkPut([incident('y'), incident('z')]);
    expect(recordIndexOf(db).index.size).toBe(2);
    await db.incidents.clear();
    expect(recordIndexOf(db).index.size).toBe(0);
  });

  it('indexes the records a desk already held when it upgrades from schema 7', async () => {
    const factory = new IDBFactory();
    const old = createDeskDb({
      name: DB_NAME,
      indexedDB: factory,
      IDBKeyRange,
      schema: SCHEMA.filter((v) => v.version <= 7),
    });
    await old.open();
    await old.interactions.put(
      interaction('kept', { number: 'IMS7', shortDescription: 'Old VPN' }),
    );
    old.close();
    const { host } = await openDesk(factory);
    expect(rows(await goTo(host, 'vpn'))).toEqual(['words IMS7']);
    expect(rows(await goTo(host, 'IMS7'))).toEqual(['number-prefix IMS7']);
  });
});
