// Migration 0012 on a database at 0011 with a location: calls, integrations, phone queues and the
// CTI event log get their tables and calls their numbering; the location keeps its row with an
// empty block list and no wrap-up codes; a call's phone-system id is unique per integration, a live
// integration's name unique; down undoes all of it.

import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo } from '../db/migrate';
import { describeMigration } from '../testing/test-databases';

const PREVIOUS = '0011-walk-up';
const THIS = '0012-phone';

describeMigration(THIS, (database) => {
  it('adds calls, integrations, phone queues, block lists and wrap-up codes, and goes down', async () => {
    const { db } = database();
    await migrateTo(db, PREVIOUS);
    await sql`INSERT INTO locations (id, name, version) VALUES ('loc-hq', 'Service Desk — HQ', 1)`.execute(
      db,
    );

    expect(await migrateTo(db, THIS)).toEqual([THIS]);
    expect(
      await sql<Record<string, unknown>>`SELECT id, blocked_numbers, wrap_up_codes FROM locations`
        .execute(db)
        .then((r) => r.rows),
    ).toEqual([{ id: 'loc-hq', blocked_numbers: [], wrap_up_codes: [] }]);
    expect(
      await sql<{
        last_value: string | number;
      }>`SELECT last_value FROM numbering WHERE kind = 'call'`
        .execute(db)
        .then((r) => r.rows.map((row) => Number(row.last_value))),
    ).toEqual([1000]);

    const integration = (id: string, name: string, hash: string) => sql`
        INSERT INTO integrations (id, name, token_hash, location, created_by)
        VALUES (${id}, ${name}, ${hash}, 'loc-hq', 'admin-1')`;
    await integration('int-1', 'Asterisk', 'h1').execute(db);
    await expect(integration('int-2', 'asterisk', 'h2').execute(db)).rejects.toThrow();
    await sql`UPDATE integrations SET revoked_at = now() WHERE id = 'int-1'`.execute(db);
    await integration('int-2', 'asterisk', 'h2').execute(db);

    const call = (id: string, seq: number, callId: string) => sql`
        INSERT INTO calls (id, seq, number, integration, call_id, state, opened_at, updated_at,
          version, change_xid, record)
        VALUES (${id}, ${seq}, ${`CAL000${seq}`}, 'int-2', ${callId}, 'Ringing', now(), now(),
          ${seq}, pg_current_xact_id(), ${JSON.stringify({ id })}::jsonb)`;
    await call('c-1', 1001, 'abc').execute(db);
    await expect(call('c-2', 1002, 'abc').execute(db)).rejects.toThrow();
    await call('c-3', 1003, 'def').execute(db);
    await sql`INSERT INTO phone_queues (id, name, group_id) VALUES ('q-1', 'Support', 'g-1')`.execute(
      db,
    );
    await expect(
      sql`INSERT INTO phone_queues (id, name, group_id) VALUES ('q-2', 'SUPPORT', 'g-2')`.execute(
        db,
      ),
    ).rejects.toThrow();
    await sql`INSERT INTO cti_events (integration, call_id, event, body, outcome)
        VALUES ('int-2', 'abc', 'newCall', '{}'::jsonb, 'applied')`.execute(db);

    expect(await migrateTo(db, PREVIOUS)).toEqual([THIS]);
    for (const table of ['calls', 'integrations', 'phone_queues', 'cti_events'])
      await expect(sql`SELECT 1 FROM ${sql.table(table)}`.execute(db)).rejects.toThrow();
    await expect(sql`SELECT blocked_numbers FROM locations`.execute(db)).rejects.toThrow();
    expect(
      await sql`SELECT 1 FROM numbering WHERE kind = 'call'`.execute(db).then((r) => r.rows),
    ).toEqual([]);
    expect(
      await sql<{ name: string }>`SELECT name FROM locations`.execute(db).then((r) => r.rows),
    ).toEqual([{ name: 'Service Desk — HQ' }]);
    expect(await migrateTo(db, THIS)).toEqual([THIS]);
  });
});
