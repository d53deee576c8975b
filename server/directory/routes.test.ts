import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { generateCatalog } from '../../shared/demo/catalog-generator';
import type { User } from '../../shared/domain/directory';
import type { DirectoryPage } from '../../shared/sync/protocol';
import type { ApiErrorBody, ConfigurationItemList, UserList } from '../../shared/sync/server-api';
import { ApiClient, seedDirectory, signIn, smallDirectory, testServer } from '../testing/fixtures';
import { lockVersion, saveVersion } from '../sync/versions';
import { describeOnDatabases } from '../testing/test-databases';
import { upsertCatalogItems } from './directory-store';

describeOnDatabases('the directory endpoints', (suite) => {
  let app: FastifyInstance;
  let reader: ApiClient;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    app = await testServer(suite.database());
    reader = await signIn(app);
  });
  afterEach(() => app.close());

  const users = (query: string) => reader.get<UserList & ApiErrorBody>(`/api/v1/users${query}`);

  it('finds users by name, user name, email, employee id or phone, without secrets', async () => {
    const byName = await users('?q=caller');
    expect(byName.body.users.map((u) => u.userName)).toEqual([
      'carla.caller',
      'cyril.caller',
      'percent%user',
    ]);
    expect((await users('?q=E-agent-2')).body.users.map((u) => u.id)).toEqual(['agent-2']);
    expect((await users('?q=TESS')).body.users.map((u) => u.id)).toEqual(['tech-1']);
    expect(JSON.stringify(byName.body)).not.toMatch(/password|argon/i);
    const one = byName.body.users[0] as User;
    expect(Object.keys(one).sort()).toEqual(Object.keys(smallDirectory().users[0] as User).sort());
  });

  it('treats % and _ as letters and honours the limit', async () => {
    expect((await users('?q=%25')).body.users.map((u) => u.id)).toEqual(['caller-3']);
    expect((await users('?limit=2')).body.users).toHaveLength(2);
    expect((await users('?limit=51')).status).toBe(400);
    expect((await users(`?q=${'x'.repeat(101)}`)).status).toBe(400);
  });

  it('answers configuration items with their parent chain, nearest first', async () => {
    const reply = await reader.get<ConfigurationItemList>('/api/v1/configuration-items?q=PRN');
    expect(reply.body.configurationItems).toEqual([
      {
        id: 'ci-prn',
        name: 'HQ-F1-PRN01',
        className: 'Printer',
        parentId: 'ci-f1',
        location: 'HQ',
        parents: [
          { id: 'ci-f1', name: 'HQ-F1 network', className: 'Floor network' },
          { id: 'ci-hq', name: 'HQ', className: 'Building' },
        ],
      },
    ]);
  });

  it('pages the whole directory for a desk, then only what changed', async () => {
    const catalog = generateCatalog().slice(0, 2);
    await suite
      .database()
      .db.transaction()
      .execute(async (trx) => {
        await saveVersion(trx, await upsertCatalogItems(trx, catalog, await lockVersion(trx)));
      });
    const pages: DirectoryPage[] = [];
    let cursor: string | undefined;
    do {
      const reply: { body: DirectoryPage } = await reader.get<DirectoryPage>(
        `/api/v1/directory?limit=5${cursor ? `&cursor=${cursor}` : ''}`,
      );
      pages.push(reply.body);
      cursor = reply.body.cursor;
    } while (pages.at(-1)?.more);
    const all = {
      users: pages.flatMap((p) => p.users),
      groups: pages.flatMap((p) => p.groups),
      configurationItems: pages.flatMap((p) => p.configurationItems),
      catalogItems: pages.flatMap((p) => p.catalogItems),
    };
    expect(pages.length).toBe(3);
    const expected = smallDirectory();
    expect(all.users).toEqual(expected.users);
    expect(all.groups).toEqual(expected.groups);
    // The feed says whether each item is in use (retired ones leave the desks' Component lookup).
    expect(all.configurationItems).toEqual(
      expected.configurationItems.map((c) => ({ ...c, active: true })),
    );
    expect(all.catalogItems).toEqual(catalog);

    await suite
      .database()
      .db.updateTable('users')
      .set({ name: 'Carla Renamed', version: 1000 })
      .where('id', '=', 'caller-1')
      .execute();
    await suite.database().db.updateTable('sync_state').set({ version: 1000 }).execute();
    const changed = await reader.get<DirectoryPage>(`/api/v1/directory?cursor=${cursor ?? ''}`);
    expect(changed.body.users.map((u) => u.name)).toEqual(['Carla Renamed']);
    expect(changed.body.groups).toEqual([]);
    expect(changed.body.catalogItems).toEqual([]);
    expect(changed.body.locations).toEqual([]);
  });

  it('answers 400 to a bad cursor or limit', async () => {
    for (const query of ['?cursor=zzz', '?limit=5001', '?limit=-1', '?page=2']) {
      const reply = await reader.get<ApiErrorBody>(`/api/v1/directory${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.body.error.code).toBe('invalid-input');
    }
  });

  it('needs a token', async () => {
    expect((await new ApiClient(app).get('/api/v1/directory')).status).toBe(401);
    expect((await new ApiClient(app).get('/api/v1/users')).status).toBe(401);
  });
});
