// The first directory download against a scripted desk server: pages asked for one ahead, folded
// in as they come, the directory in use kept whole on disk until the end, resets and bad pages.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../shared/demo/catalog-generator';
import { generateDirectory } from '../../../shared/demo/directory-generator';
import { searchCatalog, type CatalogItem } from '../../../shared/domain/catalog';
import type { ConfigurationItem, Group, User } from '../../../shared/domain/directory';
import { WALK_UP_DEFAULTS, type WalkUpLocation } from '../../../shared/domain/walk-up-location';
import type { PublishedArticle } from '../../../shared/domain/knowledge';
import type { DirectoryPage, KnowledgeFeedEntry } from '../../../shared/sync/protocol';
import { buildCallerOrders } from '../caller-search';
import { CHUNK_SLOT, openDeskDb, readMeta, type DeskDb } from '../db';
import { loadDirectory, type ProgressEvent } from '../directory-store';
import type { LoadedDirectory } from '../loaded-directory';
import {
  DeskServerError,
  createDeskServerClient,
  type DeskServerClient,
} from './desk-server-client';
import { syncDirectory, type DirectorySyncDeps } from './directory-sync';
import { readSyncMeta } from './sync-meta';

const NOW = new Date('2026-11-23T09:00:00.000Z');
const DEMO = { users: 50, seed: 1 };

type Row =
  | { list: 'users'; row: User }
  | { list: 'groups'; row: Group }
  | { list: 'configurationItems'; row: ConfigurationItem }
  | { list: 'catalogItems'; row: CatalogItem }
  | { list: 'knowledgeArticles'; row: KnowledgeFeedEntry }
  | { list: 'locations'; row: WalkUpLocation };

/** A server database's directory feed: its rows in change order, `size` to a page. */
function feed(database: string, rows: Row[], size: number) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  return (n: number, reset = false): DirectoryPage => {
    const page: DirectoryPage = {
      users: [],
      groups: [],
      configurationItems: [],
      catalogItems: [],
      knowledgeArticles: [],
      locations: [],
      cursor: `${database}.${n + 1}`,
      more: n + 1 < pages,
      reset,
    };
    for (const { list, row } of rows.slice(n * size, (n + 1) * size))
      (page[list] as unknown[]).push(row);
    return page;
  };
}

function rowsOf(users: number, seed = 1): Row[] {
  const directory = generateDirectory({ users, seed });
  return [
    ...directory.users.map((row) => ({ list: 'users' as const, row })),
    ...directory.groups.map((row) => ({ list: 'groups' as const, row })),
    ...directory.configurationItems.map((row) => ({ list: 'configurationItems' as const, row })),
  ];
}

/** Page n of the cursor `<db>.<n>` (n = 0 without one), answered by `answer`. */
function pageClient(answer: (n: number, cursor: string | null) => Promise<DirectoryPage>) {
  const requested: (string | null)[] = [];
  const client: DeskServerClient = {
    baseUrl: 'http://desk.test',
    health: () => Promise.resolve(true),
    signIn: () => Promise.reject(new Error('not scripted')),
    launch: () => Promise.reject(new Error('not scripted')),
    setup: () => Promise.reject(new Error('not scripted')),
    changePassword: () => Promise.reject(new Error('not scripted')),
    currentSession: () => Promise.reject(new Error('not scripted')),
    signOut: () => Promise.resolve(),
    push: () => Promise.reject(new Error('not scripted')),
    pull: () => Promise.reject(new Error('not scripted')),
    // A server before snapshots: a first sync comes by pulls.
    snapshot: () => Promise.reject(new DeskServerError('http', 'Not found', { status: 404 })),
    events: () => Promise.resolve(),
    admin: () => Promise.reject(new Error('not scripted')),
    reports: () => Promise.reject(new Error('not scripted')),
    historySearch: () => Promise.reject(new Error('not scripted')),
    recordByNumber: () => Promise.reject(new Error('not scripted')),
    templates: () => Promise.reject(new Error('not scripted')),
    directoryPage: (_token, cursor) => {
      requested.push(cursor);
      return answer(cursor === null ? 0 : Number(cursor.split('.')[1]), cursor);
    },
  };
  return { client, requested };
}

