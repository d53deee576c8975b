// The server's history search over interactions, incidents and requests: by number (exact or its
// beginning), by caller (users' names, full text) and by words (migration 0015's tsvector columns),
// best match first, then the newest, in keyset pages. Read-only; answers no work note.

import { sql, type Kysely, type RawBuilder } from 'kysely';
import { z } from 'zod';
import {
  historySearchTerms,
  type HistoryKind,
  type HistorySearchTerms,
} from '../../shared/domain/history-search';
import { HISTORY_MATCHES, type HistoryHit } from '../../shared/sync/history-search-api';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';

const TABLES: Record<HistoryKind, { table: string; caller: string }> = {
  interaction: { table: 'interactions', caller: 'opened_for' },
  incident: { table: 'incidents', caller: 'caller' },
  request: { table: 'requests', caller: 'requested_for' },
};

/** A caller search finds at most this many people; their records are then ranked as any others. */
const MAX_CALLERS = 100;

/** Where the last page ended: its match, its last change, its kind and id (the order of the answer). */
const HistoryCursor = z.strictObject({
  m: z
    .int()
    .min(0)
    .max(HISTORY_MATCHES.length - 1),
  u: z.iso.datetime({ offset: true }),
  k: z.enum(['interaction', 'incident', 'request']),
  id: z.string().min(1).max(200),
});
type HistoryCursor = z.infer<typeof HistoryCursor>;

const encodeCursor = (cursor: HistoryCursor): string =>
  Buffer.from(JSON.stringify(cursor)).toString('base64url');

export function decodeHistoryCursor(cursor: string | undefined): HistoryCursor | undefined {
  if (cursor === undefined) return undefined;
  try {
    return HistoryCursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new ApiError(400, 'invalid-input', 'The cursor is not one this server gave out.', {
      fieldErrors: { cursor: 'Use nextCursor from the previous page, or none for the first page.' },
    });
  }
}

/**
 * `print jam` → `'print':* & 'jam':*`: every word, each as a beginning (as the desk's own search).
 * Words hold letters and digits only; quoted, none is ever read as an operator.
 */
const prefixQuery = (words: readonly string[]): string => words.map((w) => `'${w}':*`).join(' & ');

interface SearchRow {
  m: number;
  kind: HistoryKind;
  id: string;
  number: string;
  state: string;
  caller_id: string | null;
  caller_name: string | null;
  short_description: string | null;
  opened_at: Date | string;
  updated_at: Date | string;
}

const iso = (value: Date | string): string => new Date(value).toISOString();

/** One kind's statements, one per match, each match excluding the better ones (so each record shows once). */
function kindStatements(
  kind: HistoryKind,
  terms: HistorySearchTerms,
  callers: RawBuilder<unknown> | null,
  after: HistoryCursor | undefined,
  limit: number,
): RawBuilder<unknown>[] {
  const { table, caller } = TABLES[kind];
  const numberTerms = terms.numbers.filter((n) => n.kind === kind);
  const exacts = numberTerms.flatMap((n) => (n.exact ? [n.exact] : []));
  const ranges = numberTerms.flatMap((n) => n.ranges);
  const exact = exacts.length > 0 ? sql`number = ANY(${exacts}::text[])` : sql`false`;
  const prefix =
    ranges.length > 0
      ? sql`(${sql.join(
          ranges.map((r) => sql`seq BETWEEN ${r.from} AND ${r.to}`),
          sql` OR `,
        )})`
      : sql`false`;
  const byCaller = callers ? sql`${sql.ref(caller)} IN (${callers})` : sql`false`;
  const byWords =
    terms.words.length > 0
      ? sql`history_words @@ to_tsquery('simple', ${prefixQuery(terms.words)})`
      : sql`false`;
  const conditions: [number, RawBuilder<unknown> | null][] = [
    [0, exacts.length > 0 ? exact : null],
    [1, ranges.length > 0 ? sql`${prefix} AND NOT ${exact}` : null],
    [2, callers ? sql`${byCaller} AND NOT ${exact} AND NOT ${prefix}` : null],
    [
      3,
      terms.words.length > 0
        ? sql`${byWords} AND NOT ${exact} AND NOT ${prefix} AND NOT coalesce(${byCaller}, false)`
        : null,
    ],
  ];
  return conditions.flatMap(([m, condition]) => {
    if (condition === null || (after && m < after.m)) return [];
    // Within the cursor's match, only what comes after it: older, or as old and later in kind, id.
    const keyset =
      after && m === after.m
        ? kind > after.k
          ? sql`AND updated_at <= ${after.u}::timestamptz`
          : kind < after.k
            ? sql`AND updated_at < ${after.u}::timestamptz`
            : sql`AND (updated_at < ${after.u}::timestamptz
                OR (updated_at = ${after.u}::timestamptz AND id > ${after.id}))`
        : sql``;
    // OFFSET 0 keeps the planner on the match's own index (GIN, seq, caller): without it, a word
    // that matches little walks the whole updated_at index backwards looking for it.
    return [
      sql`(SELECT * FROM (
            SELECT ${m}::int AS m, ${kind}::text AS kind, id, number, state,
              ${sql.ref(caller)} AS caller_id, record->>'shortDescription' AS short_description,
              opened_at, updated_at
            FROM ${sql.table(table)}
            WHERE ${condition} ${keyset}
            OFFSET 0) AS matched
          ORDER BY updated_at DESC, id LIMIT ${limit})`,
    ];
  });
}

export interface HistorySearch {
  q: string;
  kind?: HistoryKind | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** One page of hits, best first, and the cursor of the next (null on the last). */
export async function searchHistory(
  db: Kysely<Database>,
  search: HistorySearch,
): Promise<{ hits: HistoryHit[]; nextCursor: string | null }> {
  const after = decodeHistoryCursor(search.cursor);
  const terms = historySearchTerms(search.q);
  const callers =
    terms.words.length > 0
      ? sql`SELECT u.id FROM users u
          WHERE to_tsvector('simple'::regconfig, u.name || ' ' || u.user_name)
            @@ to_tsquery('simple', ${prefixQuery(terms.words)})
          LIMIT ${MAX_CALLERS}`
      : null;
  const kinds = search.kind ? [search.kind] : (Object.keys(TABLES) as HistoryKind[]);
  const statements = kinds.flatMap((kind) =>
    kindStatements(kind, terms, callers, after, search.limit + 1),
  );
  if (statements.length === 0) return { hits: [], nextCursor: null };
  const { rows } = await sql<SearchRow>`
    SELECT hit.*, u.name AS caller_name
    FROM (${sql.join(statements, sql` UNION ALL `)}) AS hit
    LEFT JOIN users u ON u.id = hit.caller_id
    ORDER BY hit.m, hit.updated_at DESC, hit.kind, hit.id
    LIMIT ${search.limit + 1}`.execute(db);
  const page = rows.slice(0, search.limit);
  const last = page.at(-1);
  return {
    hits: page.map((row) => ({
      kind: row.kind,
      id: row.id,
      number: row.number,
      shortDescription: row.short_description ?? '',
      state: row.state,
      callerId: row.caller_id,
      callerName: row.caller_name,
      match: HISTORY_MATCHES[row.m] ?? 'words',
      openedAt: iso(row.opened_at),
      updatedAt: iso(row.updated_at),
    })),
    nextCursor:
      rows.length > search.limit && last
        ? encodeCursor({ m: last.m, u: iso(last.updated_at), k: last.kind, id: last.id })
        : null,
  };
}
