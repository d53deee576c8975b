// Users from an outside directory, matched on external keys, one batch at a time: new keys
// inserted, changed rows updated with a new version, unchanged rows never written. Users are
// deactivated, never deleted.

import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { inJsonTexts, jsonRecordset } from '../db/values';
import {
  auditBatch,
  emptyCounts,
  type DirectorySource,
  type DirectoryUser,
  type UpsertContext,
  type UpsertRefusal,
  type UpsertResult,
} from './directory-upsert-shapes';

type Trx = Transaction<Database>;

/** The keys a full run named: a Set, or anything that answers `has` (a compact hash set). */
export interface KeySet {
  has(key: string): boolean;
}

const fullName = (u: DirectoryUser): string => `${u.firstName} ${u.lastName}`.trim() || u.userName;

const USER_FIELDS = [
  'user_name',
  'first_name',
  'last_name',
  'name',
  'email',
  'phone',
  'phone_e164',
  'mobile',
  'mobile_e164',
  'employee_id',
  'department',
  'location',
  'vip',
  'active',
  'source',
] as const;

function userFields(u: DirectoryUser, source: DirectorySource) {
  return {
    user_name: u.userName,
    first_name: u.firstName,
    last_name: u.lastName,
    name: fullName(u),
    email: u.email,
    phone: u.phone,
    phone_e164: u.phoneE164,
    mobile: u.mobile,
    mobile_e164: u.mobileE164,
    employee_id: u.employeeId,
    department: u.department,
    location: u.location,
    vip: u.vip,
    active: u.active,
    source,
  };
}

type UserFields = ReturnType<typeof userFields>;

/** Each written column and its SQL type, for a batch sent as one JSON parameter. */
const WRITTEN_COLUMNS: Readonly<
  Record<keyof UserFields | 'id' | 'external_key' | 'badge_number' | 'version', string>
> = {
  id: 'text',
  external_key: 'text',
  badge_number: 'text',
  version: 'bigint',
  user_name: 'text',
  first_name: 'text',
  last_name: 'text',
  name: 'text',
  email: 'text',
  phone: 'text',
  phone_e164: 'text',
  mobile: 'text',
  mobile_e164: 'text',
  employee_id: 'text',
  department: 'text',
  location: 'text',
  vip: 'boolean',
  active: 'boolean',
  source: 'text',
};

/** A row as written: `badge_number` null on an update keeps the badge the user has. */
type WrittenRow = UserFields & {
  id: string;
  external_key: string;
  badge_number: string | null;
  version: number;
};

/** Who holds each badge number the batch names (by external key; null for a user without one). */
async function badgeOwners(
  trx: Trx,
  users: readonly DirectoryUser[],
): Promise<Map<string, string | null>> {
  const badges = [...new Set(users.flatMap((u) => (u.badgeNumber ? [u.badgeNumber] : [])))];
  if (badges.length === 0) return new Map();
  const rows = await trx
    .selectFrom('users')
    .select(['badge_number', 'external_key'])
    .where(inJsonTexts(sql.ref('badge_number'), badges))
    .execute();
  return new Map(rows.map((row) => [row.badge_number, row.external_key]));
}

/** The batch's new users in one statement. */
async function insertUsers(trx: Trx, rows: readonly WrittenRow[]): Promise<void> {
  const names = Object.keys(WRITTEN_COLUMNS);
  const columns = sql.raw(names.join(', '));
  const values = sql.raw(
    names.map((c) => (c === 'badge_number' ? `COALESCE(r.${c}, '')` : `r.${c}`)).join(', '),
  );
  await sql`INSERT INTO users (${columns}) SELECT ${values} FROM ${jsonRecordset(rows, WRITTEN_COLUMNS, 'r')}`.execute(
    trx,
  );
}

/** The batch's changed users in one statement (matched on id; external_key stays). */
async function updateUsers(trx: Trx, rows: readonly WrittenRow[]): Promise<void> {
  const set = sql.raw(
    [
      ...[...USER_FIELDS, 'version' as const].map((column) => `${column} = r.${column}`),
      'badge_number = COALESCE(r.badge_number, u.badge_number)',
    ].join(', '),
  );
  await sql`UPDATE users AS u SET ${set} FROM ${jsonRecordset(rows, WRITTEN_COLUMNS, 'r')} WHERE u.id = r.id`.execute(
    trx,
  );
}

/**
 * Users of one batch: new keys inserted, changed rows updated with a new version, the rest left
 * alone. A user name already taken by another user is refused (the row is skipped). One audit
 * entry sums the batch up.
 */