const opened: DeskDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A fresh desk with the small demo directory stored, as at first start. */
async function freshDesk(): Promise<{ db: DeskDb; demo: LoadedDirectory; factory: IDBFactory }> {
  const factory = new IDBFactory();
  const db = await openDeskDb({ name: 'desk', indexedDB: factory, IDBKeyRange });
  opened.push(db);
  const load = await loadDirectory(
    db,
    DEMO,
    () => NOW,
    () => undefined,
  );
  await load.persisted;
  return { db, demo: load.directory, factory };
}

function syncDeps(
  db: DeskDb,
  client: DeskServerClient,
  current: LoadedDirectory | null,
  extra: Partial<DirectorySyncDeps> = {},
): DirectorySyncDeps & { events: ProgressEvent[] } {
  const events: ProgressEvent[] = [];
  return {
    db,
    client,
    token: 't',
    current,
    emit: (event) => events.push(event),
    now: () => NOW,
    pageSize: 1000,
    pause: () => Promise.resolve(),
    events,
    ...extra,
  };
}

/** What a restart of the store host loads from IndexedDB. */
async function reloaded(db: DeskDb): Promise<LoadedDirectory> {
  return (
    await loadDirectory(
      db,
      DEMO,
      () => NOW,
      () => undefined,
    )
  ).directory;
}

async function storedChunks(db: DeskDb): Promise<{ kind: string; seq: number }[]> {
  return (await db.directoryChunks.toArray()).map(({ kind, seq }) => ({ kind, seq }));
}

