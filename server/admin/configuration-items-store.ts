// Reads and writes the configuration item tree for Administration: a level at a time, search with
// paths, add, move (never into itself), retire and restore, each change versioned and audited.

import { sql } from 'kysely';
import type { z } from 'zod';
import type {
  ChildrenInput,
  ConfigurationItemMatch,
  ConfigurationItemNode,
  CreateInput,
} from '../../shared/admin/configuration-items';
import { recordAudit } from './audit-log';
import { containing, notFound, refused, type AdminWrite, type Db } from './admin-store-kit';

/** Deeper than any real tree (site → building → floor → device); stops a bad loop in old data. */
const MAX_DEPTH = 64;

const childCount = (includeRetired: boolean) =>
  includeRetired
    ? sql<number>`(SELECT count(*)::int FROM configuration_items k WHERE k.parent_id = c.id)`
    : sql<number>`(SELECT count(*)::int FROM configuration_items k WHERE k.parent_id = c.id AND k.active)`;

function nodes(db: Db, includeRetired: boolean) {
  return db
    .selectFrom('configuration_items as c')
    .select([
      'c.id',
      'c.name',
      'c.class_name',
      'c.parent_id',
      'c.location',
      'c.active',
      childCount(includeRetired).as('child_count'),
    ]);
}

type NodeRow = {
  id: string;
  name: string;
  class_name: string;
  parent_id: string | null;
  location: string;
  active: boolean;
  child_count: number;
};

const toNode = (r: NodeRow): ConfigurationItemNode => ({
  id: r.id,
  name: r.name,
  className: r.class_name,
  parentId: r.parent_id,
  location: r.location,
  active: r.active,
  childCount: Number(r.child_count),
});

/** One page of an item's children (or of the top level), by name then id. */
export async function listChildren(
  db: Db,
  input: z.output<typeof ChildrenInput>,
): Promise<{ items: ConfigurationItemNode[]; more: boolean }> {
  let query = nodes(db, input.includeRetired);
  query =
    input.parentId === null
      ? query.where('c.parent_id', 'is', null)
      : query.where('c.parent_id', '=', input.parentId);
  if (!input.includeRetired) query = query.where('c.active', '=', true);
  const after = input.after;
  if (after)
    query = query.where(
      (eb) => eb.refTuple('c.name', 'c.id'),
      '>',
      (eb) => eb.tuple(after.name, after.id),
    );
  const rows = await query
    .orderBy('c.name')
    .orderBy('c.id')
    .limit(input.limit + 1)
    .execute();
  return { items: rows.slice(0, input.limit).map(toNode), more: rows.length > input.limit };
}

async function nodeById(db: Db, id: string): Promise<ConfigurationItemNode> {
  const row = await nodes(db, false).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('configuration item', id);
  return toNode(row);
}

/** The items above `id`, nearest first, `id` itself included first. */
async function chainUp(
  db: Db,
  id: string,
  includeRetired = true,
): Promise<ConfigurationItemNode[]> {
  const counted = includeRetired ? sql`true` : sql`k.active`;
  const { rows } = await sql<NodeRow & { depth: number }>`
    WITH RECURSIVE chain(id, name, class_name, parent_id, location, active, depth) AS (
      SELECT id, name, class_name, parent_id, location, active, 0
      FROM configuration_items WHERE id = ${id}
      UNION ALL
      SELECT p.id, p.name, p.class_name, p.parent_id, p.location, p.active, chain.depth + 1
      FROM configuration_items p JOIN chain ON p.id = chain.parent_id
      WHERE chain.depth < ${MAX_DEPTH}
    )
    SELECT chain.*, (SELECT count(*)::int FROM configuration_items k
      WHERE k.parent_id = chain.id AND ${counted}) AS child_count
    FROM chain ORDER BY depth`.execute(db);
  return rows.map(toNode);
}

export async function searchItems(
  db: Db,
  input: { q: string; includeRetired: boolean; limit: number },
): Promise<{ items: ConfigurationItemMatch[]; more: boolean }> {
  const pattern = containing(input.q);
  let query = nodes(db, input.includeRetired).where((eb) =>
    eb.or([eb('c.name', 'ilike', pattern), eb('c.class_name', 'ilike', pattern)]),
  );
  if (!input.includeRetired) query = query.where('c.active', '=', true);
  const rows = await query
    .orderBy('c.name')
    .orderBy('c.id')
    .limit(input.limit + 1)
    .execute();
  const items: ConfigurationItemMatch[] = [];
  for (const row of rows.slice(0, input.limit)) {
    const chain =
      row.parent_id === null ? [] : await chainUp(db, row.parent_id, input.includeRetired);
    items.push({ ...toNode(row), path: chain.reverse() });
  }
  return { items, more: rows.length > input.limit };
}

async function activeParent(db: Db, parentId: string): Promise<{ id: string; name: string }> {
  const parent = await db
    .selectFrom('configuration_items')
    .select(['id', 'name', 'active'])
    .where('id', '=', parentId)
    .executeTakeFirst();
  if (!parent) throw notFound('configuration item', parentId);
  if (!parent.active)
    throw refused(
      `${parent.name} is retired: restore it first or choose another parent.`,
      'parentId',
    );
  return parent;
}

