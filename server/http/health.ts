// `/health` (the process answers and its database does) and `/ready` (the database holds the
// schema this server was built for, and the server is not stopping). Never writes anything.

import { sql, type Kysely } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../shared/sync/server-api';
import type { Database } from '../db/schema';
import { MIGRATIONS } from '../migrations';

/** A database that has not answered by then counts as down: a probe must not hang. */
export const HEALTH_QUERY_TIMEOUT_MS = 2_000;

function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

async function databaseAnswers(db: Kysely<Database>): Promise<boolean> {
  try {
    const result = await withinTime(
      sql<{ one: number }>`SELECT 1 AS one`.execute(db),
      HEALTH_QUERY_TIMEOUT_MS,
    );
    return Number(result.rows[0]?.one) === 1;
  } catch {
    return false;
  }
}

async function schemaIsCurrent(db: Kysely<Database>): Promise<boolean> {
  try {
    const rows = await withinTime(
      sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db),
      HEALTH_QUERY_TIMEOUT_MS,
    );
    const applied = new Set(rows.rows.map((r) => r.name));
    return Object.keys(MIGRATIONS).every((name) => applied.has(name));
  } catch {
    return false;
  }
}

export function healthRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  let stopping = false;
  app.addHook('preClose', (done) => {
    stopping = true;
    done();
  });

  app.get(`${API_PREFIX}/health`, async (request, reply) => {
    if (await databaseAnswers(db)) return reply.send({ ok: true, database: 'ok' });
    request.log.warn('health: the database does not answer');
    return reply.status(503).send({ ok: false, database: 'unreachable' });
  });

  app.get(`${API_PREFIX}/ready`, async (_request, reply) => {
    if (stopping) return reply.status(503).send({ ready: false, reason: 'stopping' });
    if (!(await databaseAnswers(db)))
      return reply.status(503).send({ ready: false, reason: 'database-unreachable' });
    if (!(await schemaIsCurrent(db)))
      return reply.status(503).send({ ready: false, reason: 'database-not-migrated' });
    return reply.send({ ready: true });
  });
}
