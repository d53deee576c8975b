// The ldap_settings row: settings, the stored bind password, the cursor, the last result, and the
// run lease that lets one instance sync at a time. The password never leaves through a view.

import { sql, type Kysely } from 'kysely';
import {
  LdapProgress,
  LdapRunResult,
  LdapSettings,
  ldapSettingsWarnings,
  type LdapSettingsInput,
  type LdapSettingsView,
  type LdapStatus,
} from '../../shared/admin/ldap-settings';
import type { Database, Jsonb, Timestamp } from '../db/schema';
import { jsonb } from '../db/values';

export interface LdapSettingsTable {
  id: number;
  settings: Jsonb<unknown>;
  bind_password: string;
  change_cursor: string | null;
  last_result: Jsonb<unknown> | null;
  progress: Jsonb<unknown> | null;
  run_owner: string | null;
  run_heartbeat_at: Timestamp | null;
  next_run_at: Timestamp | null;
  updated_at: Timestamp;
}

type LdapDb = Kysely<Database & { ldap_settings: LdapSettingsTable }>;
const ldapDb = (db: Kysely<Database>): LdapDb =>
  db.withTables<{ ldap_settings: LdapSettingsTable }>();

/** A run whose owner has not reported for this long is taken to have died with its instance. */
export const RUN_LEASE_MS = 120_000;

/** Changing any of these points the sync at other entries: the next run is a full one. */
const SOURCE_FIELDS = [
  'kind',
  'url',
  'baseDn',
  'userFilter',
  'groupBaseDn',
  'groupFilter',
  'membership',
  'mapping',
] as const satisfies readonly (keyof LdapSettings)[];

const parseSettings = (value: unknown): LdapSettings | null => {
  const parsed = LdapSettings.safeParse(value);
  return parsed.success ? parsed.data : null;
};

const nextRun = (settings: LdapSettings, now: Date): Date | null =>
  settings.scheduleMinutes > 0 ? new Date(now.getTime() + settings.scheduleMinutes * 60_000) : null;

export async function readLdapSettingsView(db: Kysely<Database>): Promise<LdapSettingsView> {
  const row = await ldapDb(db)
    .selectFrom('ldap_settings')
    .select(['settings', 'bind_password'])
    .where('id', '=', 1)
    .executeTakeFirst();
  const settings = row ? parseSettings(row.settings) : null;
  return {
    settings,
    passwordSet: Boolean(row && row.bind_password !== ''),
    warnings: settings ? ldapSettingsWarnings(settings) : [],
  };
}

export interface SavedLdapSettings {
  before: LdapSettings | null;
  after: LdapSettings;
  /** True when the source changed and the next run reads everything again. */
  cursorReset: boolean;
}

