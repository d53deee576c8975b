// The counters behind human numbers (IMS0001001…): one row per kind, changed in the push's own
// transaction so a failed push gives its numbers back. Never locks a counter the push does not use.

import { sql, type Transaction } from 'kysely';
import type { RecordKind } from '../../shared/store-api/apply-command';
import type { Database } from '../db/schema';
import { toNumber } from '../db/values';

/**
 * Locks the counters of `kinds` until the transaction ends and answers their last values. Every
 * other push that creates one of these kinds waits here, so a push takes them last, once its
 * records are locked and loaded: the wait then covers only the replay, its writes and the commit.
 */
export async function lockCounters(
  trx: Transaction<Database>,
  kinds: readonly RecordKind[],
): Promise<Map<RecordKind, number>> {
  if (kinds.length === 0) return new Map();
  const { rows } = await sql<{ kind: string; last_value: string | number }>`
    SELECT kind, last_value FROM numbering WHERE kind = ANY(${[...kinds]}::text[])
    ORDER BY kind FOR UPDATE`.execute(trx);
  const counters = new Map(rows.map((r) => [r.kind as RecordKind, toNumber(r.last_value)]));
  for (const kind of kinds)
    if (!counters.has(kind)) throw new Error(`numbering has no row for ${kind}`);
  return counters;
}

export async function saveCounters(
  trx: Transaction<Database>,
  used: ReadonlyMap<RecordKind, number>,
): Promise<void> {
  for (const [kind, lastValue] of used)
    await trx
      .updateTable('numbering')
      .set({ last_value: lastValue })
      .where('kind', '=', kind)
      .execute();
}
