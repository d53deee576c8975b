// Reads and writes the directory tables: users, assignment groups with their members,
// configuration items with their parent chain, and catalog items. Never returns a password hash.

import { sql, type Kysely, type Transaction } from 'kysely';
import type { CatalogItem } from '../../shared/domain/catalog';
import type { ConfigurationItem, Directory, User } from '../../shared/domain/directory';
import {
  ROLES as KNOWN_ROLES,
  type ConfigurationItemWithParents,
} from '../../shared/sync/server-api';
import type { Database, UserRow } from '../db/schema';
import { jsonb } from '../db/values';

type Db = Kysely<Database> | Transaction<Database>;

const USER_COLUMNS = [
  'id',
  'user_name',
  'first_name',
  'last_name',
  'name',
  'email',
  'phone',
  'employee_id',
  'department',
  'location',
  'vip',
  'roles',
  'version',
  'active',
  'mobile',
  'phone_e164',
  'mobile_e164',
] as const;

type UserColumns = Pick<UserRow, (typeof USER_COLUMNS)[number]>;

const ROLES = new Set<string>(KNOWN_ROLES);

export function toUser(row: UserColumns): User {
  return {
    id: row.id,
    userName: row.user_name,
    firstName: row.first_name,
    lastName: row.last_name,
    name: row.name,
    email: row.email,
    phone: row.phone,
    employeeId: row.employee_id,
    department: row.department,
    location: row.location,
    vip: row.vip,
    active: row.active,
    mobile: row.mobile,
    phoneE164: row.phone_e164,
    mobileE164: row.mobile_e164,
    roles: row.roles.filter((r): r is User['roles'][number] => ROLES.has(r)),
  };
}

const toConfigurationItem = (row: {
  id: string;
  name: string;
  class_name: string;
  parent_id: string | null;
  location: string;
}): ConfigurationItem => ({
  id: row.id,
  name: row.name,
  className: row.class_name,
  parentId: row.parent_id,
  location: row.location,
});

const CHUNK = 1000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Writes a whole directory (an import or the demo seed), numbering every row with a change
 * version after `afterVersion`. Answers the last version used. Runs inside the caller's transaction.
 */
export async function insertDirectory(
  trx: Transaction<Database>,
  directory: Directory,
  afterVersion: number,
  passwordHashes: ReadonlyMap<string, string> = new Map(),
): Promise<number> {
  let version = afterVersion;
  for (const part of chunks(directory.users)) {
    await trx
      .insertInto('users')
      .values(
        part.map((u) => ({
          id: u.id,
          user_name: u.userName,
          first_name: u.firstName,
          last_name: u.lastName,
          name: u.name,
          email: u.email,
          phone: u.phone,
          employee_id: u.employeeId,
          department: u.department,
          location: u.location,
          vip: u.vip,
          active: u.active,
          mobile: u.mobile,
          phone_e164: u.phoneE164,
          mobile_e164: u.mobileE164,
          roles: u.roles,
          password_hash: passwordHashes.get(u.id) ?? null,
          version: ++version,
        })),
      )
      .execute();
  }
  for (const part of chunks(directory.groups)) {
    await trx
      .insertInto('groups')
      .values(
        part.map((g) => ({
          id: g.id,
          name: g.name,
          description: g.description,
          version: ++version,
        })),
      )
      .execute();
  }
  const members = directory.groups.flatMap((g) =>
    g.memberIds.map((userId) => ({ group_id: g.id, user_id: userId })),
  );
  for (const part of chunks(members)) await trx.insertInto('group_members').values(part).execute();
  for (const part of chunks(directory.configurationItems)) {
    await trx
      .insertInto('configuration_items')
      .values(
        part.map((c) => ({
          id: c.id,
          name: c.name,
          class_name: c.className,
          parent_id: c.parentId,
          location: c.location,
          version: ++version,
        })),
      )
      .execute();
  }
  return version;
}

/**
 * Writes catalog items (request forms), new or changed, each with a change version after
 * `afterVersion`, so the directory feed carries them to the desks. Answers the last version used.
 * Runs inside the caller's transaction, which holds the version lock.
 */
export async function upsertCatalogItems(
  trx: Transaction<Database>,
  items: readonly CatalogItem[],
  afterVersion: number,
): Promise<number> {
  let version = afterVersion;
  for (const part of chunks(items, 200)) {
    await trx
      .insertInto('catalog_items')
      .values(
        part.map((item) => ({
          id: item.id,
          name: item.name,
          category: item.category,
          active: item.active,
          version: ++version,
          record: jsonb(item),
        })),
      )
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          category: eb.ref('excluded.category'),
          active: eb.ref('excluded.active'),
          version: eb.ref('excluded.version'),
          record: eb.ref('excluded.record'),
        })),
      )
      .execute();
  }
  return version;
}