/** Saves the settings; an empty or absent password keeps the stored one. */
export async function saveLdapSettings(
  db: Kysely<Database>,
  input: LdapSettingsInput,
  now: Date,
): Promise<SavedLdapSettings> {
  const { bindPassword, ...fields } = input;
  const after = LdapSettings.parse(fields);
  const q = ldapDb(db);
  const row = await q
    .selectFrom('ldap_settings')
    .select(['settings', 'change_cursor'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirst();
  const before = row ? parseSettings(row.settings) : null;
  const cursorReset =
    before === null ||
    SOURCE_FIELDS.some((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
  const values = {
    settings: jsonb(after),
    ...(bindPassword ? { bind_password: bindPassword } : {}),
    ...(cursorReset ? { change_cursor: null } : {}),
    next_run_at: nextRun(after, now),
    updated_at: now,
  };
  await q
    .insertInto('ldap_settings')
    .values({ id: 1, bind_password: '', ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
  return { before, after, cursorReset };
}

export interface ClaimedLdapRun {
  settings: LdapSettings;
  password: string;
  cursor: string | null;
}

export type LdapClaim =
  { ok: true; run: ClaimedLdapRun } | { ok: false; reason: 'not-configured' | 'running' };

/** Takes the run lease for `owner` unless another live run holds it. */
export async function claimLdapRun(
  db: Kysely<Database>,
  owner: string,
  now: Date,
): Promise<LdapClaim> {
  const q = ldapDb(db);
  const stale = new Date(now.getTime() - RUN_LEASE_MS);
  const claimed = await q
    .updateTable('ldap_settings')
    .set({ run_owner: owner, run_heartbeat_at: now, progress: null })
    .where('id', '=', 1)
    .where((eb) => eb.or([eb('run_owner', 'is', null), eb('run_heartbeat_at', '<', stale)]))
    .returning(['settings', 'bind_password', 'change_cursor'])
    .executeTakeFirst();
  if (!claimed) {
    const exists = await q.selectFrom('ldap_settings').select('id').executeTakeFirst();
    return { ok: false, reason: exists ? 'running' : 'not-configured' };
  }
  const settings = parseSettings(claimed.settings);
  if (!settings) {
    await releaseRun(q, owner);
    return { ok: false, reason: 'not-configured' };
  }
  return {
    ok: true,
    run: { settings, password: claimed.bind_password, cursor: claimed.change_cursor },
  };
}

const releaseRun = (q: LdapDb, owner: string) =>
  q
    .updateTable('ldap_settings')
    .set({ run_owner: null, run_heartbeat_at: null, progress: null })
    .where('id', '=', 1)
    .where('run_owner', '=', owner)
    .execute();

/** Progress, which also renews the lease. */
export async function reportLdapProgress(
  db: Kysely<Database>,
  owner: string,
  progress: LdapProgress,
  now: Date,
): Promise<void> {
  await ldapDb(db)
    .updateTable('ldap_settings')
    .set({ progress: jsonb(progress), run_heartbeat_at: now })
    .where('id', '=', 1)
    .where('run_owner', '=', owner)
    .execute();
}

/** Ends the run: the result, the new cursor (a failed run keeps the old one), the next run. */
export async function finishLdapRun(
  db: Kysely<Database>,
  owner: string,
  result: LdapRunResult,
  cursor: string | null,
  now: Date,
): Promise<void> {
  const q = ldapDb(db);
  const row = await q
    .selectFrom('ldap_settings')
    .select('settings')
    .where('id', '=', 1)
    .executeTakeFirst();
  const settings = row ? parseSettings(row.settings) : null;
  await q
    .updateTable('ldap_settings')
    .set({
      last_result: jsonb(result),
      ...(result.ok ? { change_cursor: cursor } : {}),
      run_owner: null,
      run_heartbeat_at: null,
      progress: null,
      next_run_at: settings ? nextRun(settings, now) : null,
    })
    .where('id', '=', 1)
    .where('run_owner', '=', owner)
    .execute();
}

export async function readLdapStatus(db: Kysely<Database>, now: Date): Promise<LdapStatus> {
  const row = await ldapDb(db)
    .selectFrom('ldap_settings')
    .select(['last_result', 'progress', 'run_owner', 'run_heartbeat_at', 'next_run_at'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (!row) return { running: null, lastResult: null, nextRunAt: null };
  const live =
    row.run_owner !== null &&
    row.run_heartbeat_at !== null &&
    new Date(row.run_heartbeat_at).getTime() >= now.getTime() - RUN_LEASE_MS;
  const progress = LdapProgress.safeParse(row.progress);
  const last = LdapRunResult.safeParse(row.last_result);
  return {
    running: live
      ? progress.success
        ? progress.data
        : {
            phase: 'connecting',
            startedAt: new Date(row.run_heartbeat_at ?? now).toISOString(),
            entriesRead: 0,
            entriesWritten: 0,
          }
      : null,
    lastResult: last.success ? last.data : null,
    nextRunAt: row.next_run_at ? new Date(row.next_run_at).toISOString() : null,
  };
}

/** True when the schedule says a run is due (and nobody runs one). */
export async function ldapRunDue(db: Kysely<Database>, now: Date): Promise<boolean> {
  const row = await ldapDb(db)
    .selectFrom('ldap_settings')
    .select(sql<boolean>`next_run_at IS NOT NULL AND next_run_at <= ${now}`.as('due'))
    .where('id', '=', 1)
    .executeTakeFirst();
  return row?.due === true;
}

/** The stored bind password, for Test connection with an unchanged password. Server-side only. */
export async function readStoredPassword(db: Kysely<Database>): Promise<string> {
  const row = await ldapDb(db)
    .selectFrom('ldap_settings')
    .select('bind_password')
    .where('id', '=', 1)
    .executeTakeFirst();
  return row?.bind_password ?? '';
}
