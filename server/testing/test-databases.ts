// Gives server tests their databases: embedded PGlite always, real PostgreSQL when DATABASE_URL
// or DESKPAD_TEST_PG=1 asks for it. Each test file gets its own databases and removes them after.

import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { migrateToLatest } from '../db/migrate';
import { openDatabase, type ServerDatabase } from '../db/open-database';
import { silentLogger } from '../logger';
import { startPgCluster, type PgCluster } from './pg-cluster';

export type Backend = 'pglite' | 'postgres';

/** PostgreSQL runs when asked: DATABASE_URL (an existing server) or DESKPAD_TEST_PG=1 (a throwaway cluster). */
export function testBackends(): Backend[] {
  const wanted = Boolean(process.env.DATABASE_URL) || process.env.DESKPAD_TEST_PG === '1';
  return wanted ? ['pglite', 'postgres'] : ['pglite'];
}

/** Creating a PGlite database costs seconds on a small machine. */
export const DATABASE_HOOK_TIMEOUT_MS = 120_000;

export interface TestDatabaseSource {
  backend: Backend;
  /** A new empty database (not migrated). */
  fresh(): Promise<ServerDatabase>;
  /** Another connection to a database `fresh` made (PostgreSQL only: a second server instance). */
  reopen(database: ServerDatabase): Promise<ServerDatabase>;
  dispose(): Promise<void>;
}

export function testDatabaseSource(backend: Backend): TestDatabaseSource {
  const opened: ServerDatabase[] = [];
  const urls = new Map<ServerDatabase, string>();
  const created: string[] = [];
  let cluster: PgCluster | null = null;
  let adminUrl: string | null = null;

  const adminConnection = async (): Promise<string> => {
    if (adminUrl) return adminUrl;
    if (process.env.DATABASE_URL) adminUrl = process.env.DATABASE_URL;
    else {
      cluster = await startPgCluster();
      adminUrl = cluster.url();
    }
    return adminUrl;
  };

  const track = (database: ServerDatabase): ServerDatabase => {
    opened.push(database);
    return database;
  };

  return {
    backend,
    fresh: async () => {
      if (backend === 'pglite') return track(await openDatabase({ logger: silentLogger() }));
      const admin = await adminConnection();
      const name = `deskpad_test_${randomBytes(6).toString('hex')}`;
      await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
      created.push(name);
      const url = withDatabase(admin, name);
      const database = track(
        await openDatabase({ databaseUrl: url, logger: silentLogger(), poolSize: 20 }),
      );
      urls.set(database, url);
      return database;
    },
    reopen: async (database) => {
      const url = urls.get(database);
      if (!url) throw new Error('reopen needs a PostgreSQL database made by fresh()');
      return track(await openDatabase({ databaseUrl: url, logger: silentLogger(), poolSize: 20 }));
    },
    dispose: async () => {
      for (const database of opened.splice(0)) await database.close().catch(() => undefined);
      if (adminUrl && process.env.DATABASE_URL) {
        for (const name of created)
          await withClient(adminUrl, (c) =>
            c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
          );
      }
      if (cluster) await cluster.stop();
    },
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Tables a reset keeps (emptied otherwise would break the database): counters and migrations. */
const KEPT_TABLES = new Set(['server_meta', 'sync_state', 'numbering']);
/**
 * The order a reset locks tables in: the directory feed's read order first (a read-ahead of the
 * previous test may still be reading them), so the TRUNCATE never waits in a cycle; then the rest.
 */
const TRUNCATE_FIRST = [
  'users',
  'groups',
  'group_members',
  'configuration_items',
  'catalog_items',
  'locations',
  'sessions',
  'login_failures',
  'interactions',
  'incidents',
  'requests',
  'clients',
  'mutations',
];
const truncateRank = (table: string): number => {
  const rank = TRUNCATE_FIRST.indexOf(table);
  return rank === -1 ? TRUNCATE_FIRST.length : rank;
};

/** Empties every table and puts the counters back, so each test starts from a new database. */
export async function resetDatabase(database: ServerDatabase): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    // Every table of ours, whichever migration added it, so a new table never leaks between tests.
    const { rows } = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables
      WHERE schemaname = current_schema() AND tablename NOT LIKE 'kysely_%'`.execute(trx);
    const tables = rows
      .map((r) => r.name)
      .filter((name) => !KEPT_TABLES.has(name))
      .sort((a, b) => truncateRank(a) - truncateRank(b) || a.localeCompare(b));
    await sql
      .raw(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`)
      .execute(trx);
    await sql`UPDATE sync_state SET version = 0`.execute(trx);
    await sql`UPDATE numbering SET last_value = 1000`.execute(trx);
    await sql`DELETE FROM server_meta WHERE key <> 'database_id'`.execute(trx);
  });
}

export interface DatabaseSuite {
  backend: Backend;
  /** The migrated database of this suite, emptied before each test. */
  database(): ServerDatabase;
  source(): TestDatabaseSource;
}

/** Runs the same tests once per backend: `describe('push [pglite]')`, `describe('push [postgres]')`. */
export function describeOnDatabases(title: string, body: (suite: DatabaseSuite) => void): void {
  for (const backend of testBackends()) {
    describe(`${title} [${backend}]`, () => {
      let source: TestDatabaseSource | null = null;
      let database: ServerDatabase | null = null;
      beforeAll(async () => {
        source = testDatabaseSource(backend);
        database = await source.fresh();
        await migrateToLatest(database.db);
      }, DATABASE_HOOK_TIMEOUT_MS);
      beforeEach(async () => {
        if (database) await resetDatabase(database);
      });
      afterAll(async () => {
        await source?.dispose();
      }, DATABASE_HOOK_TIMEOUT_MS);
      body({
        backend,
        database: () => {
          if (!database) throw new Error('the database is not open yet');
          return database;
        },
        source: () => {
          if (!source) throw new Error('the database source is not ready yet');
          return source;
        },
      });
    });
  }
}

/**
 * A migration's tests, once per backend (`describe('migration 0011-walk-up [pglite]')`), on one new
 * database that no migration has touched yet: each test migrates it where it needs it.
 */
export function describeMigration(
  migration: string,
  body: (database: () => ServerDatabase) => void,
): void {
  for (const backend of testBackends()) {
    describe(`migration ${migration} [${backend}]`, () => {
      let source: TestDatabaseSource | null = null;
      let database: ServerDatabase | null = null;
      beforeAll(async () => {
        source = testDatabaseSource(backend);
        database = await source.fresh();
      }, DATABASE_HOOK_TIMEOUT_MS);
      afterAll(async () => {
        await source?.dispose();
      }, DATABASE_HOOK_TIMEOUT_MS);
      body(() => {
        if (!database) throw new Error('the database is not open yet');
        return database;
      });
    });
  }
}
