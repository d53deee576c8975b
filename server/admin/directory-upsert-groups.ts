// The group and configuration item half of directory-upsert: groups with their members, and
// configuration items with their parents by external key (a cycle is refused, never written).
// It never deletes a group, a member's user or an item; unchanged rows keep their version.

import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import {
  auditBatch as audit,
  type DirectoryConfigurationItem,
  type DirectoryGroup,
  type UpsertContext,
  type UpsertRefusal,
  type UpsertResult,
} from './directory-upsert-shapes';

type Trx = Transaction<Database>;

/** Users named by external key or user name → their ids; names not found are left out. */
export async function resolveMembers(
  trx: Trx,
  names: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const unique = [...new Set(names)];
  for (let i = 0; i < unique.length; i += 1000) {
    const part = unique.slice(i, i + 1000);
    const lower = part.map((n) => n.toLowerCase());
    const rows = await trx
      .selectFrom('users')
      .select(['id', 'external_key', sql<string>`lower(user_name)`.as('lower_name')])
      .where((eb) =>
        eb.or([eb('external_key', 'in', part), eb(sql<string>`lower(user_name)`, 'in', lower)]),
      )
      .execute();
    for (const row of rows) {
      if (row.external_key !== null) found.set(row.external_key, row.id);
    }
    for (const name of part) {
      if (found.has(name)) continue;
      const byName = rows.find((r) => r.lower_name === name.toLowerCase());
      if (byName) found.set(name, byName.id);
    }
  }
  return found;
}

/** The same members in any order: each list sorted once (groups of thousands are compared often). */
function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const left = [...a].sort();
  const right = [...b].sort();
  return left.every((id, i) => id === right[i]);
}

/**
 * Groups of one batch with their members (by user external key or user name). A member nobody
 * has is refused (listed) and left out; the group is written with the members found.
 */
export async function upsertGroups(
  context: UpsertContext,
  groups: readonly DirectoryGroup[],
): Promise<UpsertResult> {
  const { trx, nextVersion, source } = context;
  const newId = context.newId ?? randomUUID;
  const counts = { created: 0, updated: 0, unchanged: 0, deactivated: 0 };
  const refused: UpsertRefusal[] = [];
  if (groups.length === 0) return { counts, refused };
  const existing = await trx
    .selectFrom('groups')
    .select(['id', 'external_key', 'name', 'description', 'source', 'active'])
    .where(
      'external_key',
      'in',
      groups.map((g) => g.externalKey),
    )
    .execute();
  const byKey = new Map(existing.map((row) => [row.external_key as string, row]));
  const memberRows =
    existing.length === 0
      ? []
      : await trx
          .selectFrom('group_members')
          .select(['group_id', 'user_id'])
          .where(
            'group_id',
            'in',
            existing.map((g) => g.id),
          )
          .execute();
  const current = new Map<string, string[]>();
  for (const row of memberRows)
    current.set(row.group_id, [...(current.get(row.group_id) ?? []), row.user_id]);
  const people = await resolveMembers(
    trx,
    groups.flatMap((g) => g.members),
  );

  for (const [index, group] of groups.entries()) {
    const memberIds = [
      ...new Set(
        group.members.flatMap((name) => {
          const id = people.get(name);
          if (id === undefined)
            refused.push({
              index,
              field: 'members',
              message: `No user has the key or user name ${name}.`,
            });
          return id === undefined ? [] : [id];
        }),
      ),
    ];
    const row = byKey.get(group.externalKey);
    const fields = { name: group.name, description: group.description, source, active: true };
    let id: string;
    if (row === undefined) {
      id = newId();
      await trx
        .insertInto('groups')
        .values({ ...fields, id, external_key: group.externalKey, version: nextVersion() })
        .execute();
      counts.created++;
    } else {
      id = row.id;
      const same =
        row.name === fields.name &&
        row.description === fields.description &&
        row.source === source &&
        row.active &&
        sameMembers(current.get(id) ?? [], memberIds);
      if (same) {
        counts.unchanged++;
        continue;
      }
      await trx
        .updateTable('groups')
        .set({ ...fields, version: nextVersion() })
        .where('id', '=', id)
        .execute();
      await trx.deleteFrom('group_members').where('group_id', '=', id).execute();
      counts.updated++;
    }
    if (memberIds.length > 0)
      await trx
        .insertInto('group_members')
        .values(memberIds.map((userId) => ({ group_id: id, user_id: userId })))
        .execute();
  }
  const result = { counts, refused };
  await audit(context, 'groups', result);
  return result;
}