/** `%` and `_` typed by a person are letters, not wildcards. */
const containing = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function searchUsers(db: Db, q: string, limit: number): Promise<User[]> {
  let query = db.selectFrom('users').select(USER_COLUMNS);
  if (q !== '') {
    const pattern = containing(q);
    query = query.where((eb) =>
      eb.or([
        eb('name', 'ilike', pattern),
        eb('user_name', 'ilike', pattern),
        eb('email', 'ilike', pattern),
        eb('employee_id', 'ilike', pattern),
        eb('phone', 'ilike', pattern),
      ]),
    );
  }
  const rows = await query.orderBy('name').orderBy('id').limit(limit).execute();
  return rows.map(toUser);
}

export async function findUserByUserName(
  db: Db,
  userName: string,
): Promise<{ user: User; passwordHash: string | null } | undefined> {
  const row = await db
    .selectFrom('users')
    .select([...USER_COLUMNS, 'password_hash'])
    .where(sql<string>`lower(user_name)`, '=', userName.toLowerCase())
    .executeTakeFirst();
  return row ? { user: toUser(row), passwordHash: row.password_hash } : undefined;
}

export async function findUser(db: Db, id: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toUser(row) : undefined;
}

/** Parent chains, nearest first; stops at a missing parent, a loop or ten levels. */
async function withParents(
  db: Db,
  items: ConfigurationItem[],
): Promise<ConfigurationItemWithParents[]> {
  const known = new Map<string, ConfigurationItem>(items.map((i) => [i.id, i]));
  let wanted = [
    ...new Set(
      items.map((i) => i.parentId).filter((id): id is string => id !== null && !known.has(id)),
    ),
  ];
  for (let depth = 0; wanted.length > 0 && depth < 10; depth++) {
    const rows = await db
      .selectFrom('configuration_items')
      .select(['id', 'name', 'class_name', 'parent_id', 'location'])
      .where('id', 'in', wanted)
      .execute();
    for (const row of rows) known.set(row.id, toConfigurationItem(row));
    wanted = [
      ...new Set(
        rows.map((r) => r.parent_id).filter((id): id is string => id !== null && !known.has(id)),
      ),
    ];
  }
  return items.map((item) => {
    const parents: ConfigurationItemWithParents['parents'] = [];
    const seen = new Set([item.id]);
    let parent = item.parentId === null ? undefined : known.get(item.parentId);
    while (parent && !seen.has(parent.id) && parents.length < 10) {
      seen.add(parent.id);
      parents.push({ id: parent.id, name: parent.name, className: parent.className });
      parent = parent.parentId === null ? undefined : known.get(parent.parentId);
    }
    return { ...item, parents };
  });
}

export async function searchConfigurationItems(
  db: Db,
  q: string,
  limit: number,
): Promise<ConfigurationItemWithParents[]> {
  let query = db
    .selectFrom('configuration_items')
    .select(['id', 'name', 'class_name', 'parent_id', 'location']);
  if (q !== '') {
    const pattern = containing(q);
    query = query.where((eb) =>
      eb.or([eb('name', 'ilike', pattern), eb('class_name', 'ilike', pattern)]),
    );
  }
  // Retired items stay on the records naming them but are no longer offered.
  query = query.where('active', '=', true);
  const rows = await query.orderBy('name').orderBy('id').limit(limit).execute();
  return withParents(db, rows.map(toConfigurationItem));
}

export async function groupMembers(
  db: Db,
  groupIds: readonly string[],
): Promise<Map<string, string[]>> {
  const members = new Map<string, string[]>();
  if (groupIds.length === 0) return members;
  const rows = await db
    .selectFrom('group_members')
    .select(['group_id', 'user_id'])
    .where('group_id', 'in', [...groupIds])
    .orderBy('group_id')
    .orderBy('user_id')
    .execute();
  for (const row of rows) {
    const list = members.get(row.group_id) ?? [];
    list.push(row.user_id);
    members.set(row.group_id, list);
  }
  return members;
}

/** The assignment groups a user is a member of, by id. */
export async function groupsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('group_members')
    .select('group_id')
    .where('user_id', '=', userId)
    .orderBy('group_id')
    .execute();
  return rows.map((row) => row.group_id);
}

export async function usersById(db: Db, ids: readonly string[]): Promise<Map<string, User>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, toUser(r)]));
}
