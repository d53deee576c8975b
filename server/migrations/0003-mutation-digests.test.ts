import { expect, it } from 'vitest';
import { migrateTo } from '../db/migrate';
import { jsonb, toNumber } from '../db/values';
import { describeMigration } from '../testing/test-databases';

const mutationRow = (mutationId: number) => ({
  client_id: 'desk-1',
  mutation_id: mutationId,
  name: 'interaction.create',
  args: jsonb({ id: `i-${mutationId}` }),
  at: '2026-11-23T10:00:00.000Z',
  actor_id: 'u-1',
  pushed_by: 'u-1',
  status: 'applied' as const,
  reason: null,
  received_at: new Date(),
});

describeMigration('0003-mutation-digests', (database) => {
  it('goes up on a database at 0002 holding mutations, keeping them without a digest', async () => {
    const { db } = database();
    await migrateTo(db, '0002-interactions-and-sync');
    await db.insertInto('mutations').values(mutationRow(1)).execute();
    await db
      .insertInto('clients')
      .values({
        client_id: 'desk-1',
        last_mutation_id: 1,
        last_user_id: 'u-1',
        updated_at: new Date(),
      })
      .execute();

    expect(await migrateTo(db, '0003-mutation-digests')).toEqual(['0003-mutation-digests']);

    const kept = await db
      .selectFrom('mutations')
      .select(['client_id', 'mutation_id', 'name', 'digest'])
      .execute();
    expect(kept.map((r) => ({ ...r, mutation_id: toNumber(r.mutation_id) }))).toEqual([
      { client_id: 'desk-1', mutation_id: 1, name: 'interaction.create', digest: null },
    ]);
    const client = await db.selectFrom('clients').select('last_mutation_id').executeTakeFirst();
    expect(toNumber(client?.last_mutation_id ?? 0)).toBe(1);
  });

  it('records a digest beside a new mutation', async () => {
    const { db } = database();
    await db
      .insertInto('mutations')
      .values({ ...mutationRow(2), digest: 'abc' })
      .execute();
    const row = await db
      .selectFrom('mutations')
      .select('digest')
      .where('mutation_id', '=', 2)
      .executeTakeFirst();
    expect(row?.digest).toBe('abc');
  });
});
