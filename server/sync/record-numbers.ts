// The counters behind human numbers (IMS0001001…): one row per kind, changed in the push's own
// transaction so a failed push gives its numbers back. Never locks a counter the push does not use.

import { sql, type Transaction } from 'kysely';
import type { RecordKind } from '../../shared/store-api/apply-command';
import type { Database } from '../db/schema';
import { toNumber } from '../db/values';

/**
 * Takes `count` numbers of each kind in one statement: moves the counters on and locks their rows
 * until the transaction ends, answering each counter's value before the move (the last number
 * another push used). Every other push that creates one of these kinds waits here, so a push
 * takes them last, once its records are locked and loaded: the wait then covers only the replay,
 * its writes and the commit. Several kinds are locked in kind order first, as every push does.
 */
export async function takeNumbers(
  trx: Transaction<Database>,
  counts: ReadonlyMap<RecordKind, number>,
): Promise<Map<RecordKind, number>> {
  const kinds = [...counts.keys()].sort();
  if (kinds.length === 0) return new Map();
  if (kinds.length > 1)
    await sql`SELECT kind FROM numbering WHERE kind = ANY(${kinds}::text[])
      ORDER BY kind FOR UPDATE`.execute(trx);
  const { rows } = await sql<{ kind: string; before: string | number }>`
    UPDATE numbering AS n SET last_value = n.last_value + c.taken
    FROM unnest(${kinds}::text[], ${kinds.map((k) => counts.get(k) ?? 0)}::bigint[]) AS c(kind, taken)
    WHERE n.kind = c.kind
    RETURNING n.kind, n.last_value - c.taken AS before`.execute(trx);
  const before = new Map(rows.map((r) => [r.kind as RecordKind, toNumber(r.before)]));
  for (const kind of kinds)
    if (!before.has(kind)) throw new Error(`numbering has no row for ${kind}`);
  return before;
}
