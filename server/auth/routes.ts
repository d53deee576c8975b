// The session endpoints: sign in (password or launch code), who the token belongs to, launch codes,
// sign out here or everywhere, an admin's revocation. Thin: the rules live in sessions.ts.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  API_PREFIX,
  LaunchRequest,
  PasswordChangeRequest,
  SignInRequest,
  type CurrentSessionResponse,
  type LaunchCodeResponse,
} from '../../shared/sync/server-api';
import { findUser } from '../directory/directory-store';
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

/** Routes an account with a temporary password may still use: who am I, sign out, change it. */
const WHILE_MUST_CHANGE = { whileMustChangePassword: true } as const;

const AgentParams = z.strictObject({ userId: z.string().min(1).max(200) });

export function sessionRoutes(
  app: FastifyInstance,
  { db, sessions, pokes }: Pick<RouteDeps, 'db' | 'sessions' | 'pokes'>,
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

  /** Tells every instance, so the ended sessions' event streams close there too. */
  const announceEnded = async (
    request: FastifyRequest,
    ended: { tokenHash: string } | { userId: string },
  ): Promise<void> => {
    await pokes.publish({ ended }).catch((error: unknown) => {
      // The session is gone from the database; the streams' periodic re-check closes them.
      request.log.warn(
        { err: error },
        'could not announce the ended sessions to the event streams',
      );
    });
  };
  const perAddressLimit = (message: string) =>
    perAddress
      ? {
          config: {
            rateLimit: {
              max: perAddress.max,
              timeWindow: perAddress.timeWindowMs,
              errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
                tooMany(message, context.ttl),
            },
          },
        }
      : {};

  app.post(
    `${API_PREFIX}/sessions`,
    perAddressLimit('Too many sign-in attempts from this network address.'),
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
    const { agent, expiresAt, mustChangePassword } = await sessions.authenticate(
      request.headers.authorization,
      ANY_ROLE,
      WHILE_MUST_CHANGE,
    );
    return {
      agent,
      expiresAt: expiresAt.toISOString(),
      ...(mustChangePassword ? { mustChangePassword } : {}),
    };
  });

  // The agent's own password: a temporary one is changed here before anything else works.
  app.post(
    `${API_PREFIX}/sessions/password`,
    perAddressLimit('Too many password changes from this network address.'),
    async (request, reply) => {
      const signedIn = await sessions.authenticate(
        request.headers.authorization,
        ANY_ROLE,
        WHILE_MUST_CHANGE,
      );
      const input = parseInput(PasswordChangeRequest, request.body);
      await sessions.changePassword(signedIn, input.currentPassword, input.newPassword);
      // The agent's other sessions ended: their event streams close at the streams' next re-check.
      return reply.status(204).send();
    },
  );

  app.delete(`${API_PREFIX}/sessions/current`, async (request, reply) => {
    const signedIn = await sessions.authenticate(
      request.headers.authorization,
      ANY_ROLE,
      WHILE_MUST_CHANGE,
    );
    await sessions.signOut(signedIn);
    await announceEnded(request, { tokenHash: signedIn.tokenHash });
    return reply.status(204).send();
  });

  // Sign out everywhere: every session of the signed-in agent, this one included.
  app.delete(`${API_PREFIX}/sessions`, async (request, reply) => {
    const { agent } = await sessions.authenticate(
      request.headers.authorization,
      ANY_ROLE,
      WHILE_MUST_CHANGE,
    );
    await sessions.endAllOf(agent.id);
    await announceEnded(request, { userId: agent.id });
    return reply.status(204).send();
  });

  // A launcher (or a desk opening another window) turns its session into a code for the address.
  app.post(`${API_PREFIX}/sessions/launch-codes`, async (request, reply) => {
    const signedIn = await sessions.authenticate(request.headers.authorization, ANY_ROLE);
    const code: LaunchCodeResponse = await sessions.createLaunchCode(signedIn);
    return reply.status(201).header('cache-control', 'no-store').send(code);
  });

  app.post(
    `${API_PREFIX}/sessions/launch`,
    perAddressLimit('Too many launch codes tried from this network address.'),
    async (request, reply) => {
      const { code } = parseInput(LaunchRequest, request.body);
      const session = await sessions.exchangeLaunchCode(code);
      return reply.status(201).header('cache-control', 'no-store').send(session);
    },
  );

  // An admin ends all of an agent's sessions (a lost laptop, someone who left).
  app.delete(`${API_PREFIX}/agents/:userId/sessions`, async (request, reply) => {
    await sessions.authenticate(request.headers.authorization, ['admin']);
    const { userId } = parseInput(AgentParams, request.params);
    if (!(await findUser(db, userId)))
      throw new ApiError(404, 'not-found', `There is no user with the id ${userId}.`);
    await sessions.endAllOf(userId);
    await announceEnded(request, { userId });
    return reply.status(204).send();
  });
}
