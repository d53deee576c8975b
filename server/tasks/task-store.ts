// Incidents and requests as the server stores them: the record as jsonb plus the columns the filters
// and cursors use, as interactions are stored. Only push writes here; every write has a new version.

import { sql, type Kysely, type Transaction } from 'kysely';
import type { Incident, IncidentState } from '../../shared/domain/incident';
import type { Request, RequestState } from '../../shared/domain/request';
import type { Database } from '../db/schema';
import { jsonb, toNumber } from '../db/values';

type Db = Kysely<Database> | Transaction<Database>;

/** A record as push writes it. */
export interface StoredRecord<T> {
  record: T;
  /** The number's sequence value (INC0001001 → 1001). */
  seq: number;
  version: number;
}

// Rows per insert: well under PostgreSQL's bind-parameter limit at 12 columns a row.
const CHUNK = 200;

export async function upsertIncidents(
  trx: Transaction<Database>,
  entries: readonly StoredRecord<Incident>[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += CHUNK) {
    await trx
      .insertInto('incidents')
      .values(
        entries.slice(i, i + CHUNK).map(({ record, seq, version }) => ({
          id: record.id,
          seq,
          number: record.number,
          state: record.state,
          caller: record.caller,
          component: record.component,
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
          caller: eb.ref('excluded.caller'),
          component: eb.ref('excluded.component'),
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

export async function upsertRequests(
  trx: Transaction<Database>,
  entries: readonly StoredRecord<Request>[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += CHUNK) {
    await trx
      .insertInto('requests')
      .values(
        entries.slice(i, i + CHUNK).map(({ record, seq, version }) => ({
          id: record.id,
          seq,
          number: record.number,
          state: record.state,
          requested_for: record.requestedFor,
          catalog_item: record.catalogItem,
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
          requested_for: eb.ref('excluded.requested_for'),
          catalog_item: eb.ref('excluded.catalog_item'),
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

/** Incidents changed after a version, oldest change first. */
export async function changedIncidentsSince(
  db: Db,
  after: number,
  limit: number,
): Promise<{ record: Incident; version: number }[]> {
  const rows = await db
    .selectFrom('incidents')
    .select(['record', 'version'])
    .where('version', '>', after)
    .orderBy('version')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ record: r.record as Incident, version: toNumber(r.version) }));
}

/** Requests changed after a version, oldest change first. */
export async function changedRequestsSince(
  db: Db,
  after: number,
  limit: number,
): Promise<{ record: Request; version: number }[]> {
  const rows = await db
    .selectFrom('requests')
    .select(['record', 'version'])
    .where('version', '>', after)
    .orderBy('version')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ record: r.record as Request, version: toNumber(r.version) }));
}

export async function findIncidentByNumber(db: Db, number: string): Promise<Incident | undefined> {
  const row = await db
    .selectFrom('incidents')
    .select('record')
    .where('number', '=', number)
    .executeTakeFirst();
  return row ? (row.record as Incident) : undefined;
}

export async function findRequestByNumber(db: Db, number: string): Promise<Request | undefined> {
  const row = await db
    .selectFrom('requests')
    .select('record')
    .where('number', '=', number)
    .executeTakeFirst();
  return row ? (row.record as Request) : undefined;
}

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
