import { expect, it } from 'vitest';
import { migrateTo } from '../db/migrate';
import { jsonb, toNumber } from '../db/values';
import { describeMigration } from '../testing/test-databases';

describeMigration('0002-interactions-and-sync', (database) => {
  it('goes up on a database at 0001 that holds a directory and sessions, keeping them', async () => {
    const { db } = database();
    await migrateTo(db, '0001-directory-and-sessions');
    await db.updateTable('sync_state').set({ version: 3 }).execute();
    await db
      .insertInto('users')
      .values({
        id: 'u-1',
        user_name: 'demo.agent',
        first_name: 'Demo',
        last_name: 'Agent',
        name: 'Demo Agent',
        email: 'demo@deskpad.example',
        phone: '',
        employee_id: 'E1',
        department: 'IT',
        location: 'HQ',
        vip: false,
        roles: ['agent'],
        password_hash: 'x',
        version: 1,
      })
      .execute();
    await db
      .insertInto('groups')
      .values({ id: 'g-1', name: 'Service Desk', description: '', version: 2 })
      .execute();
    await db.insertInto('group_members').values({ group_id: 'g-1', user_id: 'u-1' }).execute();
    await db
      .insertInto('configuration_items')
      .values({
        id: 'ci-1',
        name: 'HQ',
        class_name: 'Building',
        parent_id: null,
        location: 'HQ',
        version: 3,
      })
      .execute();
    await db
      .insertInto('sessions')
      .values({
        token_hash: 'h',
        user_id: 'u-1',
        created_at: new Date(),
        expires_at: new Date(Date.now() + 1000),
      })
      .execute();

    expect(await migrateTo(db, '0002-interactions-and-sync')).toEqual([
      '0002-interactions-and-sync',
    ]);

    expect(await db.selectFrom('users').select(['id', 'roles']).execute()).toEqual([
      { id: 'u-1', roles: ['agent'] },
    ]);
    expect(await db.selectFrom('group_members').selectAll().execute()).toEqual([
      { group_id: 'g-1', user_id: 'u-1' },
    ]);
    expect(await db.selectFrom('sessions').select('user_id').execute()).toEqual([
      { user_id: 'u-1' },
    ]);
    const version = await db.selectFrom('sync_state').select('version').executeTakeFirstOrThrow();
    expect(toNumber(version.version)).toBe(3);
    const numbering = await db.selectFrom('numbering').selectAll().orderBy('kind').execute();
    expect(numbering.map((n) => [n.kind, toNumber(n.last_value)])).toEqual([
      ['incident', 1000],
      ['interaction', 1000],
      ['request', 1000],
    ]);
  });

  it('records a mutation only once per client and id', async () => {
    const { db } = database();
    const row = {
      client_id: 'desk-1',
      mutation_id: 1,
      name: 'interaction.create',
      args: jsonb({}),
      at: '2026-11-23T10:00:00.000Z',
      actor_id: 'u-1',
      pushed_by: 'u-1',
      status: 'applied' as const,
      reason: null,
      received_at: new Date(),
    };
    await db.insertInto('mutations').values(row).execute();
    await expect(db.insertInto('mutations').values(row).execute()).rejects.toThrow(
      /mutations_pkey/,
    );
  });
});
