// A real desk server for the store host's *.with-server tests: PGlite, migrated, the demo seeded,
// listening on a loopback port, with the demo agent to sign in as. Imported by tests only.

import type { FastifyInstance } from 'fastify';
import { buildServer } from '../app';
import { migrateToLatest } from '../db/migrate';
import { openDatabase, type ServerDatabase } from '../db/open-database';
import { DEMO_PASSWORD, seedDemo, type DemoOptions } from '../demo/seed';
import { silentLogger } from '../logger';
import { fixtureClock } from './fixtures';

export interface DemoServer {
  database: ServerDatabase;
  app: FastifyInstance;
  serverUrl: string;
  /** Who a desk signs in as. */
  agent: { userName: string; password: string };
  /** Stops listening (dropping open connections, such as poke streams) and closes the database. */
  close(): Promise<void>;
}

/** The demo seeded with `seed` (at the fixtures' clock) on a fresh PGlite, served on 127.0.0.1. */
export async function startDemoServer(seed: Omit<DemoOptions, 'now'> = {}): Promise<DemoServer> {
  const database = await openDatabase({ logger: silentLogger() });
  await migrateToLatest(database.db);
  await seedDemo(database.db, { ...seed, now: fixtureClock });
  const app = await buildServer({
    database,
    now: fixtureClock,
    signInRateLimit: false,
    sseHeartbeatMs: 60_000,
  });
  const serverUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    database,
    app,
    serverUrl,
    agent: { userName: 'demo.agent', password: DEMO_PASSWORD },
    async close() {
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
      await database.close();
    },
  };
}
