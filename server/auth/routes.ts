// The session endpoints: sign in with user name and password, ask who the token belongs to,
// sign out. Handlers stay thin: the rules live in sessions.ts, the request limits here.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  API_PREFIX,
  SignInRequest,
  type CurrentSessionResponse,
} from '../../shared/sync/server-api';
import { ApiError, parseInput } from '../http/api-error';
import { ANY_ROLE, type RouteDeps } from '../http/route-deps';

export interface RateWindow {
  max: number;
  timeWindowMs: number;
}

/**
 * How often sign-in may be tried, counted in memory per server instance, before the password is
 * checked at all (on top of the per-account growing wait in sessions.ts, which the database keeps).
 */
export const DEFAULT_SIGN_IN_LIMITS = {
  /** Tries for one user name from one address: what someone guessing a password gets. */
  perUserName: { max: 10, timeWindowMs: 60_000 },
  /**
   * Tries from one address, whatever the user name. Loose: an office's desks often share one
   * address (NAT), and all of them sign in at 9:00.
   */
  perAddress: { max: 300, timeWindowMs: 60_000 },
} as const satisfies Record<string, RateWindow>;

export interface SessionRouteOptions {
  /** The ceiling per address, all user names together; false turns both limits off (tests). */
  signInRateLimit: RateWindow | false;
  /** Tries per user name from one address; DEFAULT_SIGN_IN_LIMITS.perUserName when absent. */
  signInPerUserName?: RateWindow;
}

const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

function tooMany(message: string, retryAfterMs: number): ApiError {
  const retryAfter = seconds(retryAfterMs);
  return new ApiError(
    429,
    'too-many-requests',
    `${message} Try again in ${retryAfter === 1 ? '1 second' : `${retryAfter} seconds`}.`,
    { retryAfter },
  );
}

/** The user name a sign-in request names, folded as sign-in folds it; '' when it names none. */
function userNameOf(request: FastifyRequest): string {
  const body = request.body as { userName?: unknown } | null | undefined;
  return typeof body?.userName === 'string' ? body.userName.toLowerCase() : '';
}

export function sessionRoutes(
  app: FastifyInstance,
  { sessions }: Pick<RouteDeps, 'sessions'>,
  options: SessionRouteOptions,
): void {
  const perAddress = options.signInRateLimit;
  const userNameWindow = options.signInPerUserName ?? DEFAULT_SIGN_IN_LIMITS.perUserName;
  // Checked in the handler, once the body names the user: a route's own rateLimit runs before
  // the body is read, and a request runs only one of them.
  const perUserName = perAddress
    ? app.createRateLimit({
        max: userNameWindow.max,
        timeWindow: userNameWindow.timeWindowMs,
        keyGenerator: (request) => `${request.ip}|${userNameOf(request)}`,
      })
    : null;

  app.post(
    `${API_PREFIX}/sessions`,
    perAddress
      ? {
          config: {
            rateLimit: {
              max: perAddress.max,
              timeWindow: perAddress.timeWindowMs,
              errorResponseBuilder: (_request, context) =>
                tooMany('Too many sign-in attempts from this network address.', context.ttl),
            },
          },
        }
      : {},
    async (request, reply) => {
      const input = parseInput(SignInRequest, request.body);
      if (perUserName) {
        const limit = await perUserName(request);
        if (!limit.isAllowed && limit.isExceeded)
          throw tooMany(
            'Too many sign-in attempts for this user name from this network address.',
            limit.ttl,
          );
      }
      const session = await sessions.signIn(input.userName, input.password);
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
