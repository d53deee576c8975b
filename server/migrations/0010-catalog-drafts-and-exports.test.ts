// Migration 0010 on a database at 0009 with a catalog item: the item keeps its record and gets an
// empty draft revision, export links get their table (gone with their user), and down undoes both.

import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo } from '../db/migrate';
import { describeMigration } from '../testing/test-databases';

const at = new Date('2026-11-23T09:00:00.000Z');
const later = new Date('2026-11-23T09:01:00.000Z');
const PREVIOUS = '0009-ldap-settings';
const THIS = '0010-catalog-drafts-and-exports';

describeMigration(THIS, (database) => {
  it('adds the draft revision, the export indexes and links, and goes down', async () => {
    const { db } = database();
    await migrateTo(db, PREVIOUS);
    await sql`INSERT INTO users (id, user_name, first_name, last_name, name, email, phone,
          employee_id, department, location, vip, roles, version)
        VALUES ('u-1', 'ana.ruiz', 'Ana', 'Ruiz', 'Ana Ruiz', '', '', '', '', '', false, '{agent}', 1)`.execute(
      db,
    );
    await sql`INSERT INTO catalog_items (id, name, category, active, version, record)
        VALUES ('cat-1', 'Toner', 'Hardware', true, 2, '{"id":"cat-1"}'::jsonb)`.execute(db);

    expect(await migrateTo(db, THIS)).toEqual([THIS]);
    expect(
      await db.selectFrom('catalog_items').select(['record', 'draft_record']).execute(),
    ).toEqual([{ record: { id: 'cat-1' }, draft_record: null }]);
    const link = {
      code_hash: 'b'.repeat(64),
      user_id: 'u-1',
      kind: 'interactions',
      from_date: '2026-11-01',
      to_date: '2026-11-30',
      created_at: at,
      expires_at: later,
    };
    await db.insertInto('export_links').values(link).execute();
    await expect(db.insertInto('export_links').values(link).execute()).rejects.toThrow();
    await db.deleteFrom('users').where('id', '=', 'u-1').execute();
    expect(await db.selectFrom('export_links').selectAll().execute()).toEqual([]);

    expect(await migrateTo(db, PREVIOUS)).toEqual([THIS]);
    await expect(db.selectFrom('export_links').selectAll().execute()).rejects.toThrow();
    await expect(db.selectFrom('catalog_items').select('draft_record').execute()).rejects.toThrow();
  });
});