export async function upsertUsers(
  context: UpsertContext,
  users: readonly DirectoryUser[],
): Promise<UpsertResult> {
  const { trx, nextVersion, source } = context;
  const newId = context.newId ?? randomUUID;
  const counts = emptyCounts();
  const refused: UpsertRefusal[] = [];
  if (users.length === 0) return { counts, refused };
  const keys = users.map((u) => u.externalKey);
  const existing = await trx
    .selectFrom('users')
    .select(['id', 'external_key', 'badge_number', ...USER_FIELDS])
    .where(inJsonTexts(sql.ref('external_key'), keys))
    .where('external_key', 'is not', null)
    .execute();
  const byKey = new Map(existing.map((row) => [row.external_key as string, row]));
  const names = users.map((u) => u.userName.toLowerCase());
  const taken = await trx
    .selectFrom('users')
    .select(['external_key', sql<string>`lower(user_name)`.as('lower_name')])
    .where(inJsonTexts(sql`lower(user_name)`, names))
    .execute();
  const nameOwner = new Map(taken.map((row) => [row.lower_name, row.external_key]));
  const badgeOwner = await badgeOwners(trx, users);

  const inserts: WrittenRow[] = [];
  const updates: WrittenRow[] = [];
  users.forEach((user, index) => {
    const fields = userFields(user, source);
    const owner = nameOwner.get(user.userName.toLowerCase());
    if (owner !== undefined && owner !== user.externalKey) {
      refused.push({
        index,
        field: 'userName',
        message: `The user name ${user.userName} belongs to another user.`,
      });
      return;
    }
    const badge = user.badgeNumber;
    if (badge !== undefined && badge !== '') {
      const holder = badgeOwner.get(badge);
      if (holder !== undefined && holder !== user.externalKey) {
        refused.push({
          index,
          field: 'badgeNumber',
          message: `The badge number ${badge} belongs to another user.`,
        });
        return;
      }
      badgeOwner.set(badge, user.externalKey);
    }
    nameOwner.set(user.userName.toLowerCase(), user.externalKey);
    const row = byKey.get(user.externalKey);
    if (row === undefined) {
      inserts.push({
        ...fields,
        id: newId(),
        external_key: user.externalKey,
        badge_number: badge ?? '',
        version: 0,
      });
    } else if (
      USER_FIELDS.some((f) => row[f] !== fields[f]) ||
      (badge !== undefined && row.badge_number !== badge)
    ) {
      updates.push({
        ...fields,
        id: row.id,
        external_key: user.externalKey,
        badge_number: badge ?? null,
        version: 0,
      });
    } else {
      counts.unchanged++;
    }
  });
  for (const row of inserts) row.version = nextVersion();
  for (const row of updates) row.version = nextVersion();
  if (inserts.length > 0) await insertUsers(trx, inserts);
  if (updates.length > 0) await updateUsers(trx, updates);
  counts.created = inserts.length;
  counts.updated = updates.length;
  const result = { counts, refused };
  await auditBatch(context, 'users', result);
  return result;
}

/** Active users of `source` whose external key is not in `seen`, a page of ids at a time. */
async function* missingUsers(
  trx: Trx | Kysely<Database>,
  source: DirectorySource,
  seen: KeySet,
): AsyncGenerator<string[]> {
  let after = '';
  for (;;) {
    const rows = await trx
      .selectFrom('users')
      .select(['id', 'external_key'])
      .where('source', '=', source)
      .where('active', '=', true)
      .where('external_key', 'is not', null)
      .where('external_key', '>', after)
      .orderBy('external_key')
      .limit(5000)
      .execute();
    if (rows.length === 0) return;
    after = rows[rows.length - 1]?.external_key as string;
    const missing = rows.filter((r) => !seen.has(r.external_key as string)).map((r) => r.id);
    if (missing.length > 0) yield missing;
  }
}

/** How many active users of `source` a full run naming only `seen` would deactivate. */
export async function countMissingUsers(
  db: Trx | Kysely<Database>,
  source: DirectorySource,
  seen: KeySet,
): Promise<number> {
  let count = 0;
  for await (const ids of missingUsers(db, source, seen)) count += ids.length;
  return count;
}

/** Deactivates (never deletes) the active users of `source` a full run did not name. */
export async function deactivateMissingUsers(
  context: UpsertContext,
  seen: KeySet,
): Promise<number> {
  const pages: string[][] = [];
  for await (const ids of missingUsers(context.trx, context.source, seen)) pages.push(ids);
  let count = 0;
  for (const ids of pages) {
    const rows = ids.map((id) => ({ id, version: context.nextVersion() }));
    await sql`UPDATE users AS u SET active = false, version = r.version FROM ${jsonRecordset(rows, { id: 'text', version: 'bigint' }, 'r')} WHERE u.id = r.id`.execute(
      context.trx,
    );
    count += ids.length;
  }
  const counts = { ...emptyCounts(), deactivated: count };
  await auditBatch(context, 'users', { counts, refused: [] });
  return count;
}
