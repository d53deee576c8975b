// The CSV export as a stream: records opened in a date range, read from the database in keyset
// pages of (opened_at, seq), one page in memory at a time, each turned into RFC 4180 rows (CRLF,
// quotes doubled), UTF-8 with a BOM for Excel, formulas defused. Never reads work notes.

import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { sql, type Kysely } from 'kysely';
import { rangeInstants, type ExportKind, type ExportRange } from '../../shared/admin/export';
import type { CatalogItem } from '../../shared/domain/catalog';
import type { Database } from '../db/schema';
import { toNumber } from '../db/values';
import {
  answerUserIds,
  exportHeader,
  exportRow,
  referencedIds,
  type ExportNames,
  type ExportRecord,
} from './export-columns';

export const EXPORT_PAGE_SIZE = 500;

export interface ExportOptions {
  pageSize?: number;
  /** Told each page's row count as it is read (tests count pages with it). */
  onPage?: (rows: number) => void;
}

/**
 * `=`, `+`, `-`, `@` (and tab, CR) at a cell's start get a `'` before them, so a spreadsheet shows
 * the text instead of running it (OWASP's CSV injection advice); CRLF between records (RFC 4180).
 */
const CSV_OPTIONS = { escape_formulas: true, record_delimiter: 'windows' } as const;
const BOM = '\uFEFF';

/** Pages of records opened in the range, oldest first, without their work notes. */
async function* exportPages(
  db: Kysely<Database>,
  kind: ExportKind,
  range: ExportRange,
  pageSize: number,
): AsyncGenerator<ExportRecord[]> {
  const { start, end } = rangeInstants(range);
  let after: { openedAt: string; seq: number } | null = null;
  for (;;) {
    let query = db
      .selectFrom(kind)
      .select([
        'seq',
        'opened_at',
        // Work notes are internal (invariant 3): they never leave the database for an export.
        sql<ExportRecord>`record - 'workNotes'`.as('record'),
      ])
      .where(sql<boolean>`opened_at >= ${start}::timestamptz AND opened_at < ${end}::timestamptz`);
    if (after)
      query = query.where(
        sql<boolean>`(opened_at, seq) > (${after.openedAt}::timestamptz, ${after.seq}::bigint)`,
      );
    const page = query.orderBy('opened_at').orderBy('seq').limit(pageSize);
    // Walk the (opened_at, seq) index in order whatever the planner's statistics say: PGlite runs no
    // autovacuum, and without statistics it sorts the whole rest of the range for every page.
    const rows = await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_sort = off`.execute(trx);
      await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
      return trx.executeQuery(page.compile()).then((result) => result.rows);
    });
    const last = rows.at(-1);
    if (!last) return;
    yield rows.map((row) => row.record);
    if (rows.length < pageSize) return;
    after = { openedAt: new Date(last.opened_at).toISOString(), seq: toNumber(last.seq) };
  }
}

async function namesById(
  db: Kysely<Database>,
  table: 'users' | 'groups' | 'configuration_items',
  ids: Iterable<string>,
): Promise<Map<string, string>> {
  const list = [...ids];
  if (list.length === 0) return new Map();
  const rows = await db.selectFrom(table).select(['id', 'name']).where('id', 'in', list).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * The names one page needs. Catalog items are few and kept for the whole export; an id the
 * directory no longer knows is shown as it is.
 */
async function pageNames(
  db: Kysely<Database>,
  records: readonly ExportRecord[],
  catalog: Map<string, CatalogItem>,
): Promise<ExportNames> {
  const ids = referencedIds(records);
  const missingItems = [...ids.catalogItem].filter((id) => !catalog.has(id));
  if (missingItems.length > 0) {
    const rows = await db
      .selectFrom('catalog_items')
      .select(['id', 'record'])
      .where('id', 'in', missingItems)
      .execute();
    for (const row of rows) catalog.set(row.id, row.record as CatalogItem);
  }
  const catalogItem = (id: string) => catalog.get(id);
  for (const id of answerUserIds(records, catalogItem)) ids.user.add(id);
  const [users, groups, items] = [
    await namesById(db, 'users', ids.user),
    await namesById(db, 'groups', ids.group),
    await namesById(db, 'configuration_items', ids.configurationItem),
  ];
  return {
    user: (id) => users.get(id) ?? id,
    group: (id) => groups.get(id) ?? id,
    configurationItem: (id) => items.get(id) ?? id,
    catalogItem,
  };
}

async function* csvChunks(
  db: Kysely<Database>,
  kind: ExportKind,
  range: ExportRange,
  options: ExportOptions,
): AsyncGenerator<Buffer> {
  yield Buffer.from(BOM + stringify([exportHeader(kind)], CSV_OPTIONS), 'utf8');
  const catalog = new Map<string, CatalogItem>();
  for await (const records of exportPages(db, kind, range, options.pageSize ?? EXPORT_PAGE_SIZE)) {
    options.onPage?.(records.length);
    const names = await pageNames(db, records, catalog);
    const rows = records.map((record) => exportRow(kind, record, names));
    yield Buffer.from(stringify(rows, CSV_OPTIONS), 'utf8');
  }
}

/**
 * The export as a byte stream. A page is read only when the reader has taken the last one, so a
 * slow download holds one page, not the table; closing the stream stops the reading.
 */
export function exportCsv(
  db: Kysely<Database>,
  kind: ExportKind,
  range: ExportRange,
  options: ExportOptions = {},
): Readable {
  return Readable.from(csvChunks(db, kind, range, options), { objectMode: false });
}

/** `interactions-2026-01-01-to-2026-12-31.csv` */
export const exportFileName = (kind: ExportKind, range: ExportRange): string =>
  `${kind}-${range.from}-to-${range.to}.csv`;
