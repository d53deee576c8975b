// Interactions as the server stores them: the record as jsonb plus the columns the filters and
// cursors use. Only push writes here; every write carries a new change version.

import { sql, type Kysely, type Transaction } from 'kysely';
import type { Interaction, InteractionState } from '../../shared/domain/interaction';
import type { Database } from '../db/schema';
import { jsonb, toNumber } from '../db/values';
import type { StoredRecord } from '../tasks/task-store';

type Db = Kysely<Database> | Transaction<Database>;

/** The number's sequence value is IMS0001001 → 1001. */
export type StoredInteraction = StoredRecord<Interaction>;

export async function upsertInteractions(
  trx: Transaction<Database>,
  entries: readonly StoredInteraction[],
): Promise<void> {
  const CHUNK = 200;
  for (let i = 0; i < entries.length; i += CHUNK) {
    await trx
      .insertInto('interactions')
      .values(
        entries.slice(i, i + CHUNK).map(({ record, seq, version }) => ({
          id: record.id,
          seq,
          number: record.number,
          state: record.state,
          opened_for: record.openedFor,
          assignment_group: record.assignmentGroup,
          assigned_to: record.assignedTo,
          opened_at: record.openedAt,
          updated_at: record.updatedAt,
          version,
          record: jsonb(record),
        })),
      )
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          state: eb.ref('excluded.state'),
          opened_for: eb.ref('excluded.opened_for'),
          assignment_group: eb.ref('excluded.assignment_group'),
          assigned_to: eb.ref('excluded.assigned_to'),
          updated_at: eb.ref('excluded.updated_at'),
          version: eb.ref('excluded.version'),
          record: eb.ref('excluded.record'),
        })),
      )
      .execute();
  }
}

/** Interactions changed after a version, oldest change first. */
export async function changedSince(
  db: Db,
  after: number,
  limit: number,
): Promise<{ record: Interaction; version: number }[]> {
  const rows = await db
    .selectFrom('interactions')
    .select(['record', 'version'])
    .where('version', '>', after)
    .orderBy('version')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ record: r.record as Interaction, version: toNumber(r.version) }));
}

export interface InteractionFilter {
  state?: InteractionState | undefined;
  openedFor?: string | undefined;
  updatedSince?: string | undefined;
  /** Only numbers below this sequence value (the next page of a newest-first list). */
  beforeSeq?: number | undefined;
  limit: number;
}

/** Newest number first. */
export async function listInteractions(
  db: Db,
  filter: InteractionFilter,
): Promise<{ record: Interaction; seq: number }[]> {
  let query = db.selectFrom('interactions').select(['record', 'seq']);
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.openedFor) query = query.where('opened_for', '=', filter.openedFor);
  if (filter.updatedSince)
    query = query.where('updated_at', '>=', sql<Date>`${filter.updatedSince}::timestamptz`);
  if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
  const rows = await query.orderBy('seq', 'desc').limit(filter.limit).execute();
  return rows.map((r) => ({ record: r.record as Interaction, seq: toNumber(r.seq) }));
}

export async function findByNumber(db: Db, number: string): Promise<Interaction | undefined> {
  const row = await db
    .selectFrom('interactions')
    .select('record')
    .where('number', '=', number)
    .executeTakeFirst();
  return row ? (row.record as Interaction) : undefined;
}
