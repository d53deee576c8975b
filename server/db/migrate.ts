// Brings the database to the schema this server was built for, with Kysely's Migrator (one
// transaction, a lock so several instances may start at once). Never runs a migration down.

import { Migrator, sql, type Kysely, type MigrationResultSet } from 'kysely';
import { MIGRATIONS } from '../migrations';
import type { Database } from './schema';

/** The database was written by a newer server: refusing is safer than guessing its schema. */
export class NewerDatabaseError extends Error {
  readonly unknownMigrations: string[];

  constructor(unknownMigrations: string[]) {
    super(
      `This database was migrated by a newer Deskpad server (${unknownMigrations.join(', ')}). ` +
        'Run that newer server, or point this one at another database (DATABASE_URL or --data).',
    );
    this.name = 'NewerDatabaseError';
    this.unknownMigrations = unknownMigrations;
  }
}

const migratorFor = (db: Kysely<Database>): Migrator =>
  new Migrator({ db, provider: { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) } });

async function executedMigrations(db: Kysely<Database>): Promise<string[]> {
  const exists = await sql<{
    name: string | null;
  }>`SELECT to_regclass('kysely_migration')::text AS name`.execute(db);
  if (!exists.rows[0]?.name) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(
    db,
  );
  return rows.rows.map((r) => r.name);
}

function check(result: MigrationResultSet): string[] {
  if (result.error)
    throw result.error instanceof Error
      ? result.error
      : new Error('Migration failed.', { cause: result.error });
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Applies every pending migration; answers the names it applied. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const unknown = (await executedMigrations(db)).filter((name) => !Object.hasOwn(MIGRATIONS, name));
  if (unknown.length > 0) throw new NewerDatabaseError(unknown);
  return check(await migratorFor(db).migrateToLatest());
}

/** For migration tests: stop at a given version. */
export async function migrateTo(db: Kysely<Database>, name: string): Promise<string[]> {
  return check(await migratorFor(db).migrateTo(name));
}
