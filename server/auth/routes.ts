// The session endpoints: sign in with user name and password, ask who the token belongs to,
// sign out. Handlers stay thin: the rules live in sessions.ts.

import type { FastifyInstance } from 'fastify';
import {
  API_PREFIX,
  SignInRequest,
  type CurrentSessionResponse,
} from '../../shared/sync/server-api';
import { parseInput } from '../http/api-error';
import { ANY_ROLE, type RouteDeps } from '../http/route-deps';

export interface SessionRouteOptions {
  /** A coarse per-address limit on sign-in requests, on top of the per-user lockout. */
  signInRateLimit: { max: number; timeWindowMs: number } | false;
}

export function sessionRoutes(
  app: FastifyInstance,
  { sessions }: RouteDeps,
  options: SessionRouteOptions,
): void {
  app.post(
    `${API_PREFIX}/sessions`,
    options.signInRateLimit
      ? {
          config: {
            rateLimit: {
              max: options.signInRateLimit.max,
              timeWindow: options.signInRateLimit.timeWindowMs,
            },
          },
        }
      : {},
    async (request, reply) => {
      const input = parseInput(SignInRequest, request.body);
      const session = await sessions.signIn(input.userName, input.password, request.ip);
      return reply.status(201).send(session);
    },
  );

  app.get(`${API_PREFIX}/sessions/current`, async (request): Promise<CurrentSessionResponse> => {
    const { agent, expiresAt } = await sessions.authenticate(
      request.headers.authorization,
      ANY_ROLE,
    );
    return { agent, expiresAt: expiresAt.toISOString() };
  });

  app.delete(`${API_PREFIX}/sessions/current`, async (request, reply) => {
    const signedIn = await sessions.authenticate(request.headers.authorization, ANY_ROLE);
    await sessions.signOut(signedIn);
    return reply.status(204).send();
  });
}
