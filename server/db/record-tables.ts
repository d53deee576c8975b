// The tables of synced records (interactions, incidents, requests) share one layout: the record as
// jsonb, its number and sequence value, a change version, and the columns the filters use. Writing
// and reading them by change version goes through here; it never decides what a record holds.

import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';
import { jsonb, toNumber } from './values';

export type RecordTable = 'interactions' | 'incidents' | 'requests';

type Db = Kysely<Database> | Transaction<Database>;

/** A record as push writes it. */
export interface StoredRecord<T> {
  record: T;
  /** The number's sequence value (IMS0001001, INC0001001 → 1001). */
  seq: number;
  version: number;
}

interface NumberedRecord {
  id: string;
  number: string;
  openedAt: string;
  updatedAt: string;
}

/** Rows per insert: well under PostgreSQL's bind-parameter limit at a dozen columns a row. */
const CHUNK = 200;

/**
 * Inserts or replaces records. `filterColumns` gives the table's own filter columns from a record
 * (state, caller…); they, `updated_at`, `version` and `record` are replaced on conflict, while
 * id, number, seq and opened_at never change once written.
 */
export async function upsertRecords<T extends NumberedRecord>(
  trx: Transaction<Database>,
  table: RecordTable,
  entries: readonly StoredRecord<T>[],
  filterColumns: (record: T) => Record<string, string | null>,
): Promise<void> {
  const first = entries[0];
  if (!first) return;
  const replaced = [...Object.keys(filterColumns(first.record)), 'updated_at', 'version', 'record'];
  for (let i = 0; i < entries.length; i += CHUNK) {
    const rows = entries.slice(i, i + CHUNK).map(({ record, seq, version }) => ({
      id: record.id,
      seq,
      number: record.number,
      ...filterColumns(record),
      opened_at: record.openedAt,
      updated_at: record.updatedAt,
      version,
      record: jsonb(record),
    }));
    // One layout, three tables: Kysely types each table apart, so the shared row is cast once here.
    await trx
      .insertInto(table as 'interactions')
      .values(rows as never)
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) =>
            Object.fromEntries(
              replaced.map((column) => [column, eb.ref(`excluded.${column}` as 'excluded.record')]),
            ),
          ),
      )
      .execute();
  }
}

/** Records of a table changed after a change version, oldest change first. */
export async function changedSince<T>(
  db: Db,
  table: RecordTable,
  after: number,
  limit: number,
): Promise<{ record: T; version: number }[]> {
  const rows = await db
    .selectFrom(table as 'interactions')
    .select(['record', 'version'])
    .where('version', '>', after)
    .orderBy('version')
    .limit(limit)
    .execute();
  // The record column holds only what the shared mutators produced for this table.
  return rows.map((r) => ({ record: r.record as T, version: toNumber(r.version) }));
}

/** One record by its number, or undefined. */
export async function findByNumber<T>(
  db: Db,
  table: RecordTable,
  number: string,
): Promise<T | undefined> {
  const row = await db
    .selectFrom(table as 'interactions')
    .select('record')
    .where('number', '=', number)
    .executeTakeFirst();
  return row ? (row.record as T) : undefined;
}
