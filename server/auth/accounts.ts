// Accounts as sign-in sees them: whether a user may sign in (active, not disabled), must change
// their password, and creating one with a hashed password. Never stores or returns a password.

import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { User } from '../../shared/domain/directory';
import type { Role } from '../../shared/sync/server-api';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';

type Db = Kysely<Database> | Transaction<Database>;

export interface AccountFlags {
  /** Active, not disabled by an admin, with a desk or restricted role: may hold a session. */
  maySignIn: boolean;
  mustChangePassword: boolean;
}

/** Undefined when there is no such user. */
export async function accountFlags(db: Db, userId: string): Promise<AccountFlags | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['active', 'sign_in_disabled', 'must_change_password', 'roles'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    maySignIn: row.active && !row.sign_in_disabled && row.roles.length > 0,
    mustChangePassword: row.must_change_password,
  };
}

/** Whether any active account holds the admin role (first run is over once one does). */
export async function adminExists(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where(sql<boolean>`'admin' = ANY(roles)`)
    .where('active', '=', true)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface NewAccount {
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
  roles: readonly Role[];
  passwordHash: string;
  /** A temporary password someone else chose: changed at the first sign-in. */
  mustChangePassword: boolean;
}

/**
 * Inserts the account with change version `version` (the caller holds the directory version lock,
 * so the desks' directory feed carries it). A user name taken in any case is a 409.
 */
export async function insertAccount(
  trx: Transaction<Database>,
  account: NewAccount,
  version: number,
  newId: () => string = randomUUID,
): Promise<User> {
  const taken = await trx
    .selectFrom('users')
    .select('id')
    .where(sql<string>`lower(user_name)`, '=', account.userName.toLowerCase())
    .executeTakeFirst();
  if (taken)
    throw new ApiError(409, 'conflict', `The user name ${account.userName} is already taken.`, {
      fieldErrors: { userName: 'This user name is already taken.' },
    });
  const user: User = {
    id: newId(),
    userName: account.userName,
    firstName: account.firstName,
    lastName: account.lastName,
    name: `${account.firstName} ${account.lastName}`.trim() || account.userName,
    email: account.email,
    phone: '',
    employeeId: '',
    department: '',
    location: '',
    vip: false,
    active: true,
    mobile: '',
    phoneE164: '',
    mobileE164: '',
    roles: [...account.roles],
  };
  await trx
    .insertInto('users')
    .values({
      id: user.id,
      user_name: user.userName,
      first_name: user.firstName,
      last_name: user.lastName,
      name: user.name,
      email: user.email,
      phone: '',
      employee_id: '',
      department: '',
      location: '',
      vip: false,
      roles: user.roles,
      password_hash: account.passwordHash,
      must_change_password: account.mustChangePassword,
      source: 'local',
      version,
    })
    .execute();
  return user;
}
