// Seeds the demo walk-up and phone desk into the demo's transaction: the two demo locations (each at
// a new directory version, with their wrap-up codes), badge numbers for the demo users, numbered
// finished visits, and the Service Desk phone queue. Never overwrites a location, a badge, a visit
// or a queue the database already has; never creates an integration (a token is never in code).

import { sql, type Transaction } from 'kysely';
import {
  DEMO_LOCATIONS,
  demoBadgeNumber,
  generateDemoVisits,
} from '../../shared/demo/walk-up-generator';
import type { Directory } from '../../shared/domain/directory';
import type { Database } from '../db/schema';
import { toNumber } from '../db/values';
import { SERVICE_DESK_GROUP_ID } from '../../shared/demo/directory-generator';
import { upsertVisits } from '../walk-up/visit-store';

export interface DemoWalkUpOptions {
  seed: number;
  now: Date;
  /** Finished visits per location; 12 by default. */
  visitsPerLocation?: number;
}

/** Writes the demo walk-up desk after `afterVersion`; answers the last directory version used. */
export async function insertDemoWalkUp(
  trx: Transaction<Database>,
  directory: Directory,
  afterVersion: number,
  options: DemoWalkUpOptions,
): Promise<number> {
  let version = afterVersion;
  const existing = new Set(
    (await trx.selectFrom('locations').select('id').execute()).map((row) => row.id),
  );
  for (const location of DEMO_LOCATIONS) {
    if (existing.has(location.id)) continue;
    version += 1;
    await trx
      .insertInto('locations')
      .values({
        id: location.id,
        name: location.name,
        description: location.description,
        active: location.active,
        version,
        reasons: JSON.stringify(location.reasons),
        vip_first: location.vipFirst,
        grace_minutes: location.graceMinutes,
        lobby_names: location.lobbyNames,
        wait_target_minutes: location.waitTargetMinutes,
        wrap_up_codes: JSON.stringify(location.wrapUpCodes),
      })
      // A location an admin already named so is theirs.
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  // Badges are read by the kiosk on the server only: not in the desks' feed, so no new versions.
  const badged = directory.users.flatMap((u) => {
    const badge = demoBadgeNumber(u);
    return badge === '' ? [] : [{ id: u.id, badge }];
  });
  if (badged.length > 0)
    await sql`
      UPDATE users u SET badge_number = b.badge
      FROM unnest(${badged.map((b) => b.id)}::text[], ${badged.map((b) => b.badge)}::text[])
        AS b(id, badge)
      WHERE u.id = b.id AND u.badge_number = ''`.execute(trx);

  const anyVisit = await trx.selectFrom('visits').select('id').limit(1).executeTakeFirst();
  if (!anyVisit) {
    const counter = await trx
      .selectFrom('numbering')
      .select('last_value')
      .where('kind', '=', 'visit')
      .executeTakeFirstOrThrow();
    const firstNumber = toNumber(counter.last_value) + 1;
    const visits = generateDemoVisits(directory, {
      seed: options.seed,
      now: options.now.toISOString(),
      firstNumber,
      ...(options.visitsPerLocation === undefined
        ? {}
        : { perLocation: options.visitsPerLocation }),
    });
    if (visits.length > 0) {
      await upsertVisits(
        trx,
        visits.map((record, i) => ({ record, seq: firstNumber + i })),
      );
      await trx
        .updateTable('numbering')
        .set({ last_value: firstNumber + visits.length - 1 })
        .where('kind', '=', 'visit')
        .execute();
    }
  }
  return version;
}

/** The phone system's queue the demo's calls come in on; its calls pop on the Service Desk's desks. */
export const DEMO_PHONE_QUEUE = { id: 'pq_demo_service_desk', name: 'Service Desk' } as const;

/**
 * The demo phone desk: the Service Desk queue mapped to the demo service-desk group, and the demo
 * locations' wrap-up codes where they have none yet. Once an admin creates an integration, calls
 * pop for the demo agents. Answers the last directory version used.
 */
export async function insertDemoPhone(
  trx: Transaction<Database>,
  afterVersion: number,
): Promise<number> {
  let version = afterVersion;
  await trx
    .insertInto('phone_queues')
    .values({ ...DEMO_PHONE_QUEUE, group_id: SERVICE_DESK_GROUP_ID, version: 1 })
    .onConflict((oc) => oc.doNothing())
    .execute();
  for (const location of DEMO_LOCATIONS) {
    const row = await trx
      .selectFrom('locations')
      .select('wrap_up_codes')
      .where('id', '=', location.id)
      .executeTakeFirst();
    if (!row || (Array.isArray(row.wrap_up_codes) && row.wrap_up_codes.length > 0)) continue;
    version += 1;
    await trx
      .updateTable('locations')
      .set({ wrap_up_codes: JSON.stringify(location.wrapUpCodes), version })
      .where('id', '=', location.id)
      .execute();
  }
  return version;
}
