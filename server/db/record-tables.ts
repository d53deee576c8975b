// The tables of synced records (interactions, incidents, requests) share one layout: the record as
// jsonb, its number and sequence value, its change position, and the columns the filters use. Writing
// and reading them by change position goes through here; it never decides what a record holds.

import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { ChangePosition, SeenBefore } from '../sync/change-positions';
import type { Database } from './schema';
import { jsonb, toNumber } from './values';

export type RecordTable = 'interactions' | 'incidents' | 'requests' | 'visits' | 'calls';

type Db = Kysely<Database> | Transaction<Database>;

/** A record as push writes it. */
export interface StoredRecord<T> {
  record: T;
  /** The number's sequence value (IMS0001001, INC0001001 → 1001). */
  seq: number;
}

interface NumberedRecord {
  id: string;
  number: string;
  openedAt: string;
  updatedAt: string;
}

/** A filter column's value: text, a number, a flag, null, or SQL reading other rows (an interaction's location). */
export type FilterValue = string | number | boolean | null | RawBuilder<unknown>;

/** Rows per insert: well under PostgreSQL's bind-parameter limit at a dozen columns a row. */
const CHUNK = 200;

/**
 * Inserts or replaces records, each at a new change position: this transaction's id and the next
 * version. `filterColumns` gives the table's own filter columns from a record (state, caller…);
 * they (the desk figures' columns among them, migration 0013), `updated_at`, the position and `record` are replaced on conflict, while id, number, seq
 * and opened_at never change once written. `onConflict: 'fail'` is for records just created: a
 * row with the same id (another desk's create, committed meanwhile) is then a unique violation.
 */
export async function upsertRecords<T extends NumberedRecord>(
  trx: Transaction<Database>,
  table: RecordTable,
  entries: readonly StoredRecord<T>[],
  filterColumns: (record: T) => Record<string, FilterValue>,
  onConflict: 'replace' | 'fail' = 'replace',
): Promise<void> {
  const first = entries[0];
  if (!first) return;
  const replaced = [
    ...Object.keys(filterColumns(first.record)),
    'updated_at',
    'version',
    'change_xid',
    'record',
  ];
  for (let i = 0; i < entries.length; i += CHUNK) {
    const rows = entries.slice(i, i + CHUNK).map(({ record, seq }) => ({
      id: record.id,
      seq,
      number: record.number,
      ...filterColumns(record),
      opened_at: record.openedAt,
      updated_at: record.updatedAt,
      version: sql`nextval('record_versions')`,
      change_xid: sql`pg_current_xact_id()`,
      record: jsonb(record),
    }));
    // One layout, three tables: Kysely types each table apart, so the shared row is cast once here.
    const insert = trx.insertInto(table as 'interactions').values(rows as never);
    await (
      onConflict === 'fail'
        ? insert
        : insert.onConflict((oc) =>
            oc
              .column('id')
              .doUpdateSet((eb) =>
                Object.fromEntries(
                  replaced.map((column) => [
                    column,
                    eb.ref(`excluded.${column}` as 'excluded.record'),
                  ]),
                ),
              ),
          )
    ).execute();
  }
}

/**
 * The rows of a table changed after a change position, oldest position first (`record`,
 * `change_xid`, `version`), as a statement to run or to nest; with `seen`, only rows of
 * transactions the snapshot behind the cursor had not shown (ADR 0007).
 */
export function changedRowsSql(
  table: RecordTable,
  after: ChangePosition,
  limit: number,
  seen?: SeenBefore,
  worked?: WorkedBy,
  inScope?: (alias: string) => RawBuilder<boolean>,
): RawBuilder<{
  id: string;
  record: unknown;
  change_xid: string;
  version: string | number;
}> {
  const unseen = seen
    ? sql`AND (change_xid >= ${seen.until.toString()}::xid8
           OR change_xid = ANY(${seen.running.map(String)}::xid8[]))`
    : sql``;
  const scoped = worked ? sql`AND ${workedBySql(worked)}` : sql``;
  // A desk's sync scope (server/sync/desk-scope.ts), over the row named `r`.
  const held = inScope ? sql`AND ${inScope('r')}` : sql``;
  return sql`
    SELECT id, record, change_xid, version FROM ${sql.table(table)} AS r
    WHERE (change_xid, version) > (${after.xid.toString()}::xid8, ${after.version}) ${unseen}
      ${scoped} ${held}
    ORDER BY change_xid, version
    LIMIT ${limit}`;
}

/**
 * Records of a table changed after a change position, oldest position first, each as the JSON
 * text PostgreSQL holds.
 */
export async function changedJsonSince(
  db: Db,
  table: RecordTable,
  after: ChangePosition,
  limit: number,
  seen?: SeenBefore,
  worked?: WorkedBy,
): Promise<{ json: string; position: ChangePosition }[]> {
  const { rows } = await sql<{ json: string; xid: string; version: string | number }>`
    SELECT record::text AS json, change_xid::text AS xid, version
    FROM (${changedRowsSql(table, after, limit, seen, worked)}) AS changed
    ORDER BY change_xid, version`.execute(db);
  return rows.map((r) => ({
    json: r.json,
    position: { xid: BigInt(r.xid), version: toNumber(r.version) },
  }));
}

/**
 * What the agent works: assigned to it or to one of its groups, or opened by it (so a record it
 * made comes back with its real number). The same rule for all three kinds.
 */
export const workedBySql = (worked: WorkedBy): RawBuilder<boolean> =>
  sql<boolean>`(assigned_to = ${worked.userId}
    OR assignment_group = ANY(${[...worked.groupIds]}::text[])
    OR record->>'openedBy' = ${worked.userId})`;

/** Whose work a scoped pull holds: the agent and its assignment groups. */
export interface WorkedBy {
  userId: string;
  groupIds: readonly string[];
}

/**
 * The technician's rule for `table`: a technician works only its incidents, requests and
 * interactions. Visits and calls are every desk's (decision 0013): the walk-up queue is whole at a
 * location, and a technician answers the phone as an agent does.
 */
export const workedRuleOf = (
  table: RecordTable,
  worked: WorkedBy | undefined,
): WorkedBy | undefined => (table === 'visits' || table === 'calls' ? undefined : worked);

/** The same, parsed. */
export async function changedSince<T>(
  db: Db,
  table: RecordTable,
  after: ChangePosition,
  limit: number,
  seen?: SeenBefore,
): Promise<{ record: T; position: ChangePosition }[]> {
  // The record column holds only what the shared mutators produced for this table.
  return (await changedJsonSince(db, table, after, limit, seen)).map((r) => ({
    record: JSON.parse(r.json) as T,
    position: r.position,
  }));
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
