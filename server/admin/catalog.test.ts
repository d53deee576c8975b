// Catalog administration on a real server: a new form is a draft that desks never receive (the
// directory feed skips drafts), Publish sends it, edits of a published form wait as a draft
// revision, Retire keeps it inactive; every change audited before → after; only admins; bad input
// is a 400 in the editor's words that changes nothing. And the Export page's download link.

import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CatalogAdminSummary, CatalogAdminView } from '../../shared/admin/catalog';
import type { ExportLink } from '../../shared/admin/export';
import type { CatalogItem } from '../../shared/domain/catalog';
import type { DirectoryPage } from '../../shared/sync/protocol';
import type { ApiErrorBody } from '../../shared/sync/server-api';
import { directoryFeedPage } from '../directory/directory-feed';
import { ApiClient, seedDirectory, signIn, testServer } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';

const LAPTOP: CatalogItem = {
  id: 'cat-laptop',
  name: 'New laptop',
  category: 'Hardware',
  description: 'A laptop for a new starter.',
  keywords: ['notebook'],
  fields: [{ name: 'model', label: 'Model', type: 'text', required: true, maxLength: 80 }],
  fulfillmentGroup: 'grp-desk',
  active: true,
};

describeOnDatabases('catalog administration', (suite) => {
  let app: FastifyInstance;
  let admin: ApiClient;
  let desk: ApiClient;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    app = await testServer(suite.database());
    admin = await signIn(app, 'adam.admin');
    desk = await signIn(app, 'ana.agent');
  });
  afterEach(() => app.close());

  const call = <T>(name: string, input: unknown, client = admin) =>
    client.post<T & ApiErrorBody>(`/api/v1/admin/${name}`, input);
  /** What a desk's directory sync receives after `cursor` (every page). */
  const feed = async (cursor = '') => {
    const items: CatalogItem[] = [];
    let next = cursor;
    for (;;) {
      const page = await desk.get<DirectoryPage>(
        `/api/v1/directory${next ? `?cursor=${next}` : ''}`,
      );
      items.push(...page.body.catalogItems);
      next = page.body.cursor;
      if (!page.body.more) return { items, cursor: next };
    }
  };
  const audit = () =>
    suite
      .database()
      .db.selectFrom('audit_log')
      .select(['actor_name', 'action', 'target_id', 'before', 'after'])
      .orderBy('id')
      .execute();

  it('keeps a new form a draft that desks never receive, until Publish sends it', async () => {
    const start = await feed();
    const saved = await call<CatalogAdminView>('catalog.save', LAPTOP);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ state: 'draft', item: { ...LAPTOP, active: false }, draft: null });
    const listed = await call<{ items: CatalogAdminSummary[] }>('catalog.list', {});
    expect(listed.body.items).toEqual([
      {
        id: 'cat-laptop',
        name: 'New laptop',
        category: 'Hardware',
        state: 'draft',
        unpublishedChanges: false,
        fieldCount: 1,
      },
    ]);
    expect((await feed(start.cursor)).items).toEqual([]);
    expect((await feed()).items).toEqual([]);

    const published = await call<CatalogAdminView>('catalog.publish', { id: 'cat-laptop' });
    expect(published.body.state).toBe('published');
    const received = await feed(start.cursor);
    expect(received.items).toEqual([LAPTOP]);

    expect(await audit()).toEqual([
      {
        actor_name: 'Adam Admin',
        action: 'catalog-item.create',
        target_id: 'cat-laptop',
        before: null,
        after: {
          name: 'New laptop',
          category: 'Hardware',
          description: 'A laptop for a new starter.',
          keywords: ['notebook'],
          fulfillmentGroup: 'grp-desk',
          fields: LAPTOP.fields,
        },
      },
      {
        actor_name: 'Adam Admin',
        action: 'catalog-item.publish',
        target_id: 'cat-laptop',
        before: { state: 'draft' },
        after: { state: 'published' },
      },
    ]);
  });

  it('skips drafts in the directory feed whatever their version', async () => {
    await call('catalog.save', LAPTOP);
    const { db } = suite.database();
    // A draft row that took a version (say, written by hand): the feed still leaves it out.
    await db
      .updateTable('catalog_items')
      .set({ version: 10_000 })
      .where('id', '=', LAPTOP.id)
      .execute();
    await sql`UPDATE sync_state SET version = 10000`.execute(db);
    const page = await directoryFeedPage(db, 0, 1000);
    expect(JSON.parse(page.catalogItems)).toEqual([]);
    expect(page.lastVersion).toBe(10_000);
  });

  it('saves edits of a published form as a draft revision, published again on Publish', async () => {
    await call('catalog.save', LAPTOP);
    await call('catalog.publish', { id: LAPTOP.id });
    const after = (await feed()).cursor;

    const edited: CatalogItem = {
      ...LAPTOP,
      name: 'Laptop',
      fields: [
        ...LAPTOP.fields,
        { name: 'manager', label: 'Manager', type: 'user-reference', required: true },
      ],
    };
    const saved = await call<CatalogAdminView>('catalog.save', edited);
    expect(saved.body.state).toBe('published');
    expect(saved.body.item).toEqual(LAPTOP);
    expect(saved.body.draft).toEqual(edited);
    expect((await feed(after)).items).toEqual([]);
    const listed = await call<{ items: CatalogAdminSummary[] }>('catalog.list', { query: 'lap' });
    expect(listed.body.items[0]).toMatchObject({
      name: 'Laptop',
      unpublishedChanges: true,
      fieldCount: 2,
    });

    // The form desks have still validates requests on the server.
    const stored = await suite
      .database()
      .db.selectFrom('catalog_items')
      .select('record')
      .where('id', '=', LAPTOP.id)
      .executeTakeFirstOrThrow();
    expect(stored.record).toEqual(LAPTOP);

    const republished = await call<CatalogAdminView>('catalog.publish', { id: LAPTOP.id });
    expect(republished.body).toEqual({ state: 'published', item: edited, draft: null });
    expect((await feed(after)).items).toEqual([edited]);

    const actions = (await audit()).map((entry) => entry.action);
    expect(actions).toEqual([
      'catalog-item.create',
      'catalog-item.publish',
      'catalog-item.save-draft',
      'catalog-item.publish',
    ]);
    const draftEntry = (await audit())[2];
    expect(draftEntry?.before).toEqual({ name: 'New laptop', fields: LAPTOP.fields });
    expect(draftEntry?.after).toEqual({ name: 'Laptop', fields: edited.fields });
  });

  it('retires a published form: desks receive it inactive, requests keep it', async () => {
    await call('catalog.save', LAPTOP);
    const refused = await call<ApiErrorBody>('catalog.retire', { id: LAPTOP.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      'New laptop is a draft that was never offered: there is nothing to retire.',
    );
    await call('catalog.publish', { id: LAPTOP.id });
    const after = (await feed()).cursor;
    const retired = await call<CatalogAdminView>('catalog.retire', { id: LAPTOP.id });
    expect(retired.body.state).toBe('retired');
    expect((await feed(after)).items).toEqual([{ ...LAPTOP, active: false }]);
    const last = (await audit()).at(-1);
    expect(last).toMatchObject({
      action: 'catalog-item.retire',
      before: { state: 'published', active: true },
      after: { state: 'retired', active: false },
    });
    // Discarding edits that were never saved changes nothing.
    const discarded = await call<CatalogAdminView>('catalog.discard-draft', { id: LAPTOP.id });
    expect(discarded.body.draft).toBeNull();
    expect(await audit()).toHaveLength(3);
  });

  it('discards a draft revision, audited', async () => {
    await call('catalog.save', LAPTOP);
    await call('catalog.publish', { id: LAPTOP.id });
    await call('catalog.save', { ...LAPTOP, category: 'Computers' });
    const discarded = await call<CatalogAdminView>('catalog.discard-draft', { id: LAPTOP.id });
    expect(discarded.body).toEqual({ state: 'published', item: LAPTOP, draft: null });
    expect((await audit()).at(-1)).toMatchObject({
      action: 'catalog-item.discard-draft',
      before: { category: 'Computers' },
      after: { category: 'Hardware' },
    });
  });

  it('refuses bad input in the editor’s words, changing nothing', async () => {
    const bad = await call<ApiErrorBody>('catalog.save', {
      ...LAPTOP,
      name: '',
      fields: [
        { name: 'model', label: '', type: 'text', required: true, maxLength: 80 },
        { name: 'model', label: 'Again', type: 'choice', required: true, options: [] },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fieldErrors).toEqual({
      name: 'Name is required.',
      'fields.0.label': 'Field 1: Label is required.',
      'fields.1.name': 'Two fields are called model.',
      'fields.1.options': 'Field 2: Options needs at least 1 option.',
    });
    const group = await call<ApiErrorBody>('catalog.save', {
      ...LAPTOP,
      fulfillmentGroup: 'grp-gone',
    });
    expect(group.status).toBe(400);
    expect(group.body.error.fieldErrors).toEqual({
      fulfillmentGroup: 'Pick a fulfillment group that exists and is active.',
    });
    expect((await call<ApiErrorBody>('catalog.publish', { id: 'cat-none' })).status).toBe(404);
    expect((await call<{ items: unknown[] }>('catalog.list', {})).body.items).toEqual([]);
    expect(await audit()).toEqual([]);
  });

  it('is for administrators only', async () => {
    expect((await call('catalog.save', LAPTOP, new ApiClient(app))).status).toBe(401);
    expect((await call('catalog.save', LAPTOP, desk)).status).toBe(403);
    expect((await call('catalog.list', {}, desk)).status).toBe(403);
    expect(await audit()).toEqual([]);
  });

  it('gives the read API roles a single-use export link, and refuses a bad range', async () => {
    const link = await call<ExportLink>(
      'export.link',
      { kind: 'incidents', from: '2026-11-01', to: '2026-11-30' },
      desk,
    );
    expect(link.status).toBe(200);
    expect(link.body.fileName).toBe('incidents-2026-11-01-to-2026-11-30.csv');
    const download = await app.inject({ method: 'GET', url: link.body.path });
    expect(download.statusCode).toBe(200);
    expect(download.body.startsWith('\uFEFFNumber,')).toBe(true);
    expect((await app.inject({ method: 'GET', url: link.body.path })).statusCode).toBe(401);

    const tech = await signIn(app, 'tess.tech');
    expect(
      (await call('export.link', { kind: 'incidents', from: '2026-11-01', to: '2026-11-30' }, tech))
        .status,
    ).toBe(403);
    const bad = await call<ApiErrorBody>('export.link', {
      kind: 'incidents',
      from: '2026-11-30',
      to: '2026-11-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fieldErrors).toEqual({ to: 'To must not be before From.' });
  });
});
