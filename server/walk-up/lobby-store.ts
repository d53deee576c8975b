// Reads what the lobby board shows from the server's tables: a walk-up location with its settings,
// and the visits that matter to its board. Read-only; it never writes and never reads the directory.

import type { Kysely } from 'kysely';
import { Visit } from '../../shared/domain/visit';
import {
  DEFAULT_REASONS,
  LobbyNameFormat,
  type WalkUpLocation,
} from '../../shared/domain/walk-up-location';
import type { Database } from '../db/schema';

/** Finished visits the estimate reads (the rolling median takes 20; stations look back 30 min). */
const RECENT_FINISHED = 60;

const reasonsOf = (value: unknown): string[] => {
  const reasons = Array.isArray(value)
    ? value.filter((r): r is string => typeof r === 'string' && r.trim() !== '')
    : [];
  // A location nobody has set up yet offers the default reasons.
  return reasons.length > 0 ? reasons : [...DEFAULT_REASONS];
};

export async function readWalkUpLocation(
  db: Kysely<Database>,
  id: string,
): Promise<WalkUpLocation | null> {
  const row = await db.selectFrom('locations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const names = LobbyNameFormat.safeParse(row.lobby_names);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    active: row.active,
    reasons: reasonsOf(typeof row.reasons === 'string' ? JSON.parse(row.reasons) : row.reasons),
    vipFirst: row.vip_first,
    graceMinutes: row.grace_minutes,
    lobbyNames: names.success ? names.data : 'first-name-last-initial',
    waitTargetMinutes: row.wait_target_minutes,
  };
}

/** The location's queue and those being served, and its most recently finished visits. */
export async function readLobbyVisits(db: Kysely<Database>, location: string): Promise<Visit[]> {
  const [open, finished] = await Promise.all([
    db
      .selectFrom('visits')
      .select('record')
      .where('location', '=', location)
      .where('state', 'in', ['Waiting', 'Called', 'In service'])
      .execute(),
    db
      .selectFrom('visits')
      .select('record')
      .where('location', '=', location)
      .where('state', 'in', ['Done', 'No-show', 'Left'])
      .orderBy('updated_at', 'desc')
      .limit(RECENT_FINISHED)
      .execute(),
  ]);
  return [...open, ...finished].flatMap(({ record }) => {
    const visit = Visit.safeParse(record);
    return visit.success ? [visit.data] : [];
  });
}