describe('the first directory download', () => {
  it('asks for the next page while it folds in this one, never two ahead', async () => {
    const { db, demo } = await freshDesk();
    const rows = rowsOf(5000);
    const page = feed('db1', rows, 1000);
    const { client, requested } = pageClient((n) => Promise.resolve(page(n)));
    const pages = Math.ceil(rows.length / 1000);
    const seen: number[] = [];
    const deps = syncDeps(db, client, demo, {
      // While page k is folded in (k pages reported before it), page k + 1 has been asked for.
      pause: () => {
        const reported = deps.events.filter((e) => e.phase === 'generating').length;
        if (reported < pages) seen.push(requested.length - reported);
        return Promise.resolve();
      },
    });
    const outcome = await syncDirectory(deps);
    expect(requested).toHaveLength(pages);
    expect(seen.length).toBeGreaterThanOrEqual(pages);
    for (const [i, ahead] of seen.entries()) expect([1, 2], `pause ${i}`).toContain(ahead);
    expect(seen.filter((ahead) => ahead === 2).length).toBeGreaterThan(0);
    expect(outcome).toMatchObject({ users: 5000, full: true });
    expect(deps.events.filter((e) => e.phase === 'generating')).toHaveLength(pages);
    expect(deps.events.map((e) => e.phase).slice(-3)).toEqual(['indexing', 'storing', 'ready']);
  });

  it('builds the same directory and caller index as sorting it all at the end, and stores it', async () => {
    const { db, demo } = await freshDesk();
    const rows = rowsOf(4500);
    const page = feed('db1', rows, 700);
    const { client } = pageClient((n) => Promise.resolve(page(n)));
    const outcome = await syncDirectory(syncDeps(db, client, demo));
    const directory = outcome.directory;
    if (!directory) throw new Error('No directory came back.');
    const expected = generateDirectory({ users: 4500, seed: 1 });
    expect(directory.status()).toMatchObject({
      users: 4500,
      groups: expected.groups.length,
      configurationItems: expected.configurationItems.length,
    });
    expect(directory.orders).toEqual(buildCallerOrders(directory.users.columns));
    expect(directory.getUser('usr_004500')).toEqual(expected.users[4499]);
    expect(directory.searchUsers('demo.agent', 1).map((u) => u.id)).toEqual(['usr_000001']);

    // On disk under the other chunk base; the demo's chunks are gone.
    expect(await readMeta(db, 'directory')).toMatchObject({
      source: 'server',
      chunkBase: CHUNK_SLOT,
    });
    const chunks = await storedChunks(db);
    expect(chunks.filter((c) => c.kind === 'users').map((c) => c.seq)).toEqual([
      CHUNK_SLOT,
      CHUNK_SLOT + 1,
      CHUNK_SLOT + 2,
    ]);
    expect(chunks.every((c) => c.seq >= CHUNK_SLOT)).toBe(true);
    expect((await readSyncMeta(db)).directoryCursor).toBe(`db1.${Math.ceil(rows.length / 700)}`);
    const again = await reloaded(db);
    expect(again.status()).toEqual(directory.status());
    expect(again.getUser('usr_002001')).toEqual(expected.users[2000]);
    expect(again.orders).toEqual(directory.orders);
  });

  it('keeps the directory in use whole on disk when a download is cut short, and starts clean next time', async () => {
    const { db, demo } = await freshDesk();
    const rows = rowsOf(12_000);
    const page = feed('db1', rows, 1000);
    let down = true;
    const { client } = pageClient((n) =>
      down && n === 10
        ? Promise.reject(new DeskServerError('network', 'The desk server did not answer.'))
        : Promise.resolve(page(n)),
    );
    await expect(syncDirectory(syncDeps(db, client, demo))).rejects.toThrow('did not answer');
    // Chunks of the cut-short download wait under the other base; the demo is what loads.
    expect((await storedChunks(db)).some((c) => c.seq >= CHUNK_SLOT)).toBe(true);
    const kept = await reloaded(db);
    expect(kept.status()).toMatchObject({ users: DEMO.users });
    expect(await readMeta(db, 'directory')).toMatchObject({ source: 'demo' });

    down = false;
    const outcome = await syncDirectory(syncDeps(db, client, kept));
    expect(outcome.directory?.status().users).toBe(12_000);
    expect((await reloaded(db)).status().users).toBe(12_000);
  });

  it('starts over when the server’s database changes under the cursor (reset)', async () => {
    const { db, demo } = await freshDesk();
    const before = feed('db1', rowsOf(12_000), 1000);
    const after = feed('db2', rowsOf(600, 9), 1000);
    // Ten pages of the first database in, some of their chunks already written.
    const { client } = pageClient((n, cursor) =>
      Promise.resolve(
        cursor?.startsWith('db1.') && n === 10
          ? after(0, true)
          : cursor?.startsWith('db2.')
            ? after(n)
            : before(n),
      ),
    );
    const deps = syncDeps(db, client, demo);
    const outcome = await syncDirectory(deps);
    // The progress starts over with the new database's records.
    expect(deps.events.filter((e) => e.phase === 'generating').map((e) => e.done)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => (i + 1) * 1000),
      1000,
      rowsOf(600, 9).length,
    ]);
    expect(outcome.directory?.status().users).toBe(600);
    expect(outcome.directory?.getUser('usr_000600')).toEqual(
      generateDirectory({ users: 600, seed: 9 }).users[599],
    );
    expect(outcome.directory?.getUser('usr_000601')).toBeNull();
    // Nothing of the first attempt is left behind, not even chunks the new directory does not reach.
    const chunks = await storedChunks(db);
    expect(chunks.filter((c) => c.kind === 'users')).toHaveLength(1);
    expect((await reloaded(db)).status().users).toBe(600);
  });

  it('keeps the last version of a user that changed during the download', async () => {
    const { db, demo } = await freshDesk();
    const rows = rowsOf(3000);
    const first = rows[10];
    if (first?.list !== 'users') throw new Error('Row 10 should be a user.');
    const renamed: User = {
      ...first.row,
      firstName: 'Zebedee',
      name: `Zebedee ${first.row.lastName}`,
    };
    rows.push({ list: 'users', row: renamed });
    const page = feed('db1', rows, 1000);
    const { client } = pageClient((n) => Promise.resolve(page(n)));
    const outcome = await syncDirectory(syncDeps(db, client, demo));
    const directory = outcome.directory;
    if (!directory) throw new Error('No directory came back.');
    expect(directory.status().users).toBe(3000);
    expect(directory.getUser(renamed.id)).toEqual(renamed);
    expect(directory.searchUsers('zebedee', 5).map((u) => u.id)).toEqual([renamed.id]);
    expect(directory.orders).toEqual(buildCallerOrders(directory.users.columns));
    expect((await reloaded(db)).getUser(renamed.id)).toEqual(renamed);
  });

  it('refuses a bad page with where it went wrong, and changes nothing', async () => {
    const { db, demo } = await freshDesk();
    const page = feed('db1', rowsOf(3000), 1000);
    const client = createDeskServerClient('http://desk.test', (input) => {
      const cursor = new URL(input).searchParams.get('cursor');
      const n = cursor === null ? 0 : Number(cursor.split('.')[1]);
      const body = page(n);
      if (n === 1) (body.users[3] as { id: unknown }).id = 42;
      return Promise.resolve(Response.json(body));
    });
    const refused = await syncDirectory(syncDeps(db, client, demo)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DeskServerError);
    expect((refused as Error).message).toContain('users[3].id is not an id');
    expect((await reloaded(db)).status().users).toBe(DEMO.users);
    expect((await readSyncMeta(db)).directoryCursor).toBeNull();
  });
});

