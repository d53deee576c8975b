// Migration 0007 on a database at 0006 with a signed-in agent: the sessions stay, launch codes get
// their table (gone with their user), and down removes it again.

import { expect, it } from 'vitest';
import { migrateTo } from '../db/migrate';
import { describeMigration } from '../testing/test-databases';

const at = new Date('2026-11-23T09:00:00.000Z');
const later = new Date('2026-11-23T09:01:00.000Z');

describeMigration('0007-launch-codes', (database) => {
  it('goes up beside the sessions, ties codes to their user, and goes down', async () => {
    const { db } = database();
    await migrateTo(db, '0006-mutation-clock');
    await db
      .insertInto('users')
      .values({
        id: 'u-1',
        user_name: 'ana.ruiz',
        first_name: 'Ana',
        last_name: 'Ruiz',
        name: 'Ana Ruiz',
        email: '',
        phone: '',
        employee_id: '',
        department: '',
        location: '',
        vip: false,
        roles: ['agent'],
        version: 1,
      })
      .execute();
    const session = {
      token_hash: 'a'.repeat(64),
      user_id: 'u-1',
      created_at: at,
      expires_at: later,
    };
    await db.insertInto('sessions').values(session).execute();

    expect(await migrateTo(db, '0007-launch-codes')).toEqual(['0007-launch-codes']);
    expect(await db.selectFrom('sessions').select('token_hash').execute()).toHaveLength(1);
    await db
      .insertInto('launch_codes')
      .values({ code_hash: 'b'.repeat(64), user_id: 'u-1', created_at: at, expires_at: later })
      .execute();
    await expect(
      db
        .insertInto('launch_codes')
        .values({ code_hash: 'b'.repeat(64), user_id: 'u-1', created_at: at, expires_at: later })
        .execute(),
    ).rejects.toThrow();
    await db.deleteFrom('users').where('id', '=', 'u-1').execute();
    expect(await db.selectFrom('launch_codes').selectAll().execute()).toEqual([]);

    expect(await migrateTo(db, '0006-mutation-clock')).toEqual(['0007-launch-codes']);
    await expect(db.selectFrom('launch_codes').selectAll().execute()).rejects.toThrow();
  });
});
