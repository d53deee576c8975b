import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo } from '../db/migrate';
import { describeMigration } from '../testing/test-databases';

describeMigration('0001-directory-and-sessions', (database) => {
  it('goes up on an empty database and starts the change version at 0', async () => {
    expect(await migrateTo(database().db, '0001-directory-and-sessions')).toEqual([
      '0001-directory-and-sessions',
    ]);
    const state = await database()
      .db.selectFrom('sync_state')
      .select('version')
      .executeTakeFirstOrThrow();
    expect(Number(state.version)).toBe(0);
    const meta = await database().db.selectFrom('server_meta').selectAll().execute();
    expect(meta).toEqual([
      { key: 'database_id', value: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown },
    ]);
  });

  it('keeps user names unique whatever their case', async () => {
    const user = {
      id: 'u-1',
      user_name: 'Ana.Ruiz',
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
    };
    await database().db.insertInto('users').values(user).execute();
    await expect(
      database()
        .db.insertInto('users')
        .values({ ...user, id: 'u-2', user_name: 'ana.ruiz' })
        .execute(),
    ).rejects.toThrow(/users_user_name_key/);
    const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM users`.execute(
      database().db,
    );
    expect(count.rows[0]?.n).toBe(1);
  });
});
