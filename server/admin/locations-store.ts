// Reads and writes locations (the walk-up desk's sites), their walk-up settings and their phone
// settings (block list in E.164, wrap-up codes) for Administration, each change with its new version
// and its audit entry in the caller's transaction. Never deletes a location.

import { sql, type Selectable } from 'kysely';
import { z } from 'zod';
import type {
  LocationCreateInput,
  LocationUpdateInput,
  LocationView,
} from '../../shared/admin/locations';
import { LobbyNameFormat, WALK_UP_DEFAULTS } from '../../shared/domain/walk-up-location';
import type { LocationsTable } from '../db/schema';
import { toE164, type PhoneRegion } from '../directory/phone-e164';
import { changedFields, recordAudit } from './audit-log';
import { containing, notFound, refused, type AdminWrite, type Db } from './admin-store-kit';

const COLUMNS = [
  'id',
  'name',
  'description',
  'active',
  'reasons',
  'vip_first',
  'grace_minutes',
  'lobby_names',
  'wait_target_minutes',
  'blocked_numbers',
  'wrap_up_codes',
] as const;

type LocationRow = Pick<Selectable<LocationsTable>, (typeof COLUMNS)[number]>;

const StoredList = z.array(z.string());
const storedList = (value: unknown): string[] => {
  const list = StoredList.safeParse(value);
  return list.success ? list.data : [];
};

/** A row as Administration shows it; a value the schema no longer knows reads as the default. */
function toLocationView(row: LocationRow): LocationView {
  const lobbyNames = LobbyNameFormat.safeParse(row.lobby_names);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    active: row.active,
    reasons: storedList(row.reasons),
    vipFirst: row.vip_first,
    graceMinutes: row.grace_minutes,
    lobbyNames: lobbyNames.success ? lobbyNames.data : WALK_UP_DEFAULTS.lobbyNames,
    waitTargetMinutes: row.wait_target_minutes,
    wrapUpCodes: storedList(row.wrap_up_codes),
    blockedNumbers: storedList(row.blocked_numbers),
  };
}

/** The fields an audit entry compares (everything but the id and the state). */
const audited = (l: LocationView) => ({
  name: l.name,
  description: l.description,
  reasons: l.reasons,
  vipFirst: l.vipFirst,
  graceMinutes: l.graceMinutes,
  lobbyNames: l.lobbyNames,
  waitTargetMinutes: l.waitTargetMinutes,
  blockedNumbers: l.blockedNumbers,
  wrapUpCodes: l.wrapUpCodes,
});

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
  const rows = await query.orderBy('name').orderBy('id').limit(1000).execute();
  return rows.map(toLocationView);
}

export async function getLocation(db: Db, id: string): Promise<LocationView> {
  const row = await db
    .selectFrom('locations')
    .select(COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('location', id);
  return toLocationView(row);
}

async function lockedLocation(w: AdminWrite, id: string): Promise<LocationView> {
  const row = await w.trx
    .selectFrom('locations')
    .select(COLUMNS)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('location', id);
  return toLocationView(row);
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
      reasons: JSON.stringify(WALK_UP_DEFAULTS.reasons),
      vip_first: WALK_UP_DEFAULTS.vipFirst,
      grace_minutes: WALK_UP_DEFAULTS.graceMinutes,
      lobby_names: WALK_UP_DEFAULTS.lobbyNames,
      wait_target_minutes: WALK_UP_DEFAULTS.waitTargetMinutes,
      wrap_up_codes: JSON.stringify(WALK_UP_DEFAULTS.wrapUpCodes),
      blocked_numbers: JSON.stringify([]),
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

/**
 * The block list in E.164, each number read in `region` when written without a country code, in
 * the order given, once each. A number that cannot be read refuses the whole list.
 */
export function blockedNumbersInE164(numbers: readonly string[], region: PhoneRegion): string[] {
  const read: string[] = [];
  for (const number of numbers) {
    const e164 = toE164(number, region);
    if (e164 === '')
      throw refused(
        `${number} cannot be read as a phone number. Write it as the phone shows it, with its country code if it is abroad (+44 20 7946 0958).`,
        'blockedNumbers',
      );
    if (!read.includes(e164)) read.push(e164);
  }
  return read;
}

export async function updateLocation(
  w: AdminWrite,
  input: z.output<typeof LocationUpdateInput>,
  region: PhoneRegion,
): Promise<LocationView> {
  const blockedNumbers =
    input.blockedNumbers === undefined
      ? undefined
      : blockedNumbersInE164(input.blockedNumbers, region);
  const location = await lockedLocation(w, input.id);
  if (input.name !== undefined) await refuseTakenName(w.trx, input.name, input.id);
  const wanted: Partial<ReturnType<typeof audited>> = {
    name: input.name,
    description: input.description,
    reasons: input.reasons,
    vipFirst: input.vipFirst,
    graceMinutes: input.graceMinutes,
    lobbyNames: input.lobbyNames,
    waitTargetMinutes: input.waitTargetMinutes,
    blockedNumbers,
    wrapUpCodes: input.wrapUpCodes,
  };
  const change = changedFields(audited(location), wanted);
  if (Object.keys(change.after).length === 0) return location;
  const next: LocationView = { ...location, ...definedOf(wanted) };
  await w.trx
    .updateTable('locations')
    .set({
      name: next.name,
      description: next.description,
      reasons: JSON.stringify(next.reasons),
      vip_first: next.vipFirst,
      grace_minutes: next.graceMinutes,
      lobby_names: next.lobbyNames,
      wait_target_minutes: next.waitTargetMinutes,
      blocked_numbers: JSON.stringify(next.blockedNumbers),
      wrap_up_codes: JSON.stringify(next.wrapUpCodes),
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
    targetName: next.name,
    ...change,
  });
  return getLocation(w.trx, input.id);
}

/** The fields given a value (an absent one keeps what the location has). */
function definedOf<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
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
