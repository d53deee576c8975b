// Records that entered a desk's scope without changing (ADR 0020): an old closed interaction is in
// the scope by its link once its incident is reopened, but the reopen changes the incident only, so
// the interaction's row lies before the desk's cursor and the change stream never shows it again.
// With each page, the records its rows in scope by themselves link to (one step, as the scope
// rule) are sent too — those the desk's pulls have passed (before this catch-up began, or on its
// earlier pages: later ones come in the stream, by the scope's rule), not in scope by themselves
// (such a row came when it last changed), and not on the page already. One that an earlier page
// of the same catch-up did send may come again (an idempotent put). Builds and runs one statement.

import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { workedBySql, workedRuleOf, type RecordTable, type WorkedBy } from '../db/record-tables';
import type { ChangePosition } from './change-positions';
import { directlyInScope, linkedIds, type DeskScope } from './desk-scope';

/** A row on the page: its table's index in `tables` and its id. */
export interface PageRow {
  kind: number;
  id: string;
}

/**
 * What the desk's pulls have passed: every row at or before the page's cursor (`after`), and every
 * row of a transaction below `base` (where the catch-up started: its snapshot had shown them all).
 */
export interface Passed {
  after: ChangePosition;
  base: bigint;
}

/**
 * The JSON texts of the records the desk's pulls have passed (`passed`) that the page's rows bring
 * into the desk's scope, by table index. `tables` is the pull's table order; `worked`, a
 * technician's filter, holds for them as for any row of those tables (visits and calls are
 * everyone's).
 */
export async function linkedBehindCursor(
  db: Kysely<Database>,
  tables: readonly RecordTable[],
  page: readonly PageRow[],
  { after, base }: Passed,
  desk: DeskScope,
  worked: WorkedBy | undefined,
): Promise<Map<number, string[]>> {
  const found = new Map<number, string[]>();
  const idsOf = (kind: number) => page.flatMap((r) => (r.kind === kind ? [r.id] : []));
  // Each source table is read once, for all the kinds it links to (materialized below): a page of
  // 5,000 interactions read again for each of the four kinds they link to took most of its 0.2 s.
  const sources = tables.flatMap((from, fromKind) => {
    const ids = idsOf(fromKind);
    const links = tables.flatMap((to, toKind) => {
      const linked = linkedIds(from, 's', to);
      return linked ? [sql`SELECT ${sql.lit(toKind)}::int, id FROM (${linked}) AS l(id)`] : [];
    });
    if (ids.length === 0 || links.length === 0) return [];
    return [
      sql`SELECT x.kind, x.id FROM ${sql.table(from)} AS s
        CROSS JOIN LATERAL (${sql.join(links, sql` UNION ALL `)}) AS x(kind, id)
        WHERE s.id = ANY(${ids}::text[]) AND ${directlyInScope(from, 's', desk)}`,
    ];
  });
  if (sources.length === 0) return found;
  const targets = tables.flatMap((to, toKind) => {
    if (!tables.some((from) => linkedIds(from, 's', to))) return [];
    const rule = workedRuleOf(to, worked);
    return [
      sql`SELECT ${sql.lit(toKind)}::int AS kind, p.record::text AS json
      FROM ${sql.table(to)} AS p
      WHERE p.id IN (SELECT id FROM linked WHERE kind = ${sql.lit(toKind)})
        AND ((p.change_xid, p.version) <= (${after.xid.toString()}::xid8, ${after.version})
          OR p.change_xid < ${base.toString()}::xid8)
        AND NOT ${directlyInScope(to, 'p', desk)}
        AND NOT (p.id = ANY(${idsOf(toKind)}::text[]))
        ${rule ? sql`AND ${workedBySql(rule)}` : sql``}`,
    ];
  });
  const { rows } = await sql<{ kind: number; json: string }>`
    WITH linked AS MATERIALIZED (${sql.join(sources, sql` UNION `)})
    ${sql.join(
      targets.map((s) => sql`(${s})`),
      sql` UNION ALL `,
    )}`.execute(db);
  for (const row of rows) found.set(row.kind, [...(found.get(row.kind) ?? []), row.json]);
  return found;
}
