// The Configuration items operations against a real server on PGlite: the tree a level at a time,
// search with paths, add, move with the cycle refused, retire (and what is inside), restore.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ConfigurationItemMatch,
  ConfigurationItemNode,
} from '../../shared/admin/configuration-items';
import type { ConfigurationItemList } from '../../shared/sync/server-api';
import { seedDirectory, signIn, testServer, type ApiClient } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { auditRows, callAdmin, directoryVersion, feedAfter, snapshot } from './org-fixtures';

describeOnDatabases('the Configuration items operations', (suite) => {
  let app: FastifyInstance;
  let admin: ApiClient;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    app = await testServer(suite.database());
    admin = await signIn(app, 'adam.admin');
  });
  afterEach(() => app.close());

  const call = <T>(name: string, input: unknown) => callAdmin<T>(admin, name, input);
  type Page = { items: ConfigurationItemNode[]; more: boolean };
  type One = { item: ConfigurationItemNode };
  const children = async (parentId: string | null, extra: object = {}) =>
    (await call<Page>('configuration-items.children', { parentId, ...extra })).body;
  const names = (page: Page) => page.items.map((i) => i.name);

  it('reads the tree a level at a time, with child counts, a page at a time', async () => {
    const top = await children(null);
    expect(top.items).toEqual([
      {
        id: 'ci-hq',
        name: 'HQ',
        className: 'Building',
        parentId: null,
        location: 'HQ',
        active: true,
        childCount: 1,
      },
    ]);
    expect(names(await children('ci-hq'))).toEqual(['HQ-F1 network']);
    await call('configuration-items.create', {
      name: 'HQ-F1-PRN02',
      className: 'Printer',
      parentId: 'ci-f1',
    });
    const first = await children('ci-f1', { limit: 1 });
    expect(first).toMatchObject({ more: true, items: [{ name: 'HQ-F1-PRN01' }] });
    const next = await children('ci-f1', {
      limit: 1,
      after: { name: 'HQ-F1-PRN01', id: 'ci-prn' },
    });
    expect(next).toMatchObject({ more: false, items: [{ name: 'HQ-F1-PRN02' }] });
  });

  it('finds items with the path the tree opens to show them', async () => {
    const found = await call<{ items: ConfigurationItemMatch[] }>('configuration-items.search', {
      q: 'prn',
    });
    expect(found.body.items.map((m) => [m.name, m.path.map((p) => p.name)])).toEqual([
      ['HQ-F1-PRN01', ['HQ', 'HQ-F1 network']],
    ]);
    expect(found.body.items[0]?.path[0]).toMatchObject({ id: 'ci-hq', childCount: 1 });
  });

  it('adds an item under a parent: audited, and in the desks’ feed', async () => {
    const database = suite.database();
    const before = await directoryVersion(database);
    const added = await call<One>('configuration-items.create', {
      name: 'HQ-F1-AP01',
      className: 'Access point',
      parentId: 'ci-f1',
      location: 'HQ floor 1',
    });
    expect(added.status).toBe(200);
    expect(added.body.item).toMatchObject({ parentId: 'ci-f1', active: true, childCount: 0 });
    const feed = await feedAfter(database, before);
    expect(feed.configurationItems).toMatchObject([
      { id: added.body.item.id, name: 'HQ-F1-AP01', parentId: 'ci-f1', active: true },
    ]);
    expect(await auditRows(database)).toMatchObject([
      {
        action: 'configuration-item.create',
        actor_name: 'Adam Admin',
        target_kind: 'configuration-item',
        before: null,
        after: {
          name: 'HQ-F1-AP01',
          className: 'Access point',
          parent: 'HQ-F1 network',
          location: 'HQ floor 1',
        },
      },
    ]);
  });

  it('moves an item to a new parent or to the top', async () => {
    const database = suite.database();
    const annex = (
      await call<One>('configuration-items.create', {
        name: 'Annex',
        className: 'Building',
        parentId: null,
      })
    ).body.item;
    const before = await directoryVersion(database);
    const moved = await call<One>('configuration-items.move', { id: 'ci-f1', parentId: annex.id });
    expect(moved.body.item.parentId).toBe(annex.id);
    expect(names(await children(annex.id))).toEqual(['HQ-F1 network']);
    expect((await children(null)).items.map((i) => [i.name, i.childCount])).toEqual([
      ['Annex', 1],
      ['HQ', 0],
    ]);
    expect((await feedAfter(database, before)).configurationItems).toMatchObject([
      { id: 'ci-f1', parentId: annex.id },
    ]);
    await call('configuration-items.move', { id: 'ci-f1', parentId: null });
    const moves = (await auditRows(database)).filter((a) => a.action === 'configuration-item.move');
    expect(moves.map((a) => [a.before, a.after])).toEqual([
      [{ parent: 'HQ' }, { parent: 'Annex' }],
      [{ parent: 'Annex' }, { parent: null }],
    ]);
  });

  it('refuses to move an item into itself or into what is inside it, changing nothing', async () => {
    const database = suite.database();
    const was = await snapshot(database);
    const cycle = await call('configuration-items.move', { id: 'ci-hq', parentId: 'ci-prn' });
    expect(cycle.status).toBe(409);
    expect(cycle.body.error?.message).toBe(
      'HQ cannot move into HQ-F1-PRN01: HQ-F1-PRN01 is inside HQ.',
    );
    expect(cycle.body.error?.fieldErrors).toEqual({ parentId: cycle.body.error?.message });
    const self = await call('configuration-items.move', { id: 'ci-f1', parentId: 'ci-f1' });
    expect(self.body.error?.message).toBe('HQ-F1 network cannot be its own parent.');
    expect(
      (await call('configuration-items.move', { id: 'ci-f1', parentId: 'ci-none' })).status,
    ).toBe(404);
    expect(await snapshot(database)).toBe(was);
  });

  describe('retiring', () => {
    it('takes an item out of the tree, the server’s search and the desks’ lookup; keeps it for records', async () => {
      const database = suite.database();
      const before = await directoryVersion(database);
      const retired = await call<{ item: ConfigurationItemNode; retired: number }>(
        'configuration-items.retire',
        { id: 'ci-prn' },
      );
      expect(retired.body).toMatchObject({ retired: 1, item: { active: false } });
      expect(names(await children('ci-f1'))).toEqual([]);
      expect(names(await children('ci-f1', { includeRetired: true }))).toEqual(['HQ-F1-PRN01']);
      const search = await admin.get<ConfigurationItemList>('/api/v1/configuration-items?q=PRN');
      expect(search.body.configurationItems).toEqual([]);
      expect((await feedAfter(database, before)).configurationItems).toMatchObject([
        { id: 'ci-prn', active: false },
      ]);
      expect(await auditRows(database)).toMatchObject([
        { action: 'configuration-item.retire', before: { active: true }, after: { active: false } },
      ]);
    });

    it('refuses an item with active items inside unless they go with it', async () => {
      const database = suite.database();
      const was = await snapshot(database);
      const refused = await call('configuration-items.retire', { id: 'ci-hq' });
      expect(refused.status).toBe(409);
      expect(refused.body.error?.message).toBe(
        'HQ has 2 active items inside it: move them first, or retire them with it.',
      );
      expect(await snapshot(database)).toBe(was);

      const before = await directoryVersion(database);
      const all = await call<{ retired: number }>('configuration-items.retire', {
        id: 'ci-hq',
        withChildren: true,
      });
      expect(all.body.retired).toBe(3);
      expect(await directoryVersion(database)).toBe(before + 3);
      const feed = await feedAfter(database, before);
      expect(feed.configurationItems.map((c) => [c.id, c.active]).sort()).toEqual([
        ['ci-f1', false],
        ['ci-hq', false],
        ['ci-prn', false],
      ]);
      expect((await auditRows(database)).at(-1)).toMatchObject({
        after: { active: false, itemsInsideRetired: 2 },
      });
      expect((await children(null)).items).toEqual([]);
    });

    it('restores an item whose parent is active; the items retired with it stay retired', async () => {
      await call('configuration-items.retire', { id: 'ci-hq', withChildren: true });
      const database = suite.database();
      const was = await snapshot(database);
      const early = await call('configuration-items.restore', { id: 'ci-f1' });
      expect(early.status).toBe(409);
      expect(early.body.error?.message).toBe(
        'HQ is retired: restore it first or choose another parent.',
      );
      const refusedAdd = await call('configuration-items.create', {
        name: 'X',
        className: 'Printer',
        parentId: 'ci-hq',
      });
      expect(refusedAdd.status).toBe(409);
      expect(await snapshot(database)).toBe(was);
      const back = await call<One>('configuration-items.restore', { id: 'ci-hq' });
      expect(back.body.item).toMatchObject({ active: true, childCount: 0 });
      expect(names(await children('ci-hq', { includeRetired: true }))).toEqual(['HQ-F1 network']);
    });
  });

  it('refuses bad input with a clear message, and non-admins, changing nothing', async () => {
    const database = suite.database();
    const was = await snapshot(database);
    const noClass = await call('configuration-items.create', {
      name: 'X',
      className: ' ',
      parentId: null,
    });
    expect(noClass.status).toBe(400);
    expect(noClass.body.error?.fieldErrors?.className).toBe(
      'Enter a class, such as Building or Printer.',
    );
    expect(
      (await call('configuration-items.create', { name: 'X', className: 'Printer' })).status,
    ).toBe(400);
    expect(
      (await call('configuration-items.children', { parentId: null, limit: 1000 })).status,
    ).toBe(400);
    expect((await call('configuration-items.search', { q: '' })).body.error?.message).toBe(
      'q: Type part of a name or a class.',
    );
    const agent = await signIn(app, 'ana.agent');
    expect((await callAdmin(agent, 'configuration-items.retire', { id: 'ci-prn' })).status).toBe(
      403,
    );
    expect(
      (await callAdmin(agent, 'configuration-items.children', { parentId: null })).status,
    ).toBe(403);
    expect(await snapshot(database)).toBe(was);
  });
});
