// Migration 0015 on a database at 0014 holding one record of each kind and a user: their words are
// searchable at once (the generated columns fill existing rows), the GIN indexes exist, and down
// undoes all of it.

import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo } from '../db/migrate';
import { describeMigration } from '../testing/test-databases';

const PREVIOUS = '0014-figure-indexes';
const THIS = '0015-history-search';

describeMigration(THIS, (database) => {
  it('makes the records’ words and the users’ names searchable, and goes down', async () => {
    const { db } = database();
    await migrateTo(db, PREVIOUS);
    const json = (value: unknown) => JSON.stringify(value);
    await sql`INSERT INTO interactions (id, seq, number, state, opened_at, updated_at, version,
          change_xid, record)
        VALUES ('i-1', 1001, 'IMS0001001', 'Closed Complete', '2026-01-05T09:00Z',
          '2026-01-05T09:00Z', 1, pg_current_xact_id(),
          ${json({ shortDescription: 'Printer jams on floor 3', description: 'Tray two' })}::jsonb)`.execute(
      db,
    );
    await sql`INSERT INTO incidents (id, seq, number, state, caller, opened_at, updated_at,
          version, change_xid, record)
        VALUES ('inc-1', 1001, 'INC0001001', 'New', 'user-1', '2026-01-05T09:00Z',
          '2026-01-05T09:00Z', 2, pg_current_xact_id(),
          ${json({ shortDescription: 'VPN drops every hour' })}::jsonb)`.execute(db);
    await sql`INSERT INTO requests (id, seq, number, state, requested_for, catalog_item,
          opened_at, updated_at, version, change_xid, record)
        VALUES ('req-1', 1001, 'REQ0001001', 'Open', 'user-1', 'cat-1', '2026-01-05T09:00Z',
          '2026-01-05T09:00Z', 3, pg_current_xact_id(),
          ${json({ shortDescription: 'New laptop' })}::jsonb)`.execute(db);
    await sql`INSERT INTO users (id, user_name, first_name, last_name, name, email, phone,
          employee_id, department, location, version)
        VALUES ('user-1', 'ada.lovelace', 'Ada', 'Lovelace', 'Ada Lovelace', 'ada@example.org',
          '', 'E1', 'Maths', 'London', 1)`.execute(db);

    expect(await migrateTo(db, THIS)).toEqual([THIS]);
    const found = async (table: string, words: string) =>
      (
        await sql<{ id: string }>`SELECT id FROM ${sql.table(table)}
            WHERE history_words @@ to_tsquery('simple', ${words}) ORDER BY id`.execute(db)
      ).rows.map((r) => r.id);
    expect(await found('interactions', 'print:* & jam:*')).toEqual(['i-1']);
    expect(await found('interactions', 'tray')).toEqual(['i-1']);
    expect(await found('interactions', 'vpn')).toEqual([]);
    expect(await found('incidents', 'vpn & hour:*')).toEqual(['inc-1']);
    expect(await found('requests', 'lapt:*')).toEqual(['req-1']);
    const callers = await sql<{ id: string }>`SELECT id FROM users
        WHERE to_tsvector('simple'::regconfig, name || ' ' || user_name)
          @@ to_tsquery('simple', 'love:*')`.execute(db);
    expect(callers.rows).toEqual([{ id: 'user-1' }]);
    // A row written after the migration gets its words from the generated column too.
    await sql`UPDATE interactions SET record = record || '{"shortDescription":"Monitor flickers"}'::jsonb
        WHERE id = 'i-1'`.execute(db);
    expect(await found('interactions', 'flicker:*')).toEqual(['i-1']);

    const indexes = async () =>
      (
        await sql<{ indexname: string }>`SELECT indexname FROM pg_indexes
            WHERE indexname LIKE '%history_words_idx' ORDER BY indexname`.execute(db)
      ).rows.map((r) => r.indexname);
    expect(await indexes()).toEqual([
      'incidents_history_words_idx',
      'interactions_history_words_idx',
      'requests_history_words_idx',
      'users_history_words_idx',
    ]);

    expect(await migrateTo(db, PREVIOUS)).toEqual([THIS]);
    await expect(sql`SELECT history_words FROM interactions`.execute(db)).rejects.toThrow();
    expect(await indexes()).toEqual([]);
    expect(await migrateTo(db, THIS)).toEqual([THIS]);
  });
});