describe('the catalog in the directory', () => {
  const catalog = generateCatalog();
  const retired: CatalogItem = { ...catalog[1], active: false } as CatalogItem;
  const withCatalog = (items: CatalogItem[]): Row[] => [
    ...rowsOf(1500),
    ...items.map((row) => ({ list: 'catalogItems' as const, row })),
  ];

  it('stores the request forms with the first download, retired ones too, and counts them in the progress', async () => {
    const { db, demo } = await freshDesk();
    const items = [catalog[0], retired, ...catalog.slice(2)] as CatalogItem[];
    const rows = withCatalog(items);
    const page = feed('db1', rows, 1000);
    const { client } = pageClient((n) => Promise.resolve(page(n)));
    const deps = syncDeps(db, client, demo);
    const outcome = await syncDirectory(deps);
    expect(outcome).toMatchObject({ full: true, catalogItems: catalog.length });
    const generating = deps.events.filter((e) => e.phase === 'generating');
    expect(generating.at(-1)?.done).toBe(rows.length);
    expect(deps.events.at(-1)).toMatchObject({
      phase: 'ready',
      total: rows.length - groupsIn(rows),
    });
    const stored = await db.catalogItems.toArray();
    expect(stored).toHaveLength(catalog.length);
    expect(await db.catalogItems.get(retired.id)).toEqual(retired);
    // Kept for the requests that name it; Create Request no longer offers it.
    expect(searchCatalog(stored, retired.name).map((i) => i.id)).not.toContain(retired.id);
  });

  it('replaces the catalog a desk had before its first download (the demo one)', async () => {
    const { db, demo } = await freshDesk();
    await db.catalogItems.bulkPut(catalog);
    const page = feed('db1', withCatalog(catalog.slice(0, 2)), 1000);
    const { client } = pageClient((n) => Promise.resolve(page(n)));
    await syncDirectory(syncDeps(db, client, demo));
    expect((await db.catalogItems.toCollection().primaryKeys()).sort()).toEqual(
      catalog
        .slice(0, 2)
        .map((i) => i.id)
        .sort(),
    );
  });

  it('upserts changed forms after that, and a reset replaces them all', async () => {
    const { db, demo } = await freshDesk();
    const first = feed('db1', withCatalog(catalog.slice(0, 3)), 1000);
    const renamed = { ...catalog[0], name: 'New laptop (2027 models)' } as CatalogItem;
    const added = catalog[3] as CatalogItem;
    const laterPage: DirectoryPage = {
      users: [],
      groups: [],
      configurationItems: [],
      catalogItems: [renamed, added, retired],
      knowledgeArticles: [],
      locations: [],
      cursor: 'db1.99',
      more: false,
      reset: false,
    };
    let stage: 'first' | 'changes' | 'reset' = 'first';
    const after = feed('db2', withCatalog([catalog[4] as CatalogItem]), 1000);
    // After the reset, the server answers the old cursor with the first page of its new database.
    const { client } = pageClient((n, cursor) =>
      Promise.resolve(
        stage === 'first'
          ? first(n)
          : stage === 'changes'
            ? laterPage
            : cursor?.startsWith('db1.')
              ? after(0, true)
              : after(n),
      ),
    );
    const downloaded = await syncDirectory(syncDeps(db, client, demo));
    stage = 'changes';
    const changed = await syncDirectory(syncDeps(db, client, downloaded.directory));
    expect(changed).toMatchObject({ full: false, catalogItems: 3, directory: null });
    expect(await db.catalogItems.get(renamed.id)).toEqual(renamed);
    expect(await db.catalogItems.get(retired.id)).toMatchObject({ active: false });
    expect(await db.catalogItems.count()).toBe(4);
    expect((await readSyncMeta(db)).directoryCursor).toBe('db1.99');

    stage = 'reset';
    const reset = await syncDirectory(syncDeps(db, client, downloaded.directory));
    expect(reset.full).toBe(true);
    expect(await db.catalogItems.toCollection().primaryKeys()).toEqual([catalog[4]?.id]);
  });
});