export async function createItem(
  w: AdminWrite,
  id: string,
  input: z.output<typeof CreateInput>,
): Promise<ConfigurationItemNode> {
  const parent = input.parentId === null ? null : await activeParent(w.trx, input.parentId);
  await w.trx
    .insertInto('configuration_items')
    .values({
      id,
      name: input.name,
      class_name: input.className,
      parent_id: input.parentId,
      location: input.location,
      active: true,
      version: w.nextVersion(),
    })
    .execute();
  await recordAudit(w.trx, {
    at: w.now,
    actor: w.actor,
    action: 'configuration-item.create',
    targetKind: 'configuration-item',
    targetId: id,
    targetName: input.name,
    before: null,
    after: {
      name: input.name,
      className: input.className,
      parent: parent?.name ?? null,
      location: input.location,
    },
  });
  return nodeById(w.trx, id);
}

async function lockedItem(w: AdminWrite, id: string) {
  const row = await w.trx
    .selectFrom('configuration_items')
    .select(['id', 'name', 'parent_id', 'active'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('configuration item', id);
  return row;
}

async function parentName(db: Db, id: string | null): Promise<string | null> {
  if (id === null) return null;
  const row = await db
    .selectFrom('configuration_items')
    .select('name')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.name ?? id;
}

/** Puts an item under a new parent (null: the top); refuses to put it inside itself. */
export async function moveItem(
  w: AdminWrite,
  id: string,
  parentId: string | null,
): Promise<ConfigurationItemNode> {
  const item = await lockedItem(w, id);
  if (item.parent_id === parentId) return nodeById(w.trx, id);
  if (parentId === id) throw refused(`${item.name} cannot be its own parent.`, 'parentId');
  if (parentId !== null) {
    const parent = await activeParent(w.trx, parentId);
    const chain = await chainUp(w.trx, parentId);
    if (chain.some((c) => c.id === id))
      throw refused(
        `${item.name} cannot move into ${parent.name}: ${parent.name} is inside ${item.name}.`,
        'parentId',
      );
  }
  await w.trx
    .updateTable('configuration_items')
    .set({ parent_id: parentId, version: w.nextVersion() })
    .where('id', '=', id)
    .execute();
  await recordAudit(w.trx, {
    at: w.now,
    actor: w.actor,
    action: 'configuration-item.move',
    targetKind: 'configuration-item',
    targetId: id,
    targetName: item.name,
    before: { parent: await parentName(w.trx, item.parent_id) },
    after: { parent: await parentName(w.trx, parentId) },
  });
  return nodeById(w.trx, id);
}

/** The active items inside `id` (not `id` itself), at any depth. */
async function activeInside(db: Db, id: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    WITH RECURSIVE inside(id, depth) AS (
      SELECT id, 1 FROM configuration_items WHERE parent_id = ${id} AND active
      UNION ALL
      SELECT c.id, inside.depth + 1 FROM configuration_items c JOIN inside ON c.parent_id = inside.id
      WHERE c.active AND inside.depth < ${MAX_DEPTH}
    )
    SELECT DISTINCT id FROM inside`.execute(db);
  return rows.map((r) => r.id).filter((inner) => inner !== id);
}

/**
 * Retires an item (active = false): it leaves the desks' Component lookup and stays on the records
 * that name it. An item with active items inside is refused unless `withChildren` retires them too.
 */
export async function retireItem(
  w: AdminWrite,
  id: string,
  withChildren: boolean,
): Promise<{ item: ConfigurationItemNode; retired: number }> {
  const item = await lockedItem(w, id);
  if (!item.active) return { item: await nodeById(w.trx, id), retired: 0 };
  const inside = await activeInside(w.trx, id);
  if (inside.length > 0 && !withChildren) {
    const count = inside.length === 1 ? '1 active item' : `${inside.length} active items`;
    throw refused(
      `${item.name} has ${count} inside it: move them first, or retire them with it.`,
      'withChildren',
    );
  }
  // One version each, so the desks' feed pages never split a change.
  const ids = [id, ...inside];
  for (let start = 0; start < ids.length; start += 1000) {
    const part = ids.slice(start, start + 1000);
    const versions = part.map(() => w.nextVersion());
    await sql`
      UPDATE configuration_items c SET active = false, version = v.version
      FROM unnest(${part}::text[], ${versions}::bigint[]) AS v(id, version)
      WHERE c.id = v.id`.execute(w.trx);
  }
  await recordAudit(w.trx, {
    at: w.now,
    actor: w.actor,
    action: 'configuration-item.retire',
    targetKind: 'configuration-item',
    targetId: id,
    targetName: item.name,
    before: { active: true },
    after:
      inside.length > 0 ? { active: false, itemsInsideRetired: inside.length } : { active: false },
  });
  return { item: await nodeById(w.trx, id), retired: 1 + inside.length };
}

/** Brings one retired item back; the items retired with it stay retired until restored. */
export async function restoreItem(w: AdminWrite, id: string): Promise<ConfigurationItemNode> {
  const item = await lockedItem(w, id);
  if (item.active) return nodeById(w.trx, id);
  if (item.parent_id !== null) await activeParent(w.trx, item.parent_id);
  await w.trx
    .updateTable('configuration_items')
    .set({ active: true, version: w.nextVersion() })
    .where('id', '=', id)
    .execute();
  await recordAudit(w.trx, {
    at: w.now,
    actor: w.actor,
    action: 'configuration-item.restore',
    targetKind: 'configuration-item',
    targetId: id,
    targetName: item.name,
    before: { active: false },
    after: { active: true },
  });
  return nodeById(w.trx, id);
}
