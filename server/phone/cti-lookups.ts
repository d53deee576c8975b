// What the CTI endpoint looks up around an event before the pure reducer runs: the integration by
// its token's hash, the caller by E.164 number, the answering agent, the agents to notify and the
// location's block list. Reads only.

import { sql, type Kysely, type Transaction } from 'kysely';
import type { CallerMatch, CtiEvent } from '../../shared/domain/call';
import { DESK_ROLES } from '../../shared/commands/permission';
import type { Database } from '../db/schema';
import { toE164, type PhoneRegion } from '../directory/phone-e164';

type Db = Kysely<Database> | Transaction<Database>;

/** At most this many candidates are kept for a number many people share (a switchboard's). */
export const MAX_CANDIDATES = 20;

export interface IntegrationRow {
  id: string;
  location: string | null;
  revoked: boolean;
}

export async function integrationByHash(db: Db, tokenHash: string): Promise<IntegrationRow | null> {
  const row = await db
    .selectFrom('integrations')
    .select(['id', 'location', 'revoked_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row ? { id: row.id, location: row.location, revoked: row.revoked_at !== null } : null;
}

/** The outside party's number: the caller inbound, the number dialled outbound. */
export const outsideNumber = (event: Pick<CtiEvent, 'direction' | 'from' | 'to'>): string =>
  event.direction === 'in' ? event.from : event.to;

/** Active users whose phone or mobile is that number: one is the caller, several candidates. */
/**
 * The outside number in E.164. Zammad's generic CTI sends international numbers as digits without
 * the plus (`4930609854180`): digits only and no leading 0 (a national trunk prefix) are read as
 * international first; anything else is read in the server's phone region.
 */
export function ctiNumberE164(raw: string, region: PhoneRegion): string {
  const digits = raw.trim();
  if (/^[1-9]\d{7,14}$/.test(digits)) {
    const international = toE164(`+${digits}`, region);
    if (international !== '') return international;
  }
  return toE164(raw, region);
}

export async function matchCaller(db: Db, numberE164: string): Promise<CallerMatch> {
  if (numberE164 === '') return { numberE164, caller: null, candidates: [] };
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('active', '=', true)
    .where((eb) => eb.or([eb('phone_e164', '=', numberE164), eb('mobile_e164', '=', numberE164)]))
    .orderBy('id')
    .limit(MAX_CANDIDATES)
    .execute();
  const candidates = rows.map((r) => r.id);
  return {
    numberE164,
    caller: candidates.length === 1 ? (candidates[0] ?? null) : null,
    candidates,
  };
}

const deskAgents = (db: Db) =>
  db
    .selectFrom('users')
    .where('active', '=', true)
    .where(sql<boolean>`roles && ${sql.val([...DESK_ROLES])}::text[]`);

/**
 * The agent who answered: `answeringNumber` against agents' phone and mobile (E.164), then as a
 * user name, then as a user id; without one, the first `user[]` name the answer carries.
 */
export async function answeringAgent(
  db: Db,
  event: Pick<CtiEvent, 'answeringNumber' | 'user'>,
  region: PhoneRegion,
): Promise<string | null> {
  const given = event.answeringNumber?.trim() ?? '';
  if (given !== '') {
    const e164 = toE164(given, region);
    if (e164 !== '') {
      const byPhone = await deskAgents(db)
        .select('id')
        .where((eb) => eb.or([eb('phone_e164', '=', e164), eb('mobile_e164', '=', e164)]))
        .orderBy('id')
        .executeTakeFirst();
      if (byPhone) return byPhone.id;
    }
    const byName = await deskAgents(db)
      .select('id')
      .where(sql<boolean>`lower(user_name) = lower(${given})`)
      .executeTakeFirst();
    if (byName) return byName.id;
    const byId = await deskAgents(db).select('id').where('id', '=', given).executeTakeFirst();
    if (byId) return byId.id;
  }
  const named = event.user?.[0];
  if (named === undefined) return null;
  const byUser = await deskAgents(db)
    .select('id')
    .where(sql<boolean>`lower(user_name) = lower(${named})`)
    .executeTakeFirst();
  return byUser?.id ?? null;
}

/**
 * Whose desks pop the banner: the members of the group the queue maps to (phone_queues); else the
 * agents `user[]` names (Zammad sends their real names; a user name is read too); else, with neither (or a queue nobody mapped and no
 * user[]), every active agent, as a phone system that names nobody rings the whole desk. Only
 * active accounts with a desk role, in id order.
 */
export async function agentsToNotify(
  db: Db,
  event: Pick<CtiEvent, 'queue' | 'user'>,
): Promise<string[]> {
  const queue = event.queue?.trim() ?? '';
  if (queue !== '') {
    const mapped = await db
      .selectFrom('phone_queues')
      .select('group_id')
      .where(sql<boolean>`lower(name) = lower(${queue})`)
      .executeTakeFirst();
    if (mapped) {
      const members = await deskAgents(db)
        .innerJoin('group_members', 'group_members.user_id', 'users.id')
        .select('users.id')
        .where('group_members.group_id', '=', mapped.group_id)
        .orderBy('users.id')
        .execute();
      return members.map((m) => m.id);
    }
  }
  const names = (event.user ?? []).map((n) => n.toLowerCase());
  if (names.length > 0) {
    const named = await deskAgents(db)
      .select('id')
      .where(
        sql<boolean>`(lower(user_name) = ANY(${sql.val(names)}::text[]) OR lower(name) = ANY(${sql.val(names)}::text[]))`,
      )
      .orderBy('id')
      .execute();
    if (named.length > 0) return named.map((n) => n.id);
  }
  const everyone = await deskAgents(db)
    .select('id')
    .where(sql<boolean>`'agent' = ANY(roles)`)
    .orderBy('id')
    .execute();
  return everyone.map((a) => a.id);
}

/** Whether the number is on the location's block list (entries read as E.164 in `region`). */
export async function isBlocked(
  db: Db,
  location: string | null,
  numberE164: string,
  region: PhoneRegion,
): Promise<boolean> {
  if (location === null || numberE164 === '') return false;
  const row = await db
    .selectFrom('locations')
    .select('blocked_numbers')
    .where('id', '=', location)
    .executeTakeFirst();
  const list: unknown = row?.blocked_numbers;
  if (!Array.isArray(list)) return false;
  // An entry is the number, or (as an administration screen may keep it) an object with `number`.
  const numberOf = (entry: unknown): string | null =>
    typeof entry === 'string'
      ? entry
      : typeof entry === 'object' && entry !== null && 'number' in entry
        ? typeof entry.number === 'string'
          ? entry.number
          : null
        : null;
  return list.some((entry) => {
    const number = numberOf(entry);
    return number !== null && (number === numberE164 || toE164(number, region) === numberE164);
  });
}
