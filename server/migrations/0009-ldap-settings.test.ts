// Migration 0009 on a database at 0008: the LDAP settings table takes one row only, keeps the
// bind password beside the settings, and down removes it again.

import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo } from '../db/migrate';
import { describeMigration } from '../testing/test-databases';

describeMigration('0009-ldap-settings', (database) => {
  it('goes up with a single settings row, and goes down', async () => {
    const { db } = database();
    await migrateTo(db, '0008-administration');
    expect(await migrateTo(db, '0009-ldap-settings')).toEqual(['0009-ldap-settings']);
    await sql`INSERT INTO ldap_settings (id, settings, bind_password, updated_at)
        VALUES (1, '{"url":"ldaps://dc1"}'::jsonb, 'secret', now())`.execute(db);
    const { rows } = await sql<{
      bind_password: string;
      change_cursor: string | null;
    }>`SELECT bind_password, change_cursor FROM ldap_settings`.execute(db);
    expect(rows).toEqual([{ bind_password: 'secret', change_cursor: null }]);
    await expect(
      sql`INSERT INTO ldap_settings (id, settings, updated_at) VALUES (2, '{}'::jsonb, now())`.execute(
        db,
      ),
    ).rejects.toThrow();

    expect(await migrateTo(db, '0008-administration')).toEqual(['0009-ldap-settings']);
    await expect(sql`SELECT * FROM ldap_settings`.execute(db)).rejects.toThrow();
  });
});
