// The administrator's sync-scope settings (ADR 0020): N, the recent days every desk holds, and the
// storage ceiling desks evict down to. Kept in server_meta; SCOPE_DEFAULTS until one is saved.

import type { Kysely, Transaction } from 'kysely';
import type { SyncScopeSettings } from '../../shared/admin/sync-scope';
import { SCOPE_DEFAULTS } from '../../shared/sync/scope';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

const MB = 1024 * 1024;

/** What an administrator sets, as the desks receive it. */
export type ScopeSettingsInput = SyncScopeSettings;

export const DEFAULT_SCOPE_SETTINGS: ScopeSettingsInput = {
  recentDays: SCOPE_DEFAULTS.recentDays,
  ceilingMb: Math.round(SCOPE_DEFAULTS.ceilingBytes / MB),
};

const KEYS = { recentDays: 'scope_recent_days', ceilingMb: 'scope_ceiling_mb' } as const;

export async function readScopeSettings(db: Db): Promise<ScopeSettingsInput> {
  const rows = await db
    .selectFrom('server_meta')
    .select(['key', 'value'])
    .where('key', 'in', Object.values(KEYS))
    .execute();
  const value = (key: string, fallback: number) => {
    const found = Number(rows.find((r) => r.key === key)?.value);
    return Number.isInteger(found) && found > 0 ? found : fallback;
  };
  return {
    recentDays: value(KEYS.recentDays, DEFAULT_SCOPE_SETTINGS.recentDays),
    ceilingMb: value(KEYS.ceilingMb, DEFAULT_SCOPE_SETTINGS.ceilingMb),
  };
}

/** Stores checked settings (inside the caller's transaction). */
export async function writeScopeSettings(
  trx: Transaction<Database>,
  settings: ScopeSettingsInput,
): Promise<void> {
  for (const [field, key] of Object.entries(KEYS) as [keyof ScopeSettingsInput, string][]) {
    await trx
      .insertInto('server_meta')
      .values({ key, value: String(settings[field]) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(settings[field]) }))
      .execute();
  }
}
