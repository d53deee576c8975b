// Tests for the schema history: a fresh desk gets the current schema, every migration keeps the
// data it finds (one test each), and a database from a newer Deskpad is refused untouched.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  NewerDatabaseError,
  SCHEMA,
  SCHEMA_VERSION,
  createDeskDb,
  installedSchemaVersion,
  openDeskDb,
  type DeskDb,
  type SchemaVersion,
} from './db';
import { agentInteractions } from './interaction-lists';
import { recordIndexOf } from './record-index-upkeep';
import { getInteractions } from './interaction-packs';
import { readViews } from './sync/synced-records';

const deps = () => ({ name: 'desk', indexedDB: new IDBFactory(), IDBKeyRange });

/** A minimal call as schema 19 stored it, numbered after its id's digits. */
const legacyCall = (id: string, state: string, caller: string | null) => ({
  id,
  number: `CAL000000${id.slice(2)}`,
  state,
  caller,
  rangAt: '2026-01-03T10:00:00.000Z',
});

/** Writes a minimal interaction the way a version of Deskpad stored it. */
const legacyInteraction = (id: string) => ({
  id,
  number: 'IMS-P0001',
  numberProvisional: true,
  state: 'New',
  openedFor: null,
  openedAt: '2026-01-01T09:00:00.000Z',
  closedAt: null,
  shortDescription: 'Printer jams',
});

/**
 * One entry per shipped migration, keyed by the version it upgrades to: what the previous
 * version wrote, and what must be true after the upgrade. Adding a version means adding here.
 */
const MIGRATION_TESTS: Record<
  number,
  { seed(db: DeskDb): Promise<void>; check(db: DeskDb): Promise<void> }
