// Writes an outside directory (a CSV import, an LDAP sync) into users, groups with members and
// configuration items, matched on external keys, one batch at a time inside the caller's
// directory write. Unchanged rows are never written; users are deactivated, never deleted.

import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { recordAudit } from './audit-log';

export type DirectorySource = 'csv' | 'ldap';
type Trx = Transaction<Database>;
/** The directory version for the next changed row (from writeDirectory). */
export type NextVersion = () => number;

export interface UpsertActor {
  id: string | null;
  name: string;
}

export interface UpsertContext {
  trx: Trx;
  nextVersion: NextVersion;
  source: DirectorySource;
  actor: UpsertActor;
  /** New rows' ids; random by default. */
  newId?: () => string;
}

/** A user as the source describes it (phones already normalized by the caller). */
export interface DirectoryUser {
  externalKey: string;
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  phoneE164: string;
  mobile: string;
  mobileE164: string;
  employeeId: string;
  department: string;
  location: string;
  vip: boolean;
  active: boolean;
}

export interface DirectoryGroup {
  externalKey: string;
  name: string;
  description: string;
  /** User external keys or user names. */
  members: string[];
}

export interface DirectoryConfigurationItem {
  externalKey: string;
  name: string;
  className: string;
  /** The parent's external key; null for a top item. */
  parentKey: string | null;
  location: string;
}

export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
  deactivated: number;
}

/** A row the batch could not write, by its place in the batch. */
export interface UpsertRefusal {
  index: number;
  field: string;
  message: string;
}

export interface UpsertResult {
  counts: UpsertCounts;
  refused: UpsertRefusal[];
}

export const emptyCounts = (): UpsertCounts => ({
  created: 0,
  updated: 0,
  unchanged: 0,
  deactivated: 0,
});

const fullName = (u: DirectoryUser): string =>
  `${u.firstName} ${u.lastName}`.trim() || u.userName;

async function auditBatch(
  context: UpsertContext,
  kind: string,
  result: UpsertResult,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const { counts } = result;
  if (counts.created + counts.updated + counts.deactivated === 0) return;
  await recordAudit(context.trx, {
    actorId: context.actor.id,
    actorName: context.actor.name,
    action: `directory.${context.source}-import`,
    targetKind: kind,
    targetId: null,
    targetName: `${kind} from ${context.source}`,
    before: null,
    after: { ...counts, refused: result.refused.length, ...extra },
  });
}

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

type UserFields = Record<(typeof USER_FIELDS)[number], string | boolean>;

function userFields(u: DirectoryUser, source: DirectorySource): UserFields {
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
    .select(['id', 'external_key', ...USER_FIELDS])
    .where('external_key', 'in', keys)
    .execute();
  const byKey = new Map(existing.map((row) => [row.external_key as string, row]));
  const names = users.map((u) => u.userName.toLowerCase());
  const taken = await trx
    .selectFrom('users')
    .select(['external_key', sql<string>`lower(user_name)`.as('lower_name')])
    .where(sql<string>`lower(user_name)`, 'in', names)
    .execute();
  const nameOwner = new Map(taken.map((row) => [row.lower_name, row.external_key]));

  const inserts: (UserFields & { id: string; external_key: string; roles: string[]; version: number })[] = [];
  const updates: { id: string; fields: UserFields }[] = [];
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
    nameOwner.set(user.userName.toLowerCase(), user.externalKey);
    const row = byKey.get(user.externalKey);
    if (row === undefined) {
      inserts.push({ ...fields, id: newId(), external_key: user.externalKey, roles: [], version: 0 });
    } else if (USER_FIELDS.some((f) => row[f] !== fields[f])) {
      updates.push({ id: row.id, fields });
    } else {
      counts.unchanged++;
    }
  });
  for (const row of inserts) row.version = nextVersion();
  if (inserts.length > 0) await trx.insertInto('users').values(inserts).execute();
  for (const update of updates)
    await trx
      .updateTable('users')
      .set({ ...update.fields, version: nextVersion() })
      .where('id', '=', update.id)
      .execute();
  counts.created = inserts.length;
  counts.updated = updates.length;
  const result = { counts, refused };
  await auditBatch(context, 'users', result);
  return result;
}

/** Active users of `source` whose external key is not in `seen`, a page of ids at a time. */
async function* missingUsers(
  trx: Trx | Parameters<typeof countMissingUsers>[0],
  source: DirectorySource,
  seen: ReadonlySet<string>,
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
  db: Trx | import('kysely').Kysely<Database>,
  source: DirectorySource,
  seen: ReadonlySet<string>,
): Promise<number> {
  let count = 0;
  for await (const ids of missingUsers(db, source, seen)) count += ids.length;
  return count;
}

/** Deactivates (never deletes) the active users of `source` a full run did not name. */
export async function deactivateMissingUsers(
  context: UpsertContext,
  seen: ReadonlySet<string>,
): Promise<number> {
  const pages: string[][] = [];
  for await (const ids of missingUsers(context.trx, context.source, seen)) pages.push(ids);
  let count = 0;
  for (const ids of pages) {
    for (const id of ids)
      await context.trx
        .updateTable('users')
        .set({ active: false, version: context.nextVersion() })
        .where('id', '=', id)
        .execute();
    count += ids.length;
  }
  const counts = { ...emptyCounts(), deactivated: count };
  await auditBatch(context, 'users', { counts, refused: [] });
  return count;
}

export { resolveMembers, upsertConfigurationItems, upsertGroups } from './directory-upsert-groups';
