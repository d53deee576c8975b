// Opens the server's database: PostgreSQL when a connection string is given, else embedded
// PGlite in a data directory (or in memory). It never migrates; see migrate.ts.

import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Logger } from '../logger';
import { memoryPokeBus, postgresPokeBus, type PokeBus } from '../sync/poke-bus';
import { pgliteDialect } from './pglite-dialect';
import type { Database } from './schema';

export interface ServerDatabase {
  db: Kysely<Database>;
  kind: 'postgres' | 'pglite';
  pokes: PokeBus;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** `postgres://…`; when absent the embedded database is used. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files; absent means in memory (tests). */
  pgliteDir?: string | undefined;
  /** Connections per instance to PostgreSQL. */
  poolSize?: number;
  logger: Logger;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<ServerDatabase> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  if (options.pgliteDir) mkdirSync(options.pgliteDir, { recursive: true });
  const client = await PGlite.create(options.pgliteDir ? { dataDir: options.pgliteDir } : {});
  return usePglite(client, true);
}

/** Wraps an open PGlite; `owns` decides whether closing the server closes it too. */
export function usePglite(client: PGlite, owns: boolean): ServerDatabase {
  const db = new Kysely<Database>({ dialect: pgliteDialect(client, owns) });
  const pokes = memoryPokeBus();
  return {
    db,
    kind: 'pglite',
    pokes,
    close: async () => {
      await pokes.close();
      await db.destroy();
    },
  };
}

/**
 * The desk server answers many small statements at once (a pull reads a page and its linked
 * records by id), and PostgreSQL plans those over a large table in parallel: measured at 1,000,000
 * interactions on a loaded machine, starting the workers took 100–300 ms of a statement whose work
 * took 15–20 ms. So none: each statement runs in its own connection's process (ADR 0020).
 */
export const PARALLEL_WORKERS_PER_QUERY = 0;

async function openPostgres(
  connectionString: string,
  options: OpenDatabaseOptions,
): Promise<ServerDatabase> {
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    options: `-c max_parallel_workers_per_gather=${PARALLEL_WORKERS_PER_QUERY}`,
  });
  // An idle client that loses its server emits here; without a listener it would crash the process.
  pool.on('error', (error) =>
    options.logger.warn({ err: error }, 'idle PostgreSQL connection failed'),
  );
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    const pokes = await postgresPokeBus({
      connectionString,
      logger: options.logger,
      notify: async (channel, payload) => {
        await sql`SELECT pg_notify(${channel}, ${payload})`.execute(db);
      },
    });
    return {
      db,
      kind: 'postgres',
      pokes,
      close: async () => {
        await pokes.close();
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