> = {
  2: {
    // Version 1 numbered the outbox with an auto-increment key, which may have holes; nothing
    // was pushed yet, so version 2 renumbers the waiting entries from 1 and starts the counter.
    seed: async (db) => {
      const entry = (id: string) => ({
        clientId: 'client-1',
        name: 'interaction.create' as const,
        args: { id } as never,
        at: '2026-01-01T09:00:00.000Z',
        actorId: 'usr_000001',
      });
      await db.outbox.bulkAdd([
        { ...entry('a'), mutationId: 3 },
        { ...entry('b'), mutationId: 7 },
        { ...entry('c'), mutationId: 8 },
      ]);
    },
    check: async (db) => {
      const entries = await db.outbox.orderBy('mutationId').toArray();
      expect(entries.map((e) => [e.mutationId, e.args.id])).toEqual([
        [1, 'a'],
        [2, 'b'],
        [3, 'c'],
      ]);
      expect((await db.meta.get('mutationCounter'))?.value).toBe(3);
      expect(await db.serverInteractions.count()).toBe(0);
      expect(await db.needsAttention.count()).toBe(0);
    },
  },
  3: {
    // Version 3 only adds the incident, request and catalog tables: what v2 held stays as it was.
    seed: async (db) => {
      await db.interactions.add(legacyInteraction('i-2') as never);
      await db.meta.put({ key: 'mutationCounter', value: 4 });
    },
    check: async (db) => {
      expect(await db.interactions.get('i-2')).toMatchObject({ shortDescription: 'Printer jams' });
      expect((await db.meta.get('mutationCounter'))?.value).toBe(4);
      expect(await db.incidents.count()).toBe(0);
      expect(await db.requests.count()).toBe(0);
      expect(await db.catalogItems.count()).toBe(0);
      // The indexes the queries use exist.
      expect(await db.incidents.where('component').equals('ci_1').count()).toBe(0);
      expect(await db.requests.where('requestedFor').equals('usr_1').count()).toBe(0);
    },
  },
  4: {
    // Version 4 only adds the server copies of incidents and requests: v3's records stay.
    seed: async (db) => {
      await db.interactions.add(legacyInteraction('i-3') as never);
      await db.table('incidents').put({ id: 'inc-1', state: 'New', caller: 'usr_1' });
    },
    check: async (db) => {
      expect(await db.interactions.get('i-3')).toMatchObject({ shortDescription: 'Printer jams' });
      expect(await db.incidents.get('inc-1')).toMatchObject({ state: 'New' });
      expect(await db.serverIncidents.count()).toBe(0);
      expect(await db.serverRequests.count()).toBe(0);
    },
  },
  5: {
    // Version 5 adds the parked streams of other agents: the outbox stays as it was, and its
    // stream belongs to the agent last signed in (the next sync parks anyone else's entries).
    seed: async (db) => {
      await db.outbox.add({
        clientId: 'client-1',
        mutationId: 1,
        name: 'interaction.create',
        args: { id: 'i-5' },
        at: '2026-01-01T09:00:00.000Z',
        actorId: 'usr_000002',
      });
      await db.meta.put({ key: 'agentId', value: 'usr_000001' });
    },
    check: async (db) => {
      expect(await db.outbox.toArray()).toEqual([
        expect.objectContaining({ mutationId: 1, actorId: 'usr_000002', clientId: 'client-1' }),
      ]);
      expect((await db.meta.get('streams'))?.value).toEqual({ agentId: 'usr_000001', parked: {} });
      expect(await db.parkedOutbox.where('actorId').equals('usr_000002').count()).toBe(0);
    },
  },
  6: {
    // Version 6 only adds the walk-up desk's visits (and their server copies) and the locations:
    // v5's records stay, and the queue's indexes exist.
    seed: async (db) => {
      await db.interactions.add(legacyInteraction('i-6') as never);
    },
    check: async (db) => {
      expect(await db.interactions.get('i-6')).toMatchObject({ shortDescription: 'Printer jams' });
      expect(await db.visits.count()).toBe(0);
      expect(await db.serverVisits.count()).toBe(0);
      expect(await db.locations.count()).toBe(0);
      expect(await db.visits.where('[location+state]').equals(['loc-1', 'Waiting']).count()).toBe(
        0,
      );
    },
  },
  7: {
    // New tables only (calls and their server copies): the visits stay as they were.
    seed: async (db) => {
      await db.meta.put({ key: 'agentId', value: 'usr_000001' });
      await db.table('visits').put({ id: 'vis-1', location: 'loc-1', state: 'Waiting' });
    },
    check: async (db) => {
      expect((await db.meta.get('agentId'))?.value).toBe('usr_000001');
      expect(await db.table('visits').get('vis-1')).toMatchObject({ state: 'Waiting' });
      expect(await db.calls.count()).toBe(0);
      expect(await db.calls.where('state').equals('Ringing').count()).toBe(0);
      expect(await db.serverCalls.count()).toBe(0);
    },
  },
  8: {
    // Go to anything: every kind found by number, and the records already here get their words.
    seed: async (db) => {
      await db.interactions.add(legacyInteraction('i-8') as never);
      await db.table('visits').put({ id: 'vis-8', number: 'VIS-P0002', displayName: 'Ana P.' });
    },
    check: async (db) => {
      expect(await db.interactions.get('i-8')).toMatchObject({ shortDescription: 'Printer jams' });
      expect(await db.interactions.where('number').equals('IMS-P0001').primaryKeys()).toEqual([
        'i-8',
      ]);
      const words = db.table<{ key: string; words: string[] }, string>('recordWords');
      expect(await words.where('words').startsWith('jam').primaryKeys()).toEqual([
        'interaction:i-8',
      ]);
      expect(await words.get('visit:vis-8')).toMatchObject({ words: ['ana'] });
      expect(await db.calls.where('number').equals('CAL1').count()).toBe(0);
    },
  },
  9: {
    // Contact templates: two new tables, empty; the records stay as they were.
    seed: async (db) => {
      await db.interactions.add(legacyInteraction('i-9') as never);
    },
    check: async (db) => {
      expect(await db.interactions.get('i-9')).toMatchObject({ shortDescription: 'Printer jams' });
      expect(await db.templates.count()).toBe(0);
      expect(await db.templateChanges.count()).toBe(0);
    },
  },
  10: {
    // Knowledge articles: a new, empty table; what the desk held stays as it was.
    seed: async (db) => {
      await db.interactions.add(legacyInteraction('i-10') as never);
    },
    check: async (db) => {
      expect(await db.interactions.get('i-10')).toMatchObject({ shortDescription: 'Printer jams' });
      expect(await db.knowledgeArticles.count()).toBe(0);
    },
  },
  11: {
    // Article ratings: a new, empty table; what the desk held stays as it was.
    seed: async (db) => {
      await db.interactions.add(legacyInteraction('i-11') as never);
    },
    check: async (db) => {
      expect(await db.interactions.get('i-11')).toMatchObject({ shortDescription: 'Printer jams' });
      expect(await db.articleRatings.count()).toBe(0);
    },
  },
  12: {
    // The agent's interactions by [openedBy+openedAt] (the lookup's known callers): the index is
    // filled from the interactions already on the desk, and nothing else changes.
    seed: async (db) => {
      await db.interactions.bulkAdd([
        { ...legacyInteraction('i-12'), openedBy: 'usr_000001', openedFor: 'usr_000009' },
        {
          ...legacyInteraction('i-13'),
          openedBy: 'usr_000002',
          openedAt: '2026-01-02T09:00:00.000Z',
        },
      ] as never);
    },
    check: async (db) => {
      const mine = await db.interactions
        .where('[openedBy+openedAt]')
        .between(['usr_000001', Dexie.minKey], ['usr_000001', Dexie.maxKey])
        .toArray();
      expect(mine.map((r) => [r.id, r.openedFor, r.shortDescription])).toEqual([
        ['i-12', 'usr_000009', 'Printer jams'],
      ]);
      expect(await db.interactions.count()).toBe(2);
    },
  },
  13: {
    // The agent's closed interactions by [closedBy+closedAt] (My day): filled from the closed
    // interactions already on the desk; an open one is not in it; nothing else changes.
    seed: async (db) => {
      await db.interactions.bulkAdd([
        {
          ...legacyInteraction('i-14'),
          state: 'Closed Complete',
          closedBy: 'usr_000001',
          closedAt: '2026-01-02T10:00:00.000Z',
        },
        { ...legacyInteraction('i-15'), closedBy: null, closedAt: null },
      ] as never);
    },
    check: async (db) => {
      const closed = await db.interactions
        .where('[closedBy+closedAt]')
        .between(['usr_000001', Dexie.minKey], ['usr_000001', Dexie.maxKey])
        .toArray();
      expect(closed.map((r) => [r.id, r.state, r.shortDescription])).toEqual([
        ['i-14', 'Closed Complete', 'Printer jams'],
      ]);
      expect(await db.interactions.count()).toBe(2);
    },
  },
  14: {
    // Go to anything's words move to memory: the word table goes, the records stay, and the word
    // index read at the start finds them.
    seed: async (db) => {
      await db.interactions.add(legacyInteraction('i-16') as never);
    },
    check: async (db) => {
      expect(db.tables.map((t) => t.name)).not.toContain('recordWords');
      expect(await db.interactions.get('i-16')).toMatchObject({ shortDescription: 'Printer jams' });
      const words = recordIndexOf(db);
      await words.ready();
      expect(words.index.withWords(['jam'], 10).map((hit) => hit.id)).toEqual(['i-16']);
    },
  },
  15: {
    // Who opened and who closed each interaction moves to memory: the two indexes go, the records
    // stay, and the agent's own are listed from the record index read at the start.
    seed: async (db) => {
      await db.interactions.bulkAdd([
        {
          ...legacyInteraction('i-17'),
          openedBy: 'usr_000001',
          state: 'Closed Complete',
          closedBy: 'usr_000001',
          closedAt: '2026-01-02T10:00:00.000Z',
        },
        { ...legacyInteraction('i-18'), openedBy: 'usr_000002' },
      ] as never);
    },
    check: async (db) => {
      expect(db.interactions.schema.indexes.map((i) => i.name).sort()).toEqual([
        '[openedFor+openedAt]',
        '[state+openedAt]',
        'closedAt',
      ]);
      const opened = await agentInteractions(db, 'opened', 'usr_000001');
      expect(opened.map((r) => [r.id, r.shortDescription])).toEqual([['i-17', 'Printer jams']]);
      const closed = await agentInteractions(db, 'closed', 'usr_000001');
      expect(closed.map((r) => r.id)).toEqual(['i-17']);
      expect((await agentInteractions(db, 'opened', 'usr_000002')).map((r) => r.id)).toEqual([
        'i-18',
      ]);
    },
  },
  16: {
    // The interaction lists move to memory: `[state+openedAt]` and `closedAt` go, the records stay,
    // and the record index read at the start lists the open ones by state and the closed ones.
    seed: async (db) => {
      await db.interactions.bulkAdd([
        {
          ...legacyInteraction('i-19'),
          state: 'Closed Complete',
          closedAt: '2026-01-02T10:00:00.000Z',
        },
        legacyInteraction('i-20'),
      ] as never);
    },
    check: async (db) => {
      expect(db.interactions.schema.indexes.map((i) => i.name)).toEqual(['[openedFor+openedAt]']);
      const index = recordIndexOf(db);
      await index.ready();
      expect(index.index.openInState('New')).toEqual(['i-20']);
      expect(index.index.closedInteractions()).toEqual(['i-19']);
    },
  },
  17: {
    // Closed interactions pulled from now on go in packs; the rows already here stay rows, and a
    // caller's history is listed in memory, as a packed interaction has no row to index.
    seed: async (db) => {
      await db.interactions.bulkAdd([
        { ...legacyInteraction('i-21'), openedFor: 'usr_000007' },
        {
          ...legacyInteraction('i-22'),
          openedFor: 'usr_000007',
          openedAt: '2026-01-03T09:00:00.000Z',
        },
      ] as never);
    },
    check: async (db) => {
      expect(db.interactions.schema.indexes).toEqual([]);
      expect(await db.interactionPacks.count()).toBe(0);
      const index = recordIndexOf(db);
      await index.ready();
      expect(index.index.callerInteractions('usr_000007')).toEqual(['i-22', 'i-21']);
      expect((await getInteractions(db, ['i-21', 'i-9'])).map((r) => r?.id)).toEqual([
        'i-21',
        undefined,
      ]);
    },
  },
  18: {
    // A pack held its interactions as objects; now their ids and each one's JSON text.
    seed: async (db) => {
      const closed = (id: string, number: string) => ({
        ...legacyInteraction(id),
        number,
        numberProvisional: false,
        state: 'Closed Complete',
        closedAt: '2026-01-02T10:00:00.000Z',
      });
      // As version 17's code wrote it, under none of today's middleware.
      await new Promise<void>((resolve, reject) => {
        const tx = db.backendDB().transaction('interactionPacks', 'readwrite');
        tx.objectStore('interactionPacks').add({
          records: [closed('i-23', 'IMS0000023'), closed('i-24', 'IMS0000024')],
        });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('not written'));
      });
    },
    check: async (db) => {
      const [pack] = await db.interactionPacks.toArray();
      expect(pack).toMatchObject({ ids: ['i-23', 'i-24'] });
      expect(pack).not.toHaveProperty('records');
      expect((await getInteractions(db, ['i-24', 'i-23'])).map((r) => r?.number)).toEqual([
        'IMS0000024',
        'IMS0000023',
      ]);
      const index = recordIndexOf(db);
      await index.ready();
      expect(index.index.withNumber('interaction', 'IMS0000023')).toEqual(['i-23']);
    },
  },
  19: {
    // The indexes no query reads go from calls and visits; the records stay.
    seed: async (db) => {
      await db.calls.add({
        id: 'c-1',
        state: 'Ended',
        rangAt: '2026-01-02T10:00:00.000Z',
      } as never);
      await db.visits.add({ id: 'v-1', location: 'loc-1', state: 'Done' } as never);
    },
    check: async (db) => {
      const names = (t: typeof db.calls | typeof db.visits) =>
        t.schema.indexes.map((i) => i.name).sort();
      expect(names(db.calls)).toEqual(['caller', 'number', 'rangAt', 'state']);
      expect(names(db.visits)).toEqual([
        '[location+checkedInAt]',
        '[location+state]',
        'person',
        'updatedAt',
      ]);
      expect(await db.calls.where('state').equals('Ended').primaryKeys()).toEqual(['c-1']);
      expect(await db.visits.get('v-1')).toMatchObject({ location: 'loc-1' });
    },
  },
  20: {
    // A call's ring time, caller and number are indexed in memory; its state stays in IndexedDB.
    seed: async (db) => {
      await db.calls.add(legacyCall('c-2', 'Ringing', 'usr_000007') as never);
    },
    check: async (db) => {
      expect(db.calls.schema.indexes.map((i) => i.name)).toEqual(['state']);
      expect(await db.calls.where('state').equals('Ringing').primaryKeys()).toEqual(['c-2']);
      const index = recordIndexOf(db);
      await index.ready();
      expect(index.index.withNumber('call', 'CAL0000002')).toEqual(['c-2']);
      expect(index.index.callerCalls('usr_000007')).toEqual(['c-2']);
      expect(index.index.calls('2026-01-03T00:00:00.000Z')).toEqual(['c-2']);
      expect(index.index.calls('2026-01-04T00:00:00.000Z')).toEqual([]);
    },
  },
  21: {
    // A new table for ended calls' packs, empty: the calls already here stay rows.
    seed: async (db) => {
      await db.calls.add(legacyCall('c-3', 'Ended', null) as never);
    },
    check: async (db) => {
      expect(await db.callPacks.count()).toBe(0);
      expect(await db.calls.get('c-3')).toMatchObject({ state: 'Ended' });
      expect((await readViews(db, 'call', ['c-3']))[0]).toMatchObject({ number: 'CAL0000003' });
    },
  },
  22: {
    // A visit's check-in and last change are listed in memory; the queue's index stays; visits
    // already here stay rows, and the new packs table is empty.
    seed: async (db) => {
      const visit = (id: string, state: string, checkedInAt: string, updatedAt: string) => ({
        ...{ id, location: 'loc-1', person: 'usr_000007', state },
        ...{ checkedInAt: `2026-01-03T${checkedInAt}Z`, updatedAt: `2026-01-03T${updatedAt}Z` },
      });
      await db.visits.bulkAdd([
        visit('v-2', 'Waiting', '09:00:00.000', '09:00:00.000'),
        visit('v-3', 'Done', '08:00:00.000', '08:30:00.000'),
      ] as never);
    },
    check: async (db) => {
      expect(db.visits.schema.indexes.map((i) => i.name)).toEqual(['[location+state]']);
      expect(await db.visitPacks.count()).toBe(0);
      expect(
        await db.visits.where('[location+state]').equals(['loc-1', 'Waiting']).primaryKeys(),
      ).toEqual(['v-2']);
      const index = recordIndexOf(db);
      await index.ready();
      expect(index.index.visitsAt('loc-1')).toEqual(['v-2', 'v-3']);
      expect(index.index.personVisits('usr_000007')).toEqual(['v-2', 'v-3']);
      expect(index.index.visitsChangedSince('2026-01-03T08:45:00.000Z')).toEqual(['v-2']);
    },
  },
  23: {
    // An incident's caller and state are listed in memory; the open ones are still read by state.
    seed: async (db) => {
      await db.incidents.bulkAdd([
        { id: 'inc-1', caller: 'usr_000007', state: 'New', updatedAt: '2026-01-03T09:00:00.000Z' },
        {
          id: 'inc-2',
          caller: 'usr_000007',
          state: 'Closed',
          updatedAt: '2026-01-02T09:00:00.000Z',
        },
      ] as never);
    },
    check: async (db) => {
      expect(db.incidents.schema.indexes.map((i) => i.name)).toEqual(['state']);
      expect(await db.incidentPacks.count()).toBe(0);
      expect(await db.incidents.where('state').equals('New').primaryKeys()).toEqual(['inc-1']);
      const index = recordIndexOf(db);
      await index.ready();
      expect(index.index.callerIncidents('usr_000007')).toEqual(['inc-1', 'inc-2']);
      expect(index.index.incidentsIn('Closed')).toEqual(['inc-2']);
    },
  },
};

