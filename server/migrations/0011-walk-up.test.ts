// Migration 0011 on a database at 0010 with a user and a location: visits get their table and the
// next visit number, the location keeps its row with the walk-up defaults, the user gets an empty
// badge number; a visit's number and position are unique; down undoes all of it.

import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo } from '../db/migrate';
import { describeMigration } from '../testing/test-databases';

const PREVIOUS = '0010-catalog-drafts-and-exports';
const THIS = '0011-walk-up';

describeMigration(THIS, (database) => {
  it('adds visits, the walk-up settings and badge numbers, and goes down', async () => {
    const { db } = database();
    await migrateTo(db, PREVIOUS);
    await sql`INSERT INTO users (id, user_name, first_name, last_name, name, email, phone,
          employee_id, department, location, vip, roles, version)
        VALUES ('u-1', 'ana.ruiz', 'Ana', 'Ruiz', 'Ana Ruiz', '', '', '', '', '', false, '{agent}', 1)`.execute(
      db,
    );
    await sql`INSERT INTO locations (id, name, version) VALUES ('loc-hq', 'Service Desk — HQ', 1)`.execute(
      db,
    );

    expect(await migrateTo(db, THIS)).toEqual([THIS]);
    expect(
      await sql<Record<string, unknown>>`SELECT id, name, reasons, vip_first, grace_minutes,
            lobby_names, wait_target_minutes FROM locations`
        .execute(db)
        .then((r) => r.rows),
    ).toEqual([
      {
        id: 'loc-hq',
        name: 'Service Desk — HQ',
        reasons: [],
        vip_first: true,
        grace_minutes: 3,
        lobby_names: 'first-name-last-initial',
        wait_target_minutes: 10,
      },
    ]);
    expect(
      await sql<{ badge_number: string }>`SELECT badge_number FROM users`
        .execute(db)
        .then((r) => r.rows),
    ).toEqual([{ badge_number: '' }]);
    expect(
      await sql<{
        last_value: string | number;
      }>`SELECT last_value FROM numbering WHERE kind = 'visit'`
        .execute(db)
        .then((r) => r.rows.map((row) => Number(row.last_value))),
    ).toEqual([1000]);

    const visit = (id: string, seq: number, version: number) => sql`
        INSERT INTO visits (id, seq, number, state, location, person, opened_at, updated_at,
          version, change_xid, record)
        VALUES (${id}, ${seq}, ${`VIS000${seq}`}, 'Waiting', 'loc-hq', 'u-1', now(), now(),
          ${version}, pg_current_xact_id(), ${JSON.stringify({ id })}::jsonb)`;
    await visit('v-1', 1001, 1).execute(db);
    await expect(visit('v-2', 1001, 2).execute(db)).rejects.toThrow();
    await expect(visit('v-3', 1003, 1).execute(db)).rejects.toThrow();
    expect(
      await sql<{ id: string; record: unknown }>`SELECT id, record FROM visits`
        .execute(db)
        .then((r) => r.rows),
    ).toEqual([{ id: 'v-1', record: { id: 'v-1' } }]);

    expect(await migrateTo(db, PREVIOUS)).toEqual([THIS]);
    await expect(sql`SELECT 1 FROM visits`.execute(db)).rejects.toThrow();
    await expect(sql`SELECT badge_number FROM users`.execute(db)).rejects.toThrow();
    await expect(sql`SELECT reasons FROM locations`.execute(db)).rejects.toThrow();
    expect(
      await sql`SELECT 1 FROM numbering WHERE kind = 'visit'`.execute(db).then((r) => r.rows),
    ).toEqual([]);
    expect(
      await sql<{ name: string }>`SELECT name FROM locations`.execute(db).then((r) => r.rows),
    ).toEqual([{ name: 'Service Desk — HQ' }]);
    // And up again, as an upgrade after a downgrade.
    expect(await migrateTo(db, THIS)).toEqual([THIS]);
  });
});
