// `POST /api/v1/setup`: the first administrator, from the setup link an empty server printed,
// answered like sign-in. Thin: the rules live in setup-codes.ts; it never works once an admin exists.

import type { FastifyInstance } from 'fastify';
import { API_PREFIX, SetupRequest } from '../../shared/sync/server-api';
import { parseInput } from '../http/api-error';
import type { RouteDeps } from '../http/route-deps';
import type { RateWindow } from './routes';
import { createFirstAdmin, type FirstAdminDeps } from './setup-codes';

export function setupRoutes(
  app: FastifyInstance,
  { sessions }: Pick<RouteDeps, 'sessions'>,
  deps: FirstAdminDeps,
  limit: RateWindow | false,
): void {
  app.post(
    `${API_PREFIX}/setup`,
    // A code has 256 bits: the limit only keeps a flood from hashing passwords all day.
    limit ? { config: { rateLimit: { max: 20, timeWindow: limit.timeWindowMs } } } : {},
    async (request, reply) => {
      const input = parseInput(SetupRequest, request.body);
      const admin = await createFirstAdmin(deps, input);
      const session = await sessions.openFor(admin);
      request.log.info({ userName: admin.userName }, 'the first administrator was created');
      return reply.status(201).header('cache-control', 'no-store').send(session);
    },
  );
}
