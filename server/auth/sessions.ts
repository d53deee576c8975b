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
  /** Failed sign-ins for one account (user name) that cost nothing; after them each try waits. */
  maxAttempts: number;
  /** A count untouched this long starts over. */
  attemptWindowMs: number;
  /** The wait after the first try past `maxAttempts`; it doubles with each further failure… */
  firstDelayMs: number;
  /** …up to this: the longest an attacker can keep the real agent waiting. */
  maxDelayMs: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  sessionTtlMs: 30 * 24 * 60 * 60 * 1000,
  maxAttempts: 5,
  attemptWindowMs: 15 * 60 * 1000,
  firstDelayMs: 1_000,
  maxDelayMs: 60_000,
};

/** How long a try must wait after `failures` counted tries. */
export const signInDelayMs = (failures: number, settings: AuthSettings): number =>
  failures < settings.maxAttempts
    ? 0
    : Math.min(settings.maxDelayMs, settings.firstDelayMs * 2 ** (failures - settings.maxAttempts));

export interface SignedIn {
  agent: User;
  tokenHash: string;
  expiresAt: Date;
}

export interface Sessions {
  signIn(userName: string, password: string): Promise<SignInResponse>;
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
   * Takes a try for this account before the password is checked, in one statement, so parallel
   * guesses cannot slip past: it is counted only when the account's wait is over (a try during
   * the wait is refused and not counted, so waiting never makes it longer). A success clears the
   * count. Per account, not per address: a new address buys an attacker nothing, and the wait is
   * capped, so guesses at a real agent's name never lock that agent out for long.
   * `first_failed_at` holds the time of the last counted try.
   */
  const countAttempt = async (key: string): Promise<void> => {
    const at = now();
    const windowStart = new Date(at.getTime() - settings.attemptWindowMs);
    const taken = await db
      .insertInto('login_failures')
      .values({ key, failures: 1, first_failed_at: at })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet({
            failures: sql<number>`CASE WHEN login_failures.first_failed_at <= ${windowStart} THEN 1 ELSE login_failures.failures + 1 END`,
            first_failed_at: at,
          })
          .where(
            sql<boolean>`login_failures.first_failed_at <= ${windowStart}
              OR login_failures.failures < ${settings.maxAttempts}
              OR login_failures.first_failed_at + LEAST(${settings.maxDelayMs}::float8,
                ${settings.firstDelayMs}::float8 * power(2, login_failures.failures - ${settings.maxAttempts}))
                * interval '1 millisecond' <= ${at}`,
          ),
      )
      .returning('failures')
      .executeTakeFirst();
    if (taken) return;
    const row = await db
      .selectFrom('login_failures')
      .select(['failures', 'first_failed_at'])
      .where('key', '=', key)
      .executeTakeFirst();
    const waitMs = row
      ? new Date(row.first_failed_at).getTime() +
        signInDelayMs(row.failures, settings) -
        at.getTime()
      : 0;
    const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
    throw new ApiError(
      429,
      'too-many-requests',
      `Too many sign-in attempts for this user name. Try again in ${retryAfter === 1 ? '1 second' : `${retryAfter} seconds`}.`,
      { retryAfter },
    );
  };

  /**
   * Sign-ins for one account run one at a time in this instance, so a try is counted and cleared
   * before the next is taken: parallel guesses cannot slip past the count, and desks signing in
   * with the same account at once never see each other's tries in flight as failures. (Across
   * instances the claim in countAttempt still holds.) argon2 takes ~0.1 s, so a queue is short.
   */
  const queues = new Map<string, Promise<unknown>>();
  const oneAtATime = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const before = queues.get(key) ?? Promise.resolve();
    const run = before.then(work, work);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return run;
  };

  const signInNow = async (
    key: string,
    userName: string,
    password: string,
  ): Promise<SignInResponse> => {
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
  };

  return {
    signIn: (userName, password) => {
      const key = userName.toLowerCase();
      return oneAtATime(key, () => signInNow(key, userName, password));
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