describe('desk database schema', () => {
  it('creates every table of the current version on a fresh desk', async () => {
    const options = deps();
    expect(await installedSchemaVersion(options)).toBe(0);
    const db = await openDeskDb(options);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        'callerIndex',
        'catalogItems',
        'directoryChunks',
        'groups',
        'incidents',
        'interactions',
        'interactionPacks',
        'meta',
        'needsAttention',
        'outbox',
        'parkedOutbox',
        'requests',
        'serverIncidents',
        'serverInteractions',
        'serverRequests',
        'visits',
        'serverVisits',
        'locations',
        'calls',
        'serverCalls',
        'callPacks',
        'visitPacks',
        'incidentPacks',
        'templates',
        'templateChanges',
        'knowledgeArticles',
        'articleRatings',
      ].sort(),
    );
    db.close();
    expect(await installedSchemaVersion(options)).toBe(SCHEMA_VERSION);
  });

  it('never changes a shipped version: versions only grow', () => {
    const versions = SCHEMA.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('has a migration test for every version after the first', () => {
    for (const v of SCHEMA.slice(1))
      expect(MIGRATION_TESTS[v.version], `migration to v${v.version}`).toBeDefined();
  });

  for (const [to, migration] of Object.entries(MIGRATION_TESTS)) {
    it(`upgrades v${Number(to) - 1} → v${to} keeping the data`, async () => {
      const options = deps();
      const older = await openDeskDb({
        ...options,
        schema: SCHEMA.filter((v) => v.version < Number(to)),
      });
      await migration.seed(older);
      older.close();
      const upgraded = await openDeskDb({
        ...options,
        schema: SCHEMA.filter((v) => v.version <= Number(to)),
      });
      await migration.check(upgraded);
      upgraded.close();
    });
  }

  it('runs an appended version’s upgrade over existing data (how every migration will run)', async () => {
    const options = deps();
    const db = await openDeskDb(options);
    await db.interactions.add(legacyInteraction('i-1') as never);
    db.close();

    const next: SchemaVersion = {
      version: SCHEMA_VERSION + 1,
      stores: { interactions: '&id, [state+openedAt], [openedFor+openedAt], closedAt, updatedAt' },
      upgrade: async (tx) => {
        await tx
          .table('interactions')
          .toCollection()
          .modify((row: { updatedAt?: string; openedAt: string }) => {
            row.updatedAt ??= row.openedAt;
          });
      },
    };
    const upgraded = await openDeskDb({ ...options, schema: [...SCHEMA, next] });
    const row = await upgraded.interactions
      .where('updatedAt')
      .equals('2026-01-01T09:00:00.000Z')
      .first();
    expect(row).toMatchObject({ id: 'i-1', shortDescription: 'Printer jams' });
    upgraded.close();
  });

  it('refuses a database written by a newer Deskpad with a clear message, and leaves it as it was', async () => {
    const options = deps();
    const newer: SchemaVersion = { version: SCHEMA_VERSION + 1, stores: { attachments: '&id' } };
    const future = createDeskDb({ ...options, schema: [...SCHEMA, newer] });
    await future.open();
    await future.interactions.add(legacyInteraction('i-9') as never);
    future.close();

    const opening = openDeskDb(options);
    await expect(opening).rejects.toBeInstanceOf(NewerDatabaseError);
    await expect(opening).rejects.toThrow(
      `This desk's local database was written by a newer Deskpad (schema ${SCHEMA_VERSION + 1}); this is schema ${SCHEMA_VERSION}. Install the newer Deskpad`,
    );

    const again = createDeskDb({ ...options, schema: [...SCHEMA, newer] });
    await again.open();
    expect(again.verno).toBe(SCHEMA_VERSION + 1);
    expect(await again.interactions.get('i-9')).toMatchObject({ shortDescription: 'Printer jams' });
    again.close();
  });
});
