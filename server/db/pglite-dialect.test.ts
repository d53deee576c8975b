import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_HOOK_TIMEOUT_MS } from '../testing/test-databases';
import { pgliteDialect } from './pglite-dialect';

interface Counter {
  counter: { id: number; value: number };
}

describe('the PGlite dialect', () => {
  let client: PGlite;
  let db: Kysely<Counter>;
  beforeAll(async () => {
    client = await PGlite.create();
    db = new Kysely<Counter>({ dialect: pgliteDialect(client) });
    await sql`CREATE TABLE counter (id int PRIMARY KEY, value int NOT NULL)`.execute(db);
    await db.insertInto('counter').values({ id: 1, value: 0 }).execute();
  }, DATABASE_HOOK_TIMEOUT_MS);
  afterAll(() => db.destroy());

  it('keeps concurrent transactions apart: none sees or undoes another’s half-done work', async () => {
    const increment = (fail: boolean) =>
      db.transaction().execute(async (trx) => {
        const { value } = await trx
          .selectFrom('counter')
          .select('value')
          .where('id', '=', 1)
          .executeTakeFirstOrThrow();
        await new Promise((resolve) => setTimeout(resolve, 1));
        await trx
          .updateTable('counter')
          .set({ value: value + 1 })
          .where('id', '=', 1)
          .execute();
        if (fail) throw new Error('rolled back on purpose');
      });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => increment(i % 5 === 0)),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(4);
    const { value } = await db
      .selectFrom('counter')
      .select('value')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    expect(value).toBe(16);
  });

  it('runs a transaction at the isolation level asked for', async () => {
    const level = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute((trx) =>
        sql<{ level: string }>`SELECT current_setting('transaction_isolation') AS level`.execute(
          trx,
        ),
      );
    expect(level.rows[0]?.level).toBe('repeatable read');
  });

  it('reports affected rows', async () => {
    const result = await db.updateTable('counter').set({ value: 0 }).execute();
    expect(result[0]?.numUpdatedRows).toBe(1n);
  });
});
