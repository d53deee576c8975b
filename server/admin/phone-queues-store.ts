// Reads and writes the phone queues for Administration: a phone system's queue name and the group
// of agents its calls pop for, each change audited in the caller's transaction. Never touches a
// group itself.

import { sql } from 'kysely';
import type { z } from 'zod';
import type {
  PhoneQueueCreateInput,
  PhoneQueueUpdateInput,
  PhoneQueueView,
} from '../../shared/admin/phone-queues';
import { changedFields, recordAudit } from './audit-log';
import { notFound, refused, type AuditedWrite, type Db } from './admin-store-kit';

function queues(db: Db) {
  return db
    .selectFrom('phone_queues as q')
    .leftJoin('groups as g', 'g.id', 'q.group_id')
    .select(['q.id', 'q.name', 'q.group_id', 'g.name as group_name', 'g.active as group_active']);
}

type QueueRow = Awaited<ReturnType<ReturnType<typeof queues>['execute']>>[number];

const toView = (row: QueueRow): PhoneQueueView => ({
  id: row.id,
  name: row.name,
  groupId: row.group_id,
  groupName: row.group_name ?? '',
  groupActive: row.group_active ?? false,
});

export async function listPhoneQueues(db: Db): Promise<PhoneQueueView[]> {
  const rows = await queues(db)
    .orderBy(sql`lower(q.name)`)
    .orderBy('q.id')
    .execute();
  return rows.map(toView);
}

async function getPhoneQueue(db: Db, id: string): Promise<PhoneQueueView> {
  const row = await queues(db).where('q.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('phone queue', id);
  return toView(row);
}

/** The group a queue's calls go to, which must exist and be active; its name for the audit. */
async function activeGroupName(db: Db, id: string): Promise<string> {
  const row = await db
    .selectFrom('groups')
    .select(['name', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw refused(`There is no group with id ${id}.`, 'groupId');
  if (!row.active) throw refused(`${row.name} is deactivated: choose an active group.`, 'groupId');
  return row.name;
}

async function refuseTakenName(db: Db, name: string, exceptId: string | null): Promise<void> {
  let query = db
    .selectFrom('phone_queues')
    .select('id')
    .where(sql<string>`lower(name)`, '=', name.toLowerCase());
  if (exceptId !== null) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) throw refused(`The queue ${name} is mapped already.`, 'name');
}

export async function createPhoneQueue(
  w: AuditedWrite,
  id: string,
  input: z.output<typeof PhoneQueueCreateInput>,
): Promise<PhoneQueueView> {
  const group = await activeGroupName(w.trx, input.groupId);
  await refuseTakenName(w.trx, input.name, null);
  await w.trx
    .insertInto('phone_queues')
    .values({ id, name: input.name, group_id: input.groupId, version: 1 })
    .execute();
  await recordAudit(w.trx, {
    at: w.now,
    actor: w.actor,
    action: 'phone-queue.create',
    targetKind: 'phone-queue',
    targetId: id,
    targetName: input.name,
    before: null,
    after: { name: input.name, group: group },
  });
  return getPhoneQueue(w.trx, id);
}

async function lockedQueue(w: AuditedWrite, id: string): Promise<PhoneQueueView> {
  const locked = await w.trx
    .selectFrom('phone_queues')
    .select('id')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!locked) throw notFound('phone queue', id);
  return getPhoneQueue(w.trx, id);
}

export async function updatePhoneQueue(
  w: AuditedWrite,
  input: z.output<typeof PhoneQueueUpdateInput>,
): Promise<PhoneQueueView> {
  const queue = await lockedQueue(w, input.id);
  if (input.name !== undefined) await refuseTakenName(w.trx, input.name, input.id);
  const group =
    input.groupId === undefined || input.groupId === queue.groupId
      ? undefined
      : await activeGroupName(w.trx, input.groupId);
  const change = changedFields(
    { name: queue.name, group: queue.groupName },
    { name: input.name, group },
  );
  if (Object.keys(change.after).length === 0) return queue;
  await w.trx
    .updateTable('phone_queues')
    .set({
      name: input.name ?? queue.name,
      group_id: input.groupId ?? queue.groupId,
      version: sql`version + 1`,
    })
    .where('id', '=', input.id)
    .execute();
  await recordAudit(w.trx, {
    at: w.now,
    actor: w.actor,
    action: 'phone-queue.update',
    targetKind: 'phone-queue',
    targetId: input.id,
    targetName: input.name ?? queue.name,
    ...change,
  });
  return getPhoneQueue(w.trx, input.id);
}

/** Its calls pop for the `user[]` the phone system names from now on; past calls keep their queue. */
export async function removePhoneQueue(w: AuditedWrite, id: string): Promise<string> {
  const queue = await lockedQueue(w, id);
  await w.trx.deleteFrom('phone_queues').where('id', '=', id).execute();
  await recordAudit(w.trx, {
    at: w.now,
    actor: w.actor,
    action: 'phone-queue.remove',
    targetKind: 'phone-queue',
    targetId: id,
    targetName: queue.name,
    before: { name: queue.name, group: queue.groupName },
    after: null,
  });
  return id;
}
