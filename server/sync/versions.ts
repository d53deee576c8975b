// The global change version: every write takes the row lock first and numbers its changes from
// it, so versions become visible in order and a pull cursor can never skip a change.

import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { toNumber } from '../db/values';

/**
 * Locks the version row until the transaction ends and answers the current version. Writers
 * queue here (across instances too); readers never wait for it.
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
