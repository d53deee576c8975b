// Incidents and requests as the server stores them: the record as jsonb plus the columns the filters
// and cursors use, as interactions are stored. Only push writes here; every write has a new position.

import { sql, type Kysely, type Transaction } from 'kysely';
import type { Incident, IncidentState } from '../../shared/domain/incident';
import type { Request, RequestState } from '../../shared/domain/request';
import { changedSince, findByNumber, upsertRecords, type StoredRecord } from '../db/record-tables';
import type { Database } from '../db/schema';
import { textArray, toNumber } from '../db/values';
import { reopenTimes } from '../../shared/domain/desk-figures';
import type { ChangePosition, SeenBefore } from '../sync/change-positions';

type Db = Kysely<Database> | Transaction<Database>;

export type { StoredRecord } from '../db/record-tables';

export const upsertIncidents = (
  trx: Transaction<Database>,
  entries: readonly StoredRecord<Incident>[],
  onConflict: 'replace' | 'fail' = 'replace',
): Promise<void> =>
  upsertRecords(
    trx,
    'incidents',
    entries,
    (record) => ({
      state: record.state,
      caller: record.caller,
      component: record.component,
      assignment_group: record.assignmentGroup,
      assigned_to: record.assignedTo,
      priority: record.priority,
      resolved_at: record.resolvedAt,
      reopened_at: textArray(reopenTimes(record), 'timestamptz'),
      related_interactions: textArray(
        record.relatedInteractions.map((r) => r.id),
        'text',
      ),
    }),
    onConflict,
  );

export const upsertRequests = (
  trx: Transaction<Database>,
  entries: readonly StoredRecord<Request>[],
  onConflict: 'replace' | 'fail' = 'replace',
): Promise<void> =>
  upsertRecords(
    trx,
    'requests',
    entries,
    (record) => ({
      state: record.state,
      requested_for: record.requestedFor,
      catalog_item: record.catalogItem,
      assignment_group: record.assignmentGroup,
      assigned_to: record.assignedTo,
    }),
    onConflict,
  );

/** Incidents changed after a change position, oldest first. */
export const changedIncidentsSince = (
  db: Db,
  after: ChangePosition,
  limit: number,
  seen?: SeenBefore,
) => changedSince<Incident>(db, 'incidents', after, limit, seen);

/** Requests changed after a change position, oldest first. */
export const changedRequestsSince = (
  db: Db,
  after: ChangePosition,
  limit: number,
  seen?: SeenBefore,
) => changedSince<Request>(db, 'requests', after, limit, seen);

export const findIncidentByNumber = (db: Db, number: string) =>
  findByNumber<Incident>(db, 'incidents', number);

export const findRequestByNumber = (db: Db, number: string) =>
  findByNumber<Request>(db, 'requests', number);

export interface IncidentFilter {
  state?: IncidentState | undefined;
  /** The configuration item the incident is about. */
  component?: string | undefined;
  caller?: string | undefined;
  updatedSince?: string | undefined;
  /** Only numbers below this sequence value (the next page of a newest-first list). */
  beforeSeq?: number | undefined;
  limit: number;
}

/** Newest number first. */
export async function listIncidents(
  db: Db,
  filter: IncidentFilter,
): Promise<{ record: Incident; seq: number }[]> {
  let query = db.selectFrom('incidents').select(['record', 'seq']);
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.component) query = query.where('component', '=', filter.component);
  if (filter.caller) query = query.where('caller', '=', filter.caller);
  if (filter.updatedSince)
    query = query.where('updated_at', '>=', sql<Date>`${filter.updatedSince}::timestamptz`);
  if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
  const rows = await query.orderBy('seq', 'desc').limit(filter.limit).execute();
  return rows.map((r) => ({ record: r.record as Incident, seq: toNumber(r.seq) }));
}

export interface RequestFilter {
  state?: RequestState | undefined;
  requestedFor?: string | undefined;
  updatedSince?: string | undefined;
  /** Only numbers below this sequence value (the next page of a newest-first list). */
  beforeSeq?: number | undefined;
  limit: number;
}

/** Newest number first. */
export async function listRequests(
  db: Db,
  filter: RequestFilter,
): Promise<{ record: Request; seq: number }[]> {
  let query = db.selectFrom('requests').select(['record', 'seq']);
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.requestedFor) query = query.where('requested_for', '=', filter.requestedFor);
  if (filter.updatedSince)
    query = query.where('updated_at', '>=', sql<Date>`${filter.updatedSince}::timestamptz`);
  if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
  const rows = await query.orderBy('seq', 'desc').limit(filter.limit).execute();
  return rows.map((r) => ({ record: r.record as Request, seq: toNumber(r.seq) }));
}
