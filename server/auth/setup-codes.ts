// First run: the single-use setup code an empty server prints (kept only as a hash, good for an
// hour), and spending it to create the first administrator. Never works once an admin exists.

import type { Kysely } from 'kysely';
import type { User } from '../../shared/domain/directory';
import type { SetupRequest } from '../../shared/sync/server-api';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { adminExists, insertAccount } from './accounts';
import type { DirectoryWriter } from './directory-writer';
import { hashToken, newToken } from './tokens';

export const SETUP_CODE_TTL_MS = 60 * 60 * 1000;

export const SETUP_REFUSED =
  'This setup link is wrong, was already used or has expired (a link works once, within an hour). Start the server again for a new one, or create the administrator with npm run admin -- create-user.';
export const ADMIN_EXISTS = 'An administrator exists already: sign in instead.';

export interface IssuedSetupCode {
  code: string;
  expiresAt: Date;
}

/** A new setup code when no administrator exists, else null (nothing is written). */
export async function issueSetupCode(
  db: Kysely<Database>,
  now: () => Date,
  ttlMs = SETUP_CODE_TTL_MS,
): Promise<IssuedSetupCode | null> {
  if (await adminExists(db)) return null;
  const at = now();
  const code = newToken();
  const expiresAt = new Date(at.getTime() + ttlMs);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('setup_codes').where('expires_at', '<=', at).execute();
    await trx
      .insertInto('setup_codes')
      .values({ code_hash: hashToken(code), created_at: at, expires_at: expiresAt, used_at: null })
      .execute();
  });
  return { code, expiresAt };
}

/** The link a person opens in the browser: the code rides in the fragment, never sent to a server log. */
export const setupLink = (baseUrl: string, code: string): string =>
  `${baseUrl.replace(/\/+$/, '')}/#setup=${code}`;

export interface FirstAdminDeps {
  now: () => Date;
  writeDirectory: DirectoryWriter;
  hashPassword: (password: string) => Promise<string>;
}

/**
 * Spends the code and creates the administrator in one transaction holding the directory lock:
 * two setups at once cannot both make an admin, and a refused one spends nothing.
 */
export async function createFirstAdmin(deps: FirstAdminDeps, input: SetupRequest): Promise<User> {
  const passwordHash = await deps.hashPassword(input.password);
  return deps.writeDirectory(async (trx, nextVersion, audit) => {
    if (await adminExists(trx)) throw new ApiError(409, 'conflict', ADMIN_EXISTS);
    const at = deps.now();
    const spent = await trx
      .updateTable('setup_codes')
      .set({ used_at: at })
      .where('code_hash', '=', hashToken(input.code))
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .returning('code_hash')
      .executeTakeFirst();
    if (!spent) throw new ApiError(401, 'unauthorized', SETUP_REFUSED);
    const admin = await insertAccount(
      trx,
      {
        userName: input.userName,
        firstName: input.firstName,
        lastName: input.lastName,
        email: input.email,
        roles: ['admin'],
        passwordHash,
        mustChangePassword: false,
      },
      nextVersion(),
    );
    await audit({
      actor: { id: admin.id, name: `${admin.name} (setup link)` },
      action: 'agent.create',
      target: { kind: 'user', id: admin.id, name: admin.userName },
      before: null,
      after: { userName: admin.userName, name: admin.name, email: admin.email, roles: admin.roles },
    });
    return admin;
  });
}