/** Parent ids of `ids` in the database, for walking chains upward. */
async function parentsOf(trx: Trx, ids: readonly string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('configuration_items')
    .select(['id', 'parent_id'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.parent_id]));
}

/**
 * Whether giving `child` the parent `parent` closes a loop, with `planned` parents (this batch's)
 * over the database's. Walks at most 1,000 levels; deeper is refused as a loop too.
 */
async function closesLoop(
  trx: Trx,
  planned: ReadonlyMap<string, string | null>,
  child: string,
  parent: string | null,
): Promise<boolean> {
  let node = parent;
  const known = new Map(planned);
  for (let depth = 0; node !== null && depth < 1000; depth++) {
    if (node === child) return true;
    if (!known.has(node)) for (const [id, p] of await parentsOf(trx, [node])) known.set(id, p);
    node = known.get(node) ?? null;
  }
  return node !== null;
}

/**
 * Configuration items of one batch, parents by external key (in the database or earlier in the
 * batch: callers send parents first). An unknown parent or a loop is refused and not written.
 */
export async function upsertConfigurationItems(
  context: UpsertContext,
  items: readonly DirectoryConfigurationItem[],
): Promise<UpsertResult> {
  const { trx, nextVersion } = context;
  const newId = context.newId ?? randomUUID;
  const counts = { created: 0, updated: 0, unchanged: 0, deactivated: 0 };
  const refused: UpsertRefusal[] = [];
  if (items.length === 0) return { counts, refused };
  const keys = [
    ...new Set(
      items.flatMap((i) => (i.parentKey === null ? [i.externalKey] : [i.externalKey, i.parentKey])),
    ),
  ];
  const existing = await trx
    .selectFrom('configuration_items')
    .select(['id', 'external_key', 'name', 'class_name', 'parent_id', 'location', 'active'])
    .where('external_key', 'in', keys)
    .execute();
  const byKey = new Map(existing.map((row) => [row.external_key as string, row]));
  const idOf = new Map(existing.map((row) => [row.external_key as string, row.id]));
  const planned = new Map<string, string | null>();

  for (const [index, item] of items.entries()) {
    const row = byKey.get(item.externalKey);
    const id = row?.id ?? newId();
    let parentId: string | null = null;
    if (item.parentKey !== null) {
      const found = idOf.get(item.parentKey);
      if (found === undefined) {
        refused.push({
          index,
          field: 'parentKey',
          message: `No configuration item has the key ${item.parentKey}.`,
        });
        continue;
      }
      parentId = found;
    }
    const fields = {
      name: item.name,
      class_name: item.className,
      parent_id: parentId,
      location: item.location,
      active: true,
    };
    if (
      row &&
      row.name === fields.name &&
      row.class_name === fields.class_name &&
      row.parent_id === parentId &&
      row.location === fields.location &&
      row.active
    ) {
      counts.unchanged++;
      continue;
    }
    if (
      (row === undefined || row.parent_id !== parentId) &&
      (await closesLoop(trx, planned, id, parentId))
    ) {
      refused.push({
        index,
        field: 'parentKey',
        message: `${item.externalKey} would be its own parent (a cycle through ${item.parentKey}).`,
      });
      continue;
    }
    planned.set(id, parentId);
    if (row === undefined) {
      await trx
        .insertInto('configuration_items')
        .values({ ...fields, id, external_key: item.externalKey, version: nextVersion() })
        .execute();
      idOf.set(item.externalKey, id);
      counts.created++;
    } else {
      await trx
        .updateTable('configuration_items')
        .set({ ...fields, version: nextVersion() })
        .where('id', '=', id)
        .execute();
      counts.updated++;
    }
  }
  const result = { counts, refused };
  await audit(context, 'configuration-items', result);
  return result;
}
