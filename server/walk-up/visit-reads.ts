// Reading stored visits for the read API: a filtered newest-first page and one visit by id or
// number. Read-only; push alone writes visits (visit-store.ts).

import { sql, type Kysely, type Transaction } from 'kysely';
import type { Visit, VisitState } from '../../shared/domain/visit';
import { findByNumber } from '../db/record-tables';
import type { Database } from '../db/schema';
import { toNumber } from '../db/values';

type Db = Kysely<Database> | Transaction<Database>;

export interface VisitFilter {
  location?: string | undefined;
  state?: VisitState | undefined;
  since?: string | undefined;
  /** Only numbers below this sequence value (the next page of a newest-first list). */
  beforeSeq?: number | undefined;
  limit: number;
}

/** Newest number first. */
export async function listVisits(
  db: Db,
  filter: VisitFilter,
): Promise<{ record: Visit; seq: number }[]> {
  let query = db.selectFrom('visits').select(['record', 'seq']);
  if (filter.location) query = query.where('location', '=', filter.location);
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.since)
    query = query.where('updated_at', '>=', sql<Date>`${filter.since}::timestamptz`);
  if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
  const rows = await query.orderBy('seq', 'desc').limit(filter.limit).execute();
  return rows.map((r) => ({ record: r.record as Visit, seq: toNumber(r.seq) }));
}

export async function findVisitById(db: Db, id: string): Promise<Visit | undefined> {
  const row = await db
    .selectFrom('visits')
    .select('record')
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? (row.record as Visit) : undefined;
}

export const findVisitByNumber = (db: Db, number: string) =>
  findByNumber<Visit>(db, 'visits', number);
