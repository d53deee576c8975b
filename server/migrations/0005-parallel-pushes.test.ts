// Migration 0005 on a database that already holds records and desks with cursors: the records keep
// their versions at transaction 0, a cursor from before reads as a position, new writes come after.

import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo } from '../db/migrate';
import { LATEST_MIGRATION } from './index';
import { jsonb, toNumber } from '../db/values';
import { upsertInteractions } from '../interactions/interaction-store';
import { readDatabaseId } from '../sync/cursor';
import { pull } from '../sync/pull';
import { describeMigration } from '../testing/test-databases';

const interactionRow = (id: string, seq: number, version: number) => ({
  id,
  seq,
  number: `IMS${String(seq).padStart(7, '0')}`,
  state: 'New',
  opened_for: 'u-1',
  assignment_group: null,
  assigned_to: null,
  opened_at: '2026-11-23T10:00:00.000Z',
  updated_at: '2026-11-23T10:00:00.000Z',
  version,
  record: jsonb({ id, number: `IMS${String(seq).padStart(7, '0')}` }),
});

describeMigration('0005-parallel-pushes', (database) => {
  it('goes up on a database at 0004 holding records, keeping their order for old cursors', async () => {
    const { db } = database();
    await migrateTo(db, '0004-incidents-requests-catalog');
    await db.updateTable('sync_state').set({ version: 12 }).execute();
    await db
      .insertInto('interactions')
      .values([interactionRow('i-1', 1001, 5), interactionRow('i-2', 1002, 9)])
      .execute();

    expect(await migrateTo(db, '0005-parallel-pushes')).toEqual(['0005-parallel-pushes']);

    const rows = await sql<{
      id: string;
      version: string | number;
      xid: string;
    }>`SELECT id, version, change_xid::text AS xid FROM interactions ORDER BY id`.execute(db);
    expect(rows.rows.map((r) => [r.id, toNumber(r.version), r.xid])).toEqual([
      ['i-1', 5, '0'],
      ['i-2', 9, '0'],
    ]);

    // The server pulls on the latest schema (later kinds have their tables), so go there first.
    await migrateTo(db, LATEST_MIGRATION);
    // A desk that pulled up to version 5 before the upgrade gets i-2, then what comes after.
    const databaseId = await readDatabaseId(db);
    const legacy = await pull(db, { clientId: 'desk-a', cursor: `${databaseId}.5` });
    expect(legacy.interactions.map((i) => i.id)).toEqual(['i-2']);
    expect(legacy.reset).toBe(false);

    await db.transaction().execute((trx) =>
      upsertInteractions(trx, [
        {
          // Only the columns matter here; the record column holds what it is given.
          record: {
            id: 'i-3',
            number: 'IMS0001003',
            state: 'New',
            openedFor: 'u-1',
            assignmentGroup: null,
            assignedTo: null,
            openedAt: '2026-11-23T11:00:00.000Z',
            updatedAt: '2026-11-23T11:00:00.000Z',
          } as never,
          seq: 1003,
        },
      ]),
    );
    const next = await pull(db, { clientId: 'desk-a', cursor: legacy.cursor });
    expect(next.interactions.map((i) => i.id)).toEqual(['i-3']);
    const written = await sql<{
      version: string | number;
    }>`SELECT version FROM interactions WHERE id = 'i-3'`.execute(db);
    // The sequence starts past the versions handed out before, so versions stay unique.
    expect(toNumber(written.rows[0]?.version ?? 0)).toBeGreaterThan(12);

    // A cursor from beyond the old head starts the desk over, as before.
    expect((await pull(db, { clientId: 'desk-a', cursor: `${databaseId}.13` })).reset).toBe(true);
  });

  it('goes down again', async () => {
    const { db } = database();
    const undone = await migrateTo(db, '0004-incidents-requests-catalog');
    expect(undone.at(-1)).toBe('0005-parallel-pushes');
    expect(undone).not.toContain('0004-incidents-requests-catalog');
  });
});
