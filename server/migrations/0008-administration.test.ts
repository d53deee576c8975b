// Migration 0008 on a database at 0007 holding a directory: existing rows get the defaults (active,
// published, source 'local'), external keys are unique when set, the new tables work, down removes them.

import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo } from '../db/migrate';
import { describeMigration } from '../testing/test-databases';

const at = new Date('2026-12-04T09:00:00.000Z');

const user = (id: string, userName: string) => ({
  id,
  user_name: userName,
  first_name: 'Ana',
  last_name: 'Ruiz',
  name: 'Ana Ruiz',
  email: '',
  phone: '+44 1632 960123',
  employee_id: '',
  department: '',
  location: '',
  vip: false,
  roles: [],
  version: 1,
});

describeMigration('0008-administration', (database) => {
  it('keeps the directory with defaults, adds the administration tables, and goes down', async () => {
    const { db } = database();
    await migrateTo(db, '0007-launch-codes');
    await db.insertInto('users').values(user('u-1', 'ana.ruiz')).execute();
    await sql`INSERT INTO catalog_items (id, name, category, active, version, record)
        VALUES ('c-1', 'Laptop', 'Hardware', true, 2, '{}'::jsonb)`.execute(db);

    expect(await migrateTo(db, '0008-administration')).toEqual(['0008-administration']);
    const row = await db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      active: true,
      sign_in_disabled: false,
      must_change_password: false,
      last_sign_in_at: null,
      external_key: null,
      source: 'local',
      phone_e164: '',
      mobile: '',
    });
    const item = await db.selectFrom('catalog_items').select('state').executeTakeFirstOrThrow();
    expect(item.state).toBe('published');
    await expect(sql`UPDATE catalog_items SET state = 'gone'`.execute(db)).rejects.toThrow();

    await db.updateTable('users').set({ external_key: 'E1' }).where('id', '=', 'u-1').execute();
    await expect(
      db
        .insertInto('users')
        .values({ ...user('u-2', 'bo.li'), external_key: 'E1' })
        .execute(),
    ).rejects.toThrow();
    // Many rows without a key are fine.
    await db.insertInto('users').values(user('u-3', 'cy.ng')).execute();
    await db.insertInto('users').values(user('u-4', 'di.ox')).execute();

    await db
      .insertInto('locations')
      .values({ id: 'l-1', name: 'Walk-up, Floor 2', version: 3 })
      .execute();
    await expect(
      db
        .insertInto('locations')
        .values({ id: 'l-2', name: 'walk-up, floor 2', version: 4 })
        .execute(),
    ).rejects.toThrow();
    await db
      .insertInto('audit_log')
      .values({
        at,
        actor_id: 'u-1',
        actor_name: 'Ana Ruiz',
        action: 'agent.create',
        target_kind: 'user',
        target_id: 'u-3',
        before: null,
        after: JSON.stringify({ roles: ['agent'] }),
      })
      .execute();
    const audit = await db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
    expect(audit.after).toEqual({ roles: ['agent'] });
    await db
      .insertInto('setup_codes')
      .values({ code_hash: 'c'.repeat(64), created_at: at, expires_at: at })
      .execute();

    expect(await migrateTo(db, '0007-launch-codes')).toEqual(['0008-administration']);
    await expect(db.selectFrom('audit_log').selectAll().execute()).rejects.toThrow();
    expect(await db.selectFrom('users').select('id').execute()).toHaveLength(3);
  });
});