describe('the walk-up locations in the directory', () => {
  const hq: WalkUpLocation = {
    id: 'loc_hq',
    name: 'Service Desk — HQ',
    description: 'Ground floor',
    active: true,
    ...WALK_UP_DEFAULTS,
  };
  const techBar: WalkUpLocation = {
    ...hq,
    id: 'loc_tech_bar',
    name: 'Tech Bar — Building 2',
    reasons: ['Pick up equipment'],
    vipFirst: false,
  };
  const withLocations = (locations: WalkUpLocation[]): Row[] => [
    ...rowsOf(300),
    ...locations.map((row) => ({ list: 'locations' as const, row })),
  ];

  it('stores them with their settings at the first download, upserts changes, and a reset replaces them', async () => {
    const { db, demo } = await freshDesk();
    const first = feed('db1', withLocations([hq, techBar]), 200);
    const moved: WalkUpLocation = { ...hq, graceMinutes: 5, reasons: ['Printer', 'Laptop'] };
    const closed: WalkUpLocation = { ...techBar, active: false };
    const laterPage: DirectoryPage = {
      users: [],
      groups: [],
      configurationItems: [],
      catalogItems: [],
      knowledgeArticles: [],
      locations: [moved, closed],
      cursor: 'db1.99',
      more: false,
      reset: false,
    };
    const other = feed('db2', withLocations([{ ...hq, id: 'loc_other', name: 'Other' }]), 200);
    let stage: 'first' | 'changes' | 'reset' = 'first';
    const { client } = pageClient((n, cursor) =>
      Promise.resolve(
        stage === 'first'
          ? first(n)
          : stage === 'changes'
            ? laterPage
            : cursor?.startsWith('db1.')
              ? other(0, true)
              : other(n),
      ),
    );
    const downloaded = await syncDirectory(syncDeps(db, client, demo));
    expect(downloaded).toMatchObject({ full: true, locations: 2 });
    expect(await db.locations.get(hq.id)).toEqual(hq);
    expect(await db.locations.get(techBar.id)).toEqual(techBar);

    stage = 'changes';
    const changed = await syncDirectory(syncDeps(db, client, downloaded.directory));
    expect(changed).toMatchObject({ full: false, locations: 2, directory: null });
    expect(await db.locations.get(hq.id)).toEqual(moved);
    // Kept, inactive: visits cached on this desk may still name it.
    expect(await db.locations.get(techBar.id)).toEqual(closed);

    stage = 'reset';
    const reset = await syncDirectory(syncDeps(db, client, downloaded.directory));
    expect(reset.full).toBe(true);
    expect(await db.locations.toCollection().primaryKeys()).toEqual(['loc_other']);
  });
});

