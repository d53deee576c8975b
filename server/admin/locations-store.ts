// Reads and writes locations (the walk-up desk's sites) for Administration, each change with its
// new version and its audit entry in the caller's transaction. Never deletes a location.

import { sql } from 'kysely';
import type { z } from 'zod';
import type {
  LocationCreateInput,
  LocationUpdateInput,
  LocationView,
} from '../../shared/admin/locations';
import { changedFields, recordAudit } from './audit-log';
import { containing, notFound, refused, type AdminWrite, type Db } from './admin-store-kit';

const COLUMNS = ['id', 'name', 'description', 'active'] as const;

export async function listLocations(
  db: Db,
  input: { q: string; includeInactive: boolean },
): Promise<LocationView[]> {
  let query = db.selectFrom('locations').select(COLUMNS);
  if (!input.includeInactive) query = query.where('active', '=', true);
  if (input.q !== '') {
    const pattern = containing(input.q);
    query = query.where((eb) =>
      eb.or([eb('name', 'ilike', pattern), eb('description', 'ilike', pattern)]),
    );
  }
  return query.orderBy('name').orderBy('id').limit(1000).execute();
}

async function getLocation(db: Db, id: string): Promise<LocationView> {
  const row = await db
    .selectFrom('locations')
    .select(COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('location', id);
  return row;
}

async function lockedLocation(w: AdminWrite, id: string): Promise<LocationView> {
  const row = await w.trx
    .selectFrom('locations')
    .select(COLUMNS)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('location', id);
  return row;
}

async function refuseTakenName(db: Db, name: string, exceptId: string | null): Promise<void> {
  let query = db
    .selectFrom('locations')
    .select('id')
    .where(sql<string>`lower(name)`, '=', name.toLowerCase());
  if (exceptId !== null) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst())
    throw refused(`There is already a location named ${name}.`, 'name');
}

export async function createLocation(
  w: AdminWrite,
  id: string,
  input: z.output<typeof LocationCreateInput>,
): Promise<LocationView> {
  await refuseTakenName(w.trx, input.name, null);
  await w.trx
    .insertInto('locations')
    .values({
      id,
      name: input.name,
      description: input.description,
      active: true,
      version: w.nextVersion(),
    })
    .execute();
  await recordAudit(w.trx, {
    at: w.now,
    actor: w.actor,
    action: 'location.create',
    targetKind: 'location',
    targetId: id,
    targetName: input.name,
    before: null,
    after: { name: input.name, description: input.description },
  });
  return getLocation(w.trx, id);
}

export async function updateLocation(
  w: AdminWrite,
  input: z.output<typeof LocationUpdateInput>,
): Promise<LocationView> {
  const location = await lockedLocation(w, input.id);
  if (input.name !== undefined) await refuseTakenName(w.trx, input.name, input.id);
  const change = changedFields(
    { name: location.name, description: location.description },
    { name: input.name, description: input.description },
  );
  if (Object.keys(change.after).length === 0) return location;
  await w.trx
    .updateTable('locations')
    .set({
      name: input.name ?? location.name,
      description: input.description ?? location.description,
      version: w.nextVersion(),
    })
    .where('id', '=', input.id)
    .execute();
  await recordAudit(w.trx, {
    at: w.now,
    actor: w.actor,
    action: 'location.update',
    targetKind: 'location',
    targetId: input.id,
    targetName: input.name ?? location.name,
    ...change,
  });
  return getLocation(w.trx, input.id);
}

export async function setLocationActive(
  w: AdminWrite,
  id: string,
  active: boolean,
): Promise<LocationView> {
  const location = await lockedLocation(w, id);
  if (location.active === active) return location;
  await w.trx
    .updateTable('locations')
    .set({ active, version: w.nextVersion() })
    .where('id', '=', id)
    .execute();
  await recordAudit(w.trx, {
    at: w.now,
    actor: w.actor,
    action: active ? 'location.reactivate' : 'location.deactivate',
    targetKind: 'location',
    targetId: id,
    targetName: location.name,
    before: { active: location.active },
    after: { active },
  });
  return { ...location, active };
}
