// Sign-in, sign-out and "who is this token": sessions and login attempts live in the database,
// so any server instance can answer. Never tells a wrong user name from a wrong password.

import { sql, type Kysely } from 'kysely';
import type { User } from '../../shared/domain/directory';
import type { LaunchCodeResponse, Role, SignInResponse } from '../../shared/sync/server-api';
import type { Database } from '../db/schema';
import { findUser, findUserByUserName } from '../directory/directory-store';
import { ApiError } from '../http/api-error';
import { accountFlags } from './accounts';
import { createLaunchCodes } from './launch-codes';
import { hashPassword, verifyPassword } from './passwords';
import { bearerToken, hashToken, newToken } from './tokens';

export interface AuthSettings {
  /**
   * A session lives this long after its last use: each authenticated request moves its expiry to
   * now + this (written at most every `slideEveryMs`), never past `sessionMaxMs` after sign-in.
   */
  sessionIdleMs: number;
  /** The absolute lifetime: past this since sign-in, the agent signs in again however busy. */
  sessionMaxMs: number;
  /** The expiry is written at most this often per session (at most half the idle lifetime). */
  slideEveryMs: number;
  /** How long a launch code may wait to be exchanged. */
  launchCodeTtlMs: number;
  /** Failed sign-ins for one account (user name) that cost nothing; after them each try waits. */
  maxAttempts: number;
  /** A count untouched this long starts over. */
  attemptWindowMs: number;
  /** The wait after the first try past `maxAttempts`; it doubles with each further failure… */
  firstDelayMs: number;
  /** …up to this: the longest an attacker can keep the real agent waiting. */
  maxDelayMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  sessionIdleMs: 14 * DAY_MS,
  sessionMaxMs: 30 * DAY_MS,
  slideEveryMs: 60 * 60 * 1000,
  launchCodeTtlMs: 60_000,
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
  /** The account has a temporary password: only changing it and signing out are allowed. */
  mustChangePassword?: boolean;
}

export interface AuthenticateOptions {
  /** The route works for an account that must change its password first (who am I, sign out, change it). */
  whileMustChangePassword?: boolean;
}

export const PASSWORD_CHANGE_REQUIRED =
  'Change your password first: this account was given a temporary password.';

export interface Sessions {
  signIn(userName: string, password: string): Promise<SignInResponse>;
  /** Who the token belongs to; a valid one is also used, so its expiry slides (see AuthSettings). */
  authenticate(
    authorization: string | undefined,
    roles: readonly Role[],
    options?: AuthenticateOptions,
  ): Promise<SignedIn>;
  signOut(signedIn: SignedIn): Promise<void>;
  /** Ends every session and launch code of the agent (sign out everywhere, an admin's revocation). */
  endAllOf(userId: string): Promise<number>;
  /** A launch code that opens a new session of the signed-in agent once, within a minute. */
  createLaunchCode(signedIn: SignedIn): Promise<LaunchCodeResponse>;
  exchangeLaunchCode(code: string): Promise<SignInResponse>;
  /** Of these token hashes, the ones whose session still lives (for the event streams' re-check). */
  living(tokenHashes: readonly string[]): Promise<Set<string>>;
  /** Opens a session of an account just made (the first administrator): answered as sign-in. */
  openFor(agent: User): Promise<SignInResponse>;
  /**
   * The signed-in agent's own password: the current one must be right (a 401 otherwise, counted
   * like a sign-in try). Clears must-change-password; the agent's other sessions end.
   */
  changePassword(signedIn: SignedIn, currentPassword: string, newPassword: string): Promise<void>;
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