describe('the published knowledge articles in the directory', () => {
  const printer: PublishedArticle = {
    id: 'kb-printer',
    title: 'Printer shows offline',
    body: 'Clear the print queue.',
    keywords: ['spooler'],
    ciClasses: ['Printer'],
    validUntil: null,
    revision: 1,
    publishedAt: '2026-11-20T09:00:00.000Z',
  };
  const vpn: PublishedArticle = { ...printer, id: 'kb-vpn', title: 'VPN drops every hour' };
  const entry = (id: string, article: PublishedArticle | null): Row => ({
    list: 'knowledgeArticles',
    row: { id, article },
  });

  it('keeps the published ones at the first download, takes a new revision, forgets a retired one', async () => {
    const { db, demo } = await freshDesk();
    // A retired article in a full download is simply not kept.
    const first = feed(
      'db1',
      [...rowsOf(300), entry(printer.id, printer), entry(vpn.id, vpn), entry('kb-old', null)],
      200,
    );
    const revised = { ...printer, title: 'Printer offline after an update', revision: 2 };
    const laterPage: DirectoryPage = {
      ...feed('db1', [entry(printer.id, revised), entry(vpn.id, null)], 10)(0),
      cursor: 'db1.99',
    };
    let stage: 'first' | 'changes' = 'first';
    const { client } = pageClient((n) => Promise.resolve(stage === 'first' ? first(n) : laterPage));
    const downloaded = await syncDirectory(syncDeps(db, client, demo));
    expect(downloaded.full).toBe(true);
    expect((await db.knowledgeArticles.toCollection().primaryKeys()).sort()).toEqual([
      printer.id,
      vpn.id,
    ]);

    stage = 'changes';
    await syncDirectory(syncDeps(db, client, downloaded.directory));
    expect(await db.knowledgeArticles.toArray()).toEqual([revised]);
  });
});

function groupsIn(rows: Row[]): number {
  return rows.filter((r) => r.list === 'groups').length;
}

describe('retired configuration items on the desk', () => {
  const items: ConfigurationItem[] = [
    { id: 'ci-hq', name: 'HQ', className: 'Building', parentId: null, location: 'HQ' },
    { id: 'ci-prn', name: 'HQ-PRN01', className: 'Printer', parentId: 'ci-hq', location: 'HQ' },
    {
      id: 'ci-old',
      name: 'HQ-PRN00',
      className: 'Printer',
      parentId: 'ci-hq',
      location: 'HQ',
      active: false,
    },
  ];
  const rows: Row[] = items.map((row) => ({ list: 'configurationItems' as const, row }));
  const found = (directory: LoadedDirectory, q: string) =>
    directory.searchConfigurationItems(q, 10).map((c) => c.id);

  it('leave the Component lookup from the first download and from a later change, and keep their names', async () => {
    const { db, demo } = await freshDesk();
    const first = feed('db1', rows, 1000);
    const retire: DirectoryPage = {
      users: [],
      groups: [],
      configurationItems: [{ ...(items[1] as ConfigurationItem), active: false }],
      catalogItems: [],
      knowledgeArticles: [],
      locations: [],
      cursor: 'db1.50',
      more: false,
      reset: false,
    };
    let stage: 'first' | 'retire' = 'first';
    const { client } = pageClient((n) => Promise.resolve(stage === 'first' ? first(n) : retire));
    const downloaded = (await syncDirectory(syncDeps(db, client, demo)))
      .directory as LoadedDirectory;
    expect(found(downloaded, 'HQ-PRN')).toEqual(['ci-prn']);
    expect(downloaded.getConfigurationItem('ci-old')).toMatchObject({
      name: 'HQ-PRN00',
      active: false,
    });

    stage = 'retire';
    const changed = (await syncDirectory(syncDeps(db, client, downloaded)))
      .directory as LoadedDirectory;
    expect(found(changed, 'HQ-PRN')).toEqual([]);
    expect(found(changed, 'HQ')).toEqual(['ci-hq']);
    expect(changed.itemName('ci-prn')).toBe('HQ-PRN01');

    const restarted = await reloaded(db);
    expect(found(restarted, 'HQ-PRN')).toEqual([]);
    expect(restarted.getConfigurationItem('ci-prn')?.parents.map((p) => p.id)).toEqual(['ci-hq']);
  });
});
