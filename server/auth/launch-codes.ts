// Launch codes: what a launcher puts in the app's address instead of a token. A code is random,
// kept only as a hash, good for one exchange within a minute; it never carries or reveals a token.

import type { Kysely } from 'kysely';
import type { User } from '../../shared/domain/directory';
import type { LaunchCodeResponse, SignInResponse } from '../../shared/sync/server-api';
import type { Database } from '../db/schema';
import { findUser } from '../directory/directory-store';
import { ApiError } from '../http/api-error';
import { hashToken, newToken } from './tokens';

export interface LaunchCodes {
  /** A code that opens a new session of `userId` once, within `ttlMs`. */
  create(userId: string): Promise<LaunchCodeResponse>;
  /** Spends the code and opens the session; 401 when it is spent, unknown or expired. */
  exchange(code: string): Promise<SignInResponse>;
}

/** Unexchanged, unexpired codes one agent may have at once. */
export const MAX_WAITING_CODES = 5;

const SPENT =
  'This launch code is spent, unknown or expired (a code works once, within a minute). Sign in instead.';

export function createLaunchCodes(
  db: Kysely<Database>,
  now: () => Date,
  ttlMs: number,
  openSession: (agent: User) => Promise<SignInResponse>,
): LaunchCodes {
  return {
    create: async (userId) => {
      const at = now();
      const code = newToken();
      const expiresAt = new Date(at.getTime() + ttlMs);
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('launch_codes').where('expires_at', '<=', at).execute();
        const waiting = await trx
          .selectFrom('launch_codes')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('user_id', '=', userId)
          .executeTakeFirstOrThrow();
        // A session cannot fill the table: a launcher needs one code, a desk a few at most.
        if (Number(waiting.n) >= MAX_WAITING_CODES)
          throw new ApiError(
            429,
            'too-many-requests',
            `${MAX_WAITING_CODES} launch codes of this agent are waiting to be used. Use one, or try again in a minute.`,
            { retryAfter: Math.ceil(ttlMs / 1000) },
          );
        await trx
          .insertInto('launch_codes')
          .values({
            code_hash: hashToken(code),
            user_id: userId,
            created_at: at,
            expires_at: expiresAt,
          })
          .execute();
      });
      return { code, expiresAt: expiresAt.toISOString() };
    },

    exchange: async (code) => {
      // One statement takes the code: two exchanges of the same code, on any instances, cannot both win.
      const taken = await db
        .deleteFrom('launch_codes')
        .where('code_hash', '=', hashToken(code))
        .returning(['user_id', 'expires_at'])
        .executeTakeFirst();
      if (!taken || new Date(taken.expires_at).getTime() <= now().getTime())
        throw new ApiError(401, 'unauthorized', SPENT);
      const agent = await findUser(db, taken.user_id);
      if (!agent || agent.roles.length === 0) throw new ApiError(401, 'unauthorized', SPENT);
      return openSession(agent);
    },
  };
}