  const openSession = async (
    agent: User,
    alsoInTransaction?: (trx: Kysely<Database>) => Promise<unknown>,
  ): Promise<SignInResponse> => {
    // A disabled or deactivated account gets no session, whichever way it asks (password, launch code).
    const flags = await accountFlags(db, agent.id);
    if (!flags?.maySignIn) throw unauthorized('The user name or password is not right.');
    const at = now();
    const token = newToken();
    const expiresAt = new Date(
      at.getTime() + Math.min(settings.sessionIdleMs, settings.sessionMaxMs),
    );
    await db.transaction().execute(async (trx) => {
      if (alsoInTransaction) await alsoInTransaction(trx);
      await trx
        .updateTable('users')
        .set({ last_sign_in_at: at })
        .where('id', '=', agent.id)
        .execute();
      await trx.deleteFrom('sessions').where('expires_at', '<=', at).execute();
      await trx
        .insertInto('sessions')
        .values({
          token_hash: hashToken(token),
          user_id: agent.id,
          created_at: at,
          expires_at: expiresAt,
        })
        .execute();
    });
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      agent,
      ...(flags.mustChangePassword ? { mustChangePassword: true } : {}),
    };
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
    return openSession(found.user, (trx) =>
      trx.deleteFrom('login_failures').where('key', '=', key).execute(),
    );
  };

  const launchCodes = createLaunchCodes(db, now, settings.launchCodeTtlMs, (agent) =>
    openSession(agent),
  );
  /** Small enough that an idle lifetime shorter than an hour still slides. */
  const slideStepMs = Math.min(settings.slideEveryMs, settings.sessionIdleMs / 2);

  return {
    signIn: (userName, password) => {
      const key = userName.toLowerCase();
      return oneAtATime(key, () => signInNow(key, userName, password));
    },

    authenticate: async (authorization, roles, options = {}) => {
      const token = bearerToken(authorization);
      if (!token) throw unauthorized('Sign in first: send Authorization: Bearer <token>.');
      const tokenHash = hashToken(token);
      const session = await db
        .selectFrom('sessions')
        .select(['user_id', 'created_at', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      const at = now().getTime();
      if (!session || new Date(session.expires_at).getTime() <= at) {
        throw unauthorized('The session has ended. Sign in again.');
      }
      const agent = await findUser(db, session.user_id);
      const flags = agent && (await accountFlags(db, agent.id));
      if (!agent || !flags?.maySignIn) throw unauthorized('The session has ended. Sign in again.');
      if (flags.mustChangePassword && !options.whileMustChangePassword)
        throw new ApiError(403, 'password-change-required', PASSWORD_CHANGE_REQUIRED);
      if (!agent.roles.some((role) => roles.includes(role))) {
        throw new ApiError(403, 'forbidden', `This needs one of these roles: ${roles.join(', ')}.`);
      }
      let expiresAt = new Date(session.expires_at);
      const slid = Math.min(
        at + settings.sessionIdleMs,
        new Date(session.created_at).getTime() + settings.sessionMaxMs,
      );
      // Written at most once per step: a busy desk costs one UPDATE an hour, not one per request.
      if (slid - expiresAt.getTime() >= slideStepMs) {
        expiresAt = new Date(slid);
        await db
          .updateTable('sessions')
          .set({ expires_at: expiresAt })
          .where('token_hash', '=', tokenHash)
          .where('expires_at', '<', expiresAt)
          .execute();
      }
      return { agent, tokenHash, expiresAt, mustChangePassword: flags.mustChangePassword };
    },

    signOut: async (signedIn) => {
      await db.deleteFrom('sessions').where('token_hash', '=', signedIn.tokenHash).execute();
    },

    endAllOf: async (userId) =>
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('launch_codes').where('user_id', '=', userId).execute();
        const ended = await trx
          .deleteFrom('sessions')
          .where('user_id', '=', userId)
          .executeTakeFirst();
        return Number(ended.numDeletedRows);
      }),

    createLaunchCode: (signedIn) => launchCodes.create(signedIn.agent.id),
    exchangeLaunchCode: (code) => launchCodes.exchange(code),

    openFor: (agent) => openSession(agent),

    changePassword: async (signedIn, currentPassword, newPassword) => {
      if (currentPassword === newPassword)
        throw new ApiError(400, 'invalid-input', 'Choose a new password, not the current one.', {
          fieldErrors: { newPassword: 'Choose a password other than the current one.' },
        });
      const key = signedIn.agent.userName.toLowerCase();
      await oneAtATime(key, async () => {
        await countAttempt(key);
        const row = await db
          .selectFrom('users')
          .select('password_hash')
          .where('id', '=', signedIn.agent.id)
          .executeTakeFirst();
        if (!(await verifyPassword(row?.password_hash ?? null, currentPassword)))
          throw new ApiError(401, 'unauthorized', 'The current password is not right.', {
            fieldErrors: { currentPassword: 'This is not your current password.' },
          });
        const passwordHash = await hashPassword(newPassword);
        await db.transaction().execute(async (trx) => {
          await trx.deleteFrom('login_failures').where('key', '=', key).execute();
          await trx
            .updateTable('users')
            .set({ password_hash: passwordHash, must_change_password: false })
            .where('id', '=', signedIn.agent.id)
            .execute();
          // Whoever knew the old password keeps no session; this desk keeps its own.
          await trx
            .deleteFrom('sessions')
            .where('user_id', '=', signedIn.agent.id)
            .where('token_hash', '!=', signedIn.tokenHash)
            .execute();
          await trx.deleteFrom('launch_codes').where('user_id', '=', signedIn.agent.id).execute();
        });
      });
    },

    living: async (tokenHashes) => {
      if (tokenHashes.length === 0) return new Set();
      const rows = await db
        .selectFrom('sessions')
        .select('token_hash')
        .where('token_hash', 'in', [...tokenHashes])
        .where('expires_at', '>', now())
        .execute();
      return new Set(rows.map((row) => row.token_hash));
    },
  };
}
