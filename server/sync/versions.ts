// The directory's change version (users, groups, configuration items, catalog items): a directory
// write takes the row lock first and numbers its changes from it, so the feed's cursor never skips.
// Synced records (interactions, incidents, requests) are positioned apart: change-positions.ts.

import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { toNumber } from '../db/values';

/**
 * Locks the version row until the transaction ends and answers the current version. Directory
 * writers queue here (across instances too); readers and pushes never wait for it.
 */
export async function lockVersion(trx: Transaction<Database>): Promise<number> {
  const row = await sql<{
    version: string | number;
  }>`SELECT version FROM sync_state WHERE id = 1 FOR UPDATE`.execute(trx);
  const version = row.rows[0]?.version;
  if (version === undefined)
    throw new Error('sync_state has no row: the database was not migrated');
  return toNumber(version);
}

export async function saveVersion(trx: Transaction<Database>, version: number): Promise<void> {
  await trx.updateTable('sync_state').set({ version }).where('id', '=', 1).execute();
}
