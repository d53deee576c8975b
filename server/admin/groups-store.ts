// Reads and writes assignment groups and their members for Administration, each change with its
// new directory version and its audit entry in the caller's transaction. Never deletes a group.

import { sql } from 'kysely';
import type { z } from 'zod';
import type {
  GroupCreateInput,
  GroupDetail,
  GroupSummary,
  GroupUpdateInput,
  MemberView,
} from '../../shared/admin/groups';
import { GROUP_LIST_LIMIT } from '../../shared/admin/groups';
import { changedFields, recordAudit } from './audit-log';
import { containing, notFound, refused, type AdminWrite, type Db } from './admin-store-kit';

const memberCount = sql<number>`(SELECT count(*)::int FROM group_members m WHERE m.group_id = groups.id)`;

export async function listGroups(
  db: Db,
  input: { q: string; includeInactive: boolean },
): Promise<{ groups: GroupSummary[]; more: boolean }> {
  let query = db
    .selectFrom('groups')
    .select(['id', 'name', 'description', 'active', 'source', memberCount.as('member_count')]);
  if (!input.includeInactive) query = query.where('active', '=', true);
  if (input.q !== '') {
    const pattern = containing(input.q);
    query = query.where((eb) =>
      eb.or([eb('name', 'ilike', pattern), eb('description', 'ilike', pattern)]),
    );
  }
  const rows = await query
    .orderBy('name')
    .orderBy('id')
    .limit(GROUP_LIST_LIMIT + 1)
    .execute();
  return {
    groups: rows.slice(0, GROUP_LIST_LIMIT).map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      active: r.active,
      source: r.source,
      memberCount: Number(r.member_count),
    })),
    more: rows.length > GROUP_LIST_LIMIT,
  };
}

export async function getGroup(db: Db, id: string): Promise<GroupDetail> {
  const row = await db
    .selectFrom('groups')
    .select(['id', 'name', 'description', 'active', 'source'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('group', id);
  const members = await db
    .selectFrom('group_members')
    .innerJoin('users', 'users.id', 'group_members.user_id')
    .select(['users.id', 'users.name', 'users.user_name', 'users.email', 'users.active'])
    .where('group_members.group_id', '=', id)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
  return {
    ...row,
    memberCount: members.length,
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      userName: m.user_name,
      email: m.email,
      active: m.active,
    })),
  };
}

/** People to add, by name, user name or email; deactivated people are not offered. */
export async function findUsers(db: Db, q: string, limit = 20): Promise<MemberView[]> {
  const pattern = containing(q);
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'user_name', 'email', 'active'])
    .where('active', '=', true)
    .where((eb) =>
      eb.or([
        eb('name', 'ilike', pattern),
        eb('user_name', 'ilike', pattern),
        eb('email', 'ilike', pattern),
      ]),
    )
    .orderBy('name')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    userName: r.user_name,
    email: r.email,
    active: r.active,
  }));
}

async function refuseTakenName(db: Db, name: string, exceptId: string | null): Promise<void> {
  let query = db
    .selectFrom('groups')
    .select('id')
    .where(sql<string>`lower(name)`, '=', name.toLowerCase());
  if (exceptId !== null) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst())
    throw refused(`There is already a group named ${name}.`, 'name');
}

export async function createGroup(
  w: AdminWrite,
  id: string,
  input: z.output<typeof GroupCreateInput>,
): Promise<GroupDetail> {
  await refuseTakenName(w.trx, input.name, null);
  await w.trx
    .insertInto('groups')
    .values({
      id,
      name: input.name,
      description: input.description,
      version: w.nextVersion(),
      source: 'local',
      active: true,
    })
    .execute();
  await recordAudit(w.trx, {
    at: w.now,
    actor: w.actor,
    action: 'group.create',
    targetKind: 'group',
    targetId: id,
    targetName: input.name,
    before: null,
    after: { name: input.name, description: input.description },
  });
  return getGroup(w.trx, id);
}

async function lockedGroup(w: AdminWrite, id: string) {
  const row = await w.trx
    .selectFrom('groups')
    .select(['id', 'name', 'description', 'active'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('group', id);
  return row;
}

export async function updateGroup(
  w: AdminWrite,
  input: z.output<typeof GroupUpdateInput>,
): Promise<GroupDetail> {
  const group = await lockedGroup(w, input.id);
  if (input.name !== undefined) await refuseTakenName(w.trx, input.name, input.id);
  const change = changedFields(
    { name: group.name, description: group.description },
    { name: input.name, description: input.description },
  );
  if (Object.keys(change.after).length === 0) return getGroup(w.trx, input.id);
  await w.trx
    .updateTable('groups')
    .set({
      name: input.name ?? group.name,
      description: input.description ?? group.description,
      version: w.nextVersion(),
    })
    .where('id', '=', input.id)
    .execute();
  await recordAudit(w.trx, {
    at: w.now,
    actor: w.actor,
    action: 'group.update',
    targetKind: 'group',
    targetId: input.id,
    targetName: input.name ?? group.name,
    ...change,
  });
  return getGroup(w.trx, input.id);
}

export async function setGroupActive(
  w: AdminWrite,
  id: string,
  active: boolean,
): Promise<GroupDetail> {
  const group = await lockedGroup(w, id);
  if (group.active === active) return getGroup(w.trx, id);
  await w.trx
    .updateTable('groups')
    .set({ active, version: w.nextVersion() })
    .where('id', '=', id)
    .execute();
  await recordAudit(w.trx, {
    at: w.now,
    actor: w.actor,
    action: active ? 'group.reactivate' : 'group.deactivate',
    targetKind: 'group',
    targetId: id,
    targetName: group.name,
    before: { active: group.active },
    after: { active },
  });
  return getGroup(w.trx, id);
}

/**
 * Adds or removes one member. The group's version moves, because the desks' feed sends a group
 * with its member list: that list is what decides who may resolve for the group.
 */
export async function changeMember(
  w: AdminWrite,
  groupId: string,
  userId: string,
  add: boolean,
): Promise<GroupDetail> {
  const group = await lockedGroup(w, groupId);
  const user = await w.trx
    .selectFrom('users')
    .select(['id', 'name', 'active'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) throw notFound('user', userId);
  const member = await w.trx
    .selectFrom('group_members')
    .select('user_id')
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (add) {
    if (member) throw refused(`${user.name} is already a member of ${group.name}.`, 'userId');
    if (!user.active) throw refused(`${user.name} is deactivated.`, 'userId');
    await w.trx
      .insertInto('group_members')
      .values({ group_id: groupId, user_id: userId })
      .execute();
  } else {
    if (!member) throw refused(`${user.name} is not a member of ${group.name}.`, 'userId');
    await w.trx
      .deleteFrom('group_members')
      .where('group_id', '=', groupId)
      .where('user_id', '=', userId)
      .execute();
  }
  await w.trx
    .updateTable('groups')
    .set({ version: w.nextVersion() })
    .where('id', '=', groupId)
    .execute();
  const memberText = `${user.name} (${user.id})`;
  await recordAudit(w.trx, {
    at: w.now,
    actor: w.actor,
    action: add ? 'group.add-member' : 'group.remove-member',
    targetKind: 'group',
    targetId: groupId,
    targetName: group.name,
    before: add ? null : { member: memberText },
    after: add ? { member: memberText } : null,
  });
  return getGroup(w.trx, groupId);
}
