// Sign-in, sign-out and "who is this token": sessions and login attempts live in the database,
// so any server instance can answer. Never tells a wrong user name from a wrong password.

import { sql, type Kysely } from 'kysely';
import type { User } from '../../shared/domain/directory';
import type { Role, SignInResponse } from '../../shared/sync/server-api';
import type { Database } from '../db/schema';
import { findUser, findUserByUserName } from '../directory/directory-store';
import { ApiError } from '../http/api-error';
import { verifyPassword } from './passwords';
import { bearerToken, hashToken, newToken } from './tokens';

export interface AuthSettings {
  sessionTtlMs: number;
  /** Sign-in attempts per user name and address within the window before 429. */
  maxAttempts: number;
  attemptWindowMs: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  sessionTtlMs: 30 * 24 * 60 * 60 * 1000,
  maxAttempts: 5,
  attemptWindowMs: 15 * 60 * 1000,
};

export interface SignedIn {
  agent: User;
  tokenHash: string;
  expiresAt: Date;
}

export interface Sessions {
  signIn(userName: string, password: string, address: string): Promise<SignInResponse>;
  authenticate(authorization: string | undefined, roles: readonly Role[]): Promise<SignedIn>;
  signOut(signedIn: SignedIn): Promise<void>;
}

const unauthorized = (message: string): ApiError => new ApiError(401, 'unauthorized', message);

export function createSessions(
  db: Kysely<Database>,
  now: () => Date,
  settings: AuthSettings,
): Sessions {
  /**
   * Counts the attempt before checking the password, in one statement, so parallel guesses
   * cannot slip past the limit. A success clears the count.
   */
  const countAttempt = async (key: string): Promise<void> => {
    const at = now();
    const windowStart = new Date(at.getTime() - settings.attemptWindowMs);
    const row = await db
      .insertInto('login_failures')
      .values({ key, failures: 1, first_failed_at: at })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql<number>`CASE WHEN login_failures.first_failed_at <= ${windowStart} THEN 1 ELSE login_failures.failures + 1 END`,
          first_failed_at: sql<Date>`CASE WHEN login_failures.first_failed_at <= ${windowStart} THEN ${at} ELSE login_failures.first_failed_at END`,
        }),
      )
      .returning(['failures', 'first_failed_at'])
      .executeTakeFirstOrThrow();
    if (row.failures > settings.maxAttempts) {
      const reopensAt = new Date(row.first_failed_at).getTime() + settings.attemptWindowMs;
      const retryAfter = Math.max(1, Math.ceil((reopensAt - at.getTime()) / 1000));
      throw new ApiError(
        429,
        'too-many-requests',
        `Too many sign-in attempts. Try again in ${Math.ceil(retryAfter / 60)} minutes.`,
        {
          retryAfter,
        },
      );
    }
  };

  return {
    signIn: async (userName, password, address) => {
      const key = `${userName.toLowerCase()}|${address}`;
      await countAttempt(key);
      const found = await findUserByUserName(db, userName);
      const fulfiller = found !== undefined && found.user.roles.length > 0;
      const valid = await verifyPassword(fulfiller ? found.passwordHash : null, password);
      if (!valid || !found) throw unauthorized('The user name or password is not right.');
      const at = now();
      const token = newToken();
      const expiresAt = new Date(at.getTime() + settings.sessionTtlMs);
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('login_failures').where('key', '=', key).execute();
        await trx.deleteFrom('sessions').where('expires_at', '<=', at).execute();
        await trx
          .insertInto('sessions')
          .values({
            token_hash: hashToken(token),
            user_id: found.user.id,
            created_at: at,
            expires_at: expiresAt,
          })
          .execute();
      });
      return { token, expiresAt: expiresAt.toISOString(), agent: found.user };
    },

    authenticate: async (authorization, roles) => {
      const token = bearerToken(authorization);
      if (!token) throw unauthorized('Sign in first: send Authorization: Bearer <token>.');
      const tokenHash = hashToken(token);
      const session = await db
        .selectFrom('sessions')
        .select(['user_id', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!session || new Date(session.expires_at).getTime() <= now().getTime()) {
        throw unauthorized('The session has ended. Sign in again.');
      }
      const agent = await findUser(db, session.user_id);
      if (!agent) throw unauthorized('The session has ended. Sign in again.');
      if (!agent.roles.some((role) => roles.includes(role))) {
        throw new ApiError(403, 'forbidden', `This needs one of these roles: ${roles.join(', ')}.`);
      }
      return { agent, tokenHash, expiresAt: new Date(session.expires_at) };
    },

    signOut: async (signedIn) => {
      await db.deleteFrom('sessions').where('token_hash', '=', signedIn.tokenHash).execute();
    },
  };
}
