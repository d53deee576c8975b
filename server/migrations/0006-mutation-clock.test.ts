// Migration 0006 on a database that already logged mutations: they stay, unmarked and with no
// applied time (as far as anyone knows, their desk time was used); new rows carry both.

import { expect, it } from 'vitest';
import { migrateTo } from '../db/migrate';
import { jsonb } from '../db/values';
import { describeMigration } from '../testing/test-databases';

const mutationRow = (mutationId: number) => ({
  client_id: 'desk-1',
  mutation_id: mutationId,
  name: 'interaction.create',
  args: jsonb({ id: `i-${mutationId}` }),
  at: '1999-01-01T00:00:00.000Z',
  actor_id: 'u-1',
  pushed_by: 'u-1',
  status: 'applied' as const,
  reason: null,
  received_at: new Date('2026-12-01T12:00:00.000Z'),
  digest: null,
});

describeMigration('0006-mutation-clock', (database) => {
  it('goes up on a database at 0005 holding mutations, leaving them unmarked', async () => {
    const { db } = database();
    await migrateTo(db, '0005-parallel-pushes');
    await db.insertInto('mutations').values(mutationRow(1)).execute();

    expect(await migrateTo(db, '0006-mutation-clock')).toEqual(['0006-mutation-clock']);
    await db
      .insertInto('mutations')
      .values({
        ...mutationRow(2),
        applied_at: '2026-11-01T12:00:00.000Z',
        clock_adjusted: true,
      })
      .execute();
    const rows = await db
      .selectFrom('mutations')
      .select(['mutation_id', 'at', 'applied_at', 'clock_adjusted'])
      .orderBy('mutation_id')
      .execute();
    expect(rows.map((r) => [Number(r.mutation_id), r.applied_at, r.clock_adjusted])).toEqual([
      [1, null, false],
      [2, '2026-11-01T12:00:00.000Z', true],
    ]);
  });

  it('goes down again', async () => {
    const { db } = database();
    expect(await migrateTo(db, '0005-parallel-pushes')).toEqual(['0006-mutation-clock']);
  });
});
