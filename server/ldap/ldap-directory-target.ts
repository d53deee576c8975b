// Where the LDAP sync writes: the directory, through directory-upsert (source 'ldap', matched on
// the entry's own id), each page in one directory write (version lock, poke). Never deletes a row.

import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { DirectoryWriteDeps } from '../admin/directory-write';
import { writeDirectory } from '../admin/directory-write';
import {
  deactivateMissingUsers,
  upsertGroups,
  upsertUsers,
  type DirectoryUser,
  type UpsertActor,
  type UpsertContext,
} from '../admin/directory-upsert';
import type { LdapUserRecord } from './ldap-entry-mapping';
import type { LdapDirectoryTarget } from './ldap-sync';

/** The audit log's name for changes the sync makes (scheduled or Sync now). */
export const LDAP_SYNC_ACTOR: UpsertActor = { id: null, name: 'LDAP sync' };

export interface LdapTargetDeps extends DirectoryWriteDeps {
  /** E.164 in the server's default region, or '' (server/directory/phone-e164.ts). */
  toE164: (raw: string) => string;
  now: () => Date;
  actor?: UpsertActor;
}

export function toDirectoryUser(
  user: LdapUserRecord,
  toE164: (raw: string) => string,
): DirectoryUser {
  return {
    externalKey: user.externalKey,
    userName: user.userName,
    firstName: user.firstName || user.name,
    lastName: user.lastName,
    email: user.email,
    phone: user.phone,
    phoneE164: toE164(user.phone),
    mobile: user.mobile,
    mobileE164: toE164(user.mobile),
    employeeId: user.employeeId,
    department: user.department,
    location: user.location,
    vip: false,
    active: user.active,
    badgeNumber: user.badgeNumber,
  };
}

export function ldapDirectoryTarget(deps: LdapTargetDeps): LdapDirectoryTarget {
  const actor = deps.actor ?? LDAP_SYNC_ACTOR;
  const write = <T>(work: (context: UpsertContext) => Promise<T>): Promise<T> =>
    writeDirectory(deps, (trx, nextVersion) =>
      work({ trx, nextVersion, source: 'ldap', actor, now: deps.now }),
    );

  return {
    writeUsers: (users) =>
      write(async (context) => {
        const { counts, refused } = await upsertUsers(
          context,
          users.map((u) => toDirectoryUser(u, deps.toE164)),
        );
        return {
          written: counts.created + counts.updated,
          refused: refused.map((r) => `${users[r.index]?.dn ?? 'An entry'}: ${r.message}`),
        };
      }),
    writeGroups: (groups) =>
      write(async (context) => {
        const { counts } = await upsertGroups(
          context,
          groups.map(({ group, memberKeys }) => ({
            externalKey: group.externalKey,
            name: group.name,
            description: group.description,
            members: memberKeys,
          })),
        );
        return counts.created + counts.updated;
      }),
    writeUserGroups: (entries) =>
      write((context) => replaceUserGroups(context.trx, context.nextVersion, entries)),
    deactivateUsersMissing: (present) =>
      write((context) => deactivateMissingUsers(context, present)),
    deactivateGroupsMissing: (present) =>
      write((context) => deactivateMissingGroups(context.trx, context.nextVersion, present)),
  };
}

/**
 * memberOf directories: each listed user's memberships in LDAP groups become exactly these
 * groups; every group gaining or losing a member takes a new version so the desks see it.
 */
async function replaceUserGroups(
  trx: Transaction<Database>,
  nextVersion: () => number,
  entries: readonly { userKey: string; groupKeys: string[] }[],
): Promise<number> {
  if (entries.length === 0) return 0;
  const groups = await trx
    .selectFrom('groups')
    .select(['id', 'external_key'])
    .where('source', '=', 'ldap')
    .execute();
  const groupId = new Map(groups.map((g) => [g.external_key ?? '', g.id]));
  const ldapGroupIds = groups.map((g) => g.id);
  const users = await trx
    .selectFrom('users')
    .select(['id', 'external_key'])
    .where(
      'external_key',
      'in',
      entries.map((e) => e.userKey),
    )
    .execute();
  const userId = new Map(users.map((u) => [u.external_key ?? '', u.id]));
  const touched = new Set<string>();
  for (const entry of entries) {
    const user = userId.get(entry.userKey);
    if (!user || ldapGroupIds.length === 0) continue;
    const want = new Set(entry.groupKeys.flatMap((k) => groupId.get(k) ?? []));
    const have = new Set(
      (
        await trx
          .selectFrom('group_members')
          .select('group_id')
          .where('user_id', '=', user)
          .where('group_id', 'in', ldapGroupIds)
          .execute()
      ).map((r) => r.group_id),
    );
    const gone = [...have].filter((g) => !want.has(g));
    const added = [...want].filter((g) => !have.has(g));
    if (gone.length > 0)
      await trx
        .deleteFrom('group_members')
        .where('user_id', '=', user)
        .where('group_id', 'in', gone)
        .execute();
    if (added.length > 0)
      await trx
        .insertInto('group_members')
        .values(added.map((g) => ({ group_id: g, user_id: user })))
        .execute();
    for (const g of [...gone, ...added]) touched.add(g);
  }
  for (const id of touched)
    await trx.updateTable('groups').set({ version: nextVersion() }).where('id', '=', id).execute();
  return touched.size;
}

/** LDAP groups no longer in the directory are deactivated (directory-upsert has no such step). */
async function deactivateMissingGroups(
  trx: Transaction<Database>,
  nextVersion: () => number,
  present: ReadonlySet<string>,
): Promise<number> {
  const active = await trx
    .selectFrom('groups')
    .select(['id', 'external_key'])
    .where('source', '=', 'ldap')
    .where('active', '=', true)
    .execute();
  const gone = active.filter((g) => g.external_key !== null && !present.has(g.external_key));
  for (const g of gone)
    await trx
      .updateTable('groups')
      .set({ active: false, version: nextVersion() })
      .where('id', '=', g.id)
      .execute();
  return gone.length;
}
