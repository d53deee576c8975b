// Interactions as the server stores them: the record as jsonb plus the columns the filters and
// cursors use. Only push writes here; every write carries a new change position.

import { sql, type Kysely, type Transaction } from 'kysely';
import type { Interaction, InteractionState } from '../../shared/domain/interaction';
import { changedSince, findByNumber, upsertRecords, type StoredRecord } from '../db/record-tables';
import type { Database } from '../db/schema';
import { textArray, toNumber } from '../db/values';
import { relatedRecordsOf } from '../../shared/domain/related-records';
import { hourlyParts, moveHourly } from '../reports/report-hourly';
import type { ChangePosition, SeenBefore } from '../sync/change-positions';

type Db = Kysely<Database> | Transaction<Database>;

/** The number's sequence value is IMS0001001 → 1001. */
export type StoredInteraction = StoredRecord<Interaction>;

/**
 * Writes interactions and moves their counts in report_hourly (migration 0013) in the same
 * transaction. Location and queue are read from the interaction's visit and call as they are when
 * it is written: those exist first (the desk opens the interaction from them; push writes visits
 * and calls before interactions) and their location and queue never change afterwards.
 */
export async function upsertInteractions(
  trx: Transaction<Database>,
  entries: readonly StoredInteraction[],
  onConflict: 'replace' | 'fail' = 'replace',
): Promise<void> {
  if (entries.length === 0) return;
  const ids = entries.map((e) => e.record.id);
  const before = onConflict === 'fail' ? [] : await hourlyParts(trx, ids);
  await upsertRecords(
    trx,
    'interactions',
    entries,
    (record) => ({
      state: record.state,
      opened_for: record.openedFor,
      assignment_group: record.assignmentGroup,
      assigned_to: record.assignedTo,
      type: record.type,
      opened_by: record.openedBy,
      closed_at: record.closedAt,
      handle_time_seconds: record.handleTimeSeconds,
      visit_id: record.visit ?? null,
      call_id: record.call ?? null,
      location: sql`COALESCE(
        (SELECT v.location FROM visits v WHERE v.id = ${record.visit ?? null}),
        (SELECT c.location FROM calls c WHERE c.id = ${record.call ?? null}))`,
      queue: sql`(SELECT c.queue FROM calls c WHERE c.id = ${record.call ?? null})`,
      made_record: relatedRecordsOf(record).some((r) => r.relation === 'created'),
      linked_incidents: textArray(
        relatedRecordsOf(record)
          .filter((r) => r.kind === 'incident')
          .map((r) => r.id),
        'text',
      ),
    }),
    onConflict,
  );
  await moveHourly(trx, before, await hourlyParts(trx, ids));
}

/** Interactions changed after a change position, oldest first. */
export const changedInteractionsSince = (
  db: Db,
  after: ChangePosition,
  limit: number,
  seen?: SeenBefore,
) => changedSince<Interaction>(db, 'interactions', after, limit, seen);

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

export const findInteractionByNumber = (db: Db, number: string) =>
  findByNumber<Interaction>(db, 'interactions', number);
