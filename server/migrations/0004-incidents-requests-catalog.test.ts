// Migration 0004 on a database that already holds interactions: it keeps them and the counters,
// and its tables hold one row per number, sequence value and change version.

import { expect, it } from 'vitest';
import { migrateTo } from '../db/migrate';
import { jsonb, toNumber } from '../db/values';
import { describeMigration } from '../testing/test-databases';

const taskRow = (id: string, seq: number, version: number) => ({
  id,
  seq,
  number: `INC${String(seq).padStart(7, '0')}`,
  state: 'New',
  caller: 'u-1',
  component: null,
  assignment_group: 'g-1',
  assigned_to: null,
  opened_at: '2026-11-23T10:00:00.000Z',
  updated_at: '2026-11-23T10:00:00.000Z',
  version,
  record: jsonb({ id }),
});

describeMigration('0004-incidents-requests-catalog', (database) => {
  it('goes up on a database at 0003 holding interactions, keeping them and the counters', async () => {
    const { db } = database();
    await migrateTo(db, '0003-mutation-digests');
    await db.updateTable('sync_state').set({ version: 7 }).execute();
    await db
      .updateTable('numbering')
      .set({ last_value: 1004 })
      .where('kind', '=', 'interaction')
      .execute();
    await db
      .insertInto('interactions')
      .values({
        id: 'i-1',
        seq: 1004,
        number: 'IMS0001004',
        state: 'New',
        opened_for: 'u-1',
        assignment_group: null,
        assigned_to: null,
        opened_at: '2026-11-23T10:00:00.000Z',
        updated_at: '2026-11-23T10:00:00.000Z',
        version: 7,
        record: jsonb({ id: 'i-1' }),
      })
      .execute();

    expect(await migrateTo(db, '0004-incidents-requests-catalog')).toEqual([
      '0004-incidents-requests-catalog',
    ]);

    expect(await db.selectFrom('interactions').select(['id', 'number']).execute()).toEqual([
      { id: 'i-1', number: 'IMS0001004' },
    ]);
    const version = await db.selectFrom('sync_state').select('version').executeTakeFirstOrThrow();
    expect(toNumber(version.version)).toBe(7);
    const numbering = await db.selectFrom('numbering').selectAll().orderBy('kind').execute();
    expect(numbering.map((n) => [n.kind, toNumber(n.last_value)])).toEqual([
      ['incident', 1000],
      ['interaction', 1004],
      ['request', 1000],
    ]);
    for (const table of ['incidents', 'requests', 'catalog_items'] as const)
      expect(await db.selectFrom(table).selectAll().execute()).toEqual([]);
  });

  it('keeps one row per incident number, sequence value and change version', async () => {
    const { db } = database();
    await db
      .insertInto('incidents')
      .values(taskRow('inc-1', 1001, 8))
      .execute();
    await expect(
      db
        .insertInto('incidents')
        .values({ ...taskRow('inc-2', 1002, 9), number: 'INC0001001' })
        .execute(),
    ).rejects.toThrow(/incidents_number_key/);
    await expect(
      db
        .insertInto('incidents')
        .values(taskRow('inc-2', 1001, 9))
        .execute(),
    ).rejects.toThrow(/incidents_seq_key/);
    await expect(
      db
        .insertInto('incidents')
        .values(taskRow('inc-2', 1002, 8))
        .execute(),
    ).rejects.toThrow(/incidents_version_key/);
  });

  it('stores requests with their catalog item and request forms as jsonb', async () => {
    const { db } = database();
    await db
      .insertInto('requests')
      .values({
        id: 'req-1',
        seq: 1001,
        number: 'REQ0001001',
        state: 'Open',
        requested_for: 'u-1',
        catalog_item: 'cat-1',
        assignment_group: null,
        assigned_to: null,
        opened_at: '2026-11-23T10:00:00.000Z',
        updated_at: '2026-11-23T10:00:00.000Z',
        version: 10,
        record: jsonb({ id: 'req-1', answers: { model: 'pro' } }),
      })
      .execute();
    await db
      .insertInto('catalog_items')
      .values({
        id: 'cat-1',
        name: 'Laptop',
        category: 'Hardware',
        active: true,
        version: 11,
        record: jsonb({ id: 'cat-1', fields: [] }),
      })
      .execute();
    const request = await db.selectFrom('requests').select('record').executeTakeFirstOrThrow();
    expect(request.record).toEqual({ id: 'req-1', answers: { model: 'pro' } });
    const item = await db
      .selectFrom('catalog_items')
      .select(['active', 'record'])
      .executeTakeFirstOrThrow();
    expect(item).toEqual({ active: true, record: { id: 'cat-1', fields: [] } });
  });

  it('goes down to 0003 and up again', async () => {
    const { db } = database();
    expect(await migrateTo(db, '0003-mutation-digests')).toEqual([
      '0004-incidents-requests-catalog',
    ]);
    await expect(db.selectFrom('incidents').selectAll().execute()).rejects.toThrow(/incidents/);
    expect(await db.selectFrom('interactions').select('id').execute()).toEqual([{ id: 'i-1' }]);
    expect(await migrateTo(db, '0004-incidents-requests-catalog')).toEqual([
      '0004-incidents-requests-catalog',
    ]);
    expect(await db.selectFrom('incidents').selectAll().execute()).toEqual([]);
  });
});
