import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_MIGRATION, MIGRATIONS } from '../migrations';
import {
  DATABASE_HOOK_TIMEOUT_MS,
  testBackends,
  testDatabaseSource,
  type TestDatabaseSource,
} from '../testing/test-databases';
import { migrateToLatest, NewerDatabaseError } from './migrate';
import type { ServerDatabase } from './open-database';

for (const backend of testBackends()) {
  describe(`migrating to the latest schema [${backend}]`, () => {
    let source: TestDatabaseSource;
    let database: ServerDatabase;
    beforeAll(async () => {
      source = testDatabaseSource(backend);
      database = await source.fresh();
    }, DATABASE_HOOK_TIMEOUT_MS);
    afterAll(() => source.dispose(), DATABASE_HOOK_TIMEOUT_MS);

    it('applies every migration once, in order, and nothing the second time', async () => {
      expect(await migrateToLatest(database.db)).toEqual(Object.keys(MIGRATIONS));
      expect(Object.keys(MIGRATIONS).at(-1)).toBe(LATEST_MIGRATION);
      expect(await migrateToLatest(database.db)).toEqual([]);
    });

    it('refuses a database migrated by a newer server, naming what it does not know', async () => {
      await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', '2030-01-01')`.execute(
        database.db,
      );
      const error = await migrateToLatest(database.db).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NewerDatabaseError);
      expect((error as Error).message).toMatch(/newer Deskpad server \(9999-from-the-future\)/);
    });
  });
}
