// The names of the assignment groups of the records a push loaded, so a refusal by the permission
// matrix says "members of Service Desk". Reads the groups table only; never decides a permission.

import type { Transaction } from 'kysely';
import type { KindedRecord } from '../../shared/commands/record-set';
import type { Database } from '../db/schema';

export async function groupNamesOf(
  trx: Transaction<Database>,
  records: readonly KindedRecord[],
): Promise<Map<string, string>> {
  const ids = [
    ...new Set(
      records.flatMap(({ record }) =>
        'assignmentGroup' in record ? (record.assignmentGroup ?? []) : [],
      ),
    ),
  ].sort();
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('groups')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
