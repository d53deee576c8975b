// Migration 0016 on a database at 0015: contact templates get their table and sequence; a location's
// template needs its location and an agent's its owner; one active name per location; every change
// takes a new version; down removes them.

import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo } from '../db/migrate';
import { describeMigration } from '../testing/test-databases';

const PREVIOUS = '0015-history-search';
const THIS = '0016-contact-templates';

describeMigration(THIS, (database) => {
  it('adds contact templates with their versions, and goes down', async () => {
    const { db } = database();
    await migrateTo(db, PREVIOUS);
    expect(await migrateTo(db, THIS)).toEqual([THIS]);

    const insert = (
      id: string,
      scope: string,
      location: string | null,
      owner: string | null,
      name: string,
    ) => sql`
        INSERT INTO contact_templates (id, scope, location, owner, name, updated_at)
        VALUES (${id}, ${scope}, ${location}, ${owner}, ${name}, now())`;
    await insert('t-1', 'location', 'loc-hq', null, 'Password reset').execute(db);
    await insert('t-2', 'agent', null, 'u-1', 'Password reset').execute(db);
    await expect(
      insert('t-3', 'location', 'loc-hq', null, 'PASSWORD RESET').execute(db),
    ).rejects.toThrow();
    await expect(
      insert('t-4', 'location', null, null, 'No location').execute(db),
    ).rejects.toThrow();
    await expect(insert('t-5', 'agent', null, null, 'No owner').execute(db)).rejects.toThrow();
    await sql`UPDATE contact_templates SET active = false WHERE id = 't-1'`.execute(db);
    await insert('t-6', 'location', 'loc-hq', null, 'Password reset').execute(db);
    const versions = await sql<{ id: string; version: string | number }>`
        SELECT id, version FROM contact_templates ORDER BY version`
      .execute(db)
      .then((r) => r.rows.map((row) => [row.id, Number(row.version)]));
    expect(versions.map(([id]) => id)).toEqual(['t-1', 't-2', 't-6']);
    expect(new Set(versions.map(([, v]) => v)).size).toBe(3);

    expect(await migrateTo(db, PREVIOUS)).toEqual([THIS]);
    await expect(sql`SELECT 1 FROM contact_templates`.execute(db)).rejects.toThrow();
    expect(await migrateTo(db, THIS)).toEqual([THIS]);
  });
});
