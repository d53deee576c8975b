// Reads and changes agents' accounts for the Agents page: the list with last sign-in and
// disabled/locked marks, roles, temporary passwords, disabling, unlocking. Never returns a hash.

import { sql, type Kysely, type Transaction } from 'kysely';
import type { AgentRow } from '../../shared/admin/agents';
import { ROLES, type Role } from '../../shared/sync/server-api';
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from '../auth/sessions';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';

type Db = Kysely<Database> | Transaction<Database>;

export const LIST_LIMIT = 200;

const KNOWN = new Set<string>(ROLES);

export type LockRule = Pick<AuthSettings, 'maxAttempts' | 'attemptWindowMs'>;

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

function baseQuery(db: Db, now: Date, lock: LockRule) {
  const windowStart = new Date(now.getTime() - lock.attemptWindowMs);
  return db
    .selectFrom('users')
    .leftJoin('login_failures', (join) =>
      join.on(sql<string>`login_failures.key`, '=', sql<string>`lower(users.user_name)`),
    )
    .select([
      'users.id',
      'users.user_name',
      'users.name',
      'users.first_name',
      'users.last_name',
      'users.email',
      'users.roles',
      'users.last_sign_in_at',
      'users.sign_in_disabled',
      'users.active',
      'users.must_change_password',
      sql<boolean>`coalesce(login_failures.failures >= ${lock.maxAttempts}
        AND login_failures.first_failed_at > ${windowStart}, false)`.as('locked'),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toAgentRow(row: Row): AgentRow {
  return {
    id: row.id,
    userName: row.user_name,
    name: row.name,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    roles: row.roles.filter((r): r is Role => KNOWN.has(r)),
    lastSignInAt: iso(row.last_sign_in_at),
    disabled: row.sign_in_disabled,
    inactive: !row.active,
    locked: row.locked,
    mustChangePassword: row.must_change_password,
  };
}

/** Accounts with a role, or any user matching `query` (to make them an agent), by name. */
export async function listAgents(
  db: Db,
  query: string,
  now: Date,
  lock: LockRule = DEFAULT_AUTH_SETTINGS,
): Promise<{ agents: AgentRow[]; more: boolean }> {
  let q = baseQuery(db, now, lock);
  if (query === '') q = q.where(sql<boolean>`cardinality(users.roles) > 0`);
  else {
    const like = `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql<string>`lower(users.name)`, 'like', like),
        eb(sql<string>`lower(users.user_name)`, 'like', like),
        eb(sql<string>`lower(users.email)`, 'like', like),
      ]),
    );
  }
  const rows = await q
    .orderBy('users.name')
    .orderBy('users.id')
    .limit(LIST_LIMIT + 1)
    .execute();
  return { agents: rows.slice(0, LIST_LIMIT).map(toAgentRow), more: rows.length > LIST_LIMIT };
}

/** The account, or a 404 that names the id. */
export async function getAgent(
  db: Db,
  userId: string,
  now: Date,
  lock: LockRule = DEFAULT_AUTH_SETTINGS,
): Promise<AgentRow> {
  const row = await baseQuery(db, now, lock).where('users.id', '=', userId).executeTakeFirst();
  if (!row) throw new ApiError(404, 'not-found', `There is no user with the id ${userId}.`);
  return toAgentRow(row);
}

/**
 * Refuses a change that would leave nobody able to administer Deskpad: the last active,
 * enabled administrator keeps the admin role and stays enabled.
 */
export async function keepAnAdministrator(trx: Db, losing: AgentRow): Promise<void> {
  if (!losing.roles.includes('admin') || losing.disabled || losing.inactive) return;
  const others = await trx
    .selectFrom('users')
    .select('id')
    .where(sql<boolean>`'admin' = ANY(roles)`)
    .where('active', '=', true)
    .where('sign_in_disabled', '=', false)
    .where('id', '!=', losing.id)
    .limit(1)
    .executeTakeFirst();
  if (!others)
    throw new ApiError(
      409,
      'conflict',
      `${losing.name} is the only administrator: make someone else an administrator first.`,
    );
}

/** What the audit log keeps of an account: never a password or its hash. */
export const auditView = (agent: AgentRow): Record<string, unknown> => ({
  userName: agent.userName,
  name: agent.name,
  email: agent.email,
  roles: agent.roles,
  disabled: agent.disabled,
  changeAtNextSignIn: agent.mustChangePassword,
});
