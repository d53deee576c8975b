// What the walk-up pages read on the server: a location's walk-up settings and the visits its queue
// and wait estimate are computed from. Read-only; never writes a visit (push does).

import { sql, type Kysely } from 'kysely';
import type { Visit } from '../../shared/domain/visit';
import {
  LobbyNameFormat,
  WALK_UP_DEFAULTS,
  type WalkUpLocation,
} from '../../shared/domain/walk-up-location';
import { SERVICE_SAMPLE, STATION_WINDOW_MINUTES } from '../../shared/domain/walk-up-queue';
import type { Database } from '../db/schema';

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The location with its walk-up settings (its reasons: the defaults while it has none); undefined when unknown. */
export async function findWalkUpLocation(
  db: Kysely<Database>,
  id: string,
): Promise<WalkUpLocation | undefined> {
  const row = await db
    .selectFrom('locations')
    .select([
      'id',
      'name',
      'description',
      'active',
      'reasons',
      'vip_first',
      'grace_minutes',
      'lobby_names',
      'wait_target_minutes',
      'wrap_up_codes',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const reasons = stringList(row.reasons);
  const lobbyNames = LobbyNameFormat.safeParse(row.lobby_names);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    active: row.active,
    reasons: reasons.length > 0 ? reasons : [...WALK_UP_DEFAULTS.reasons],
    vipFirst: row.vip_first,
    graceMinutes: row.grace_minutes,
    lobbyNames: lobbyNames.success ? lobbyNames.data : WALK_UP_DEFAULTS.lobbyNames,
    waitTargetMinutes: row.wait_target_minutes,
    wrapUpCodes: stringList(row.wrap_up_codes),
  };
}

/** How many finished visits are read for the rolling median (more than it takes: ties in time). */
const DONE_READ = SERVICE_SAMPLE * 2;

/**
 * The visits the queue and the estimate need: everyone still queued or in service, whatever changed
 * within the stations' window (who is serving now), and the latest finished services.
 */
export async function locationVisits(
  db: Kysely<Database>,
  locationId: string,
  now: Date,
): Promise<Visit[]> {
  const since = new Date(now.getTime() - STATION_WINDOW_MINUTES * 60_000);
  const [current, done] = await Promise.all([
    db
      .selectFrom('visits')
      .select(['id', 'record'])
      .where('location', '=', locationId)
      .where((eb) =>
        eb.or([
          eb('state', 'in', ['Waiting', 'Called', 'In service']),
          eb('updated_at', '>=', since),
        ]),
      )
      .execute(),
    db
      .selectFrom('visits')
      .select(['id', 'record'])
      .where('location', '=', locationId)
      .where('state', '=', 'Done')
      .orderBy(sql`updated_at`, 'desc')
      .limit(DONE_READ)
      .execute(),
  ]);
  const byId = new Map<string, Visit>();
  for (const row of [...current, ...done]) byId.set(row.id, row.record as Visit);
  return [...byId.values()];
}

/** One visit by id; undefined when the server has none. */
export async function findVisit(db: Kysely<Database>, id: string): Promise<Visit | undefined> {
  const row = await db
    .selectFrom('visits')
    .select('record')
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? (row.record as Visit) : undefined;
}
