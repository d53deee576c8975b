// A first sync's snapshot (ADR 0020, issue 15 item 3): every record in a desk's scope, read in one
// REPEATABLE READ transaction by indexed predicates (migration 0019), handed out as NDJSON lines —
// the totals, pages of one kind each (the rows in scope by themselves, then a second totals line
// and the rows they link to), then the cursor a pull would have answered after the last page. The
// records are spliced in as the JSON text the database holds, as pullJson does.

import { sql, type Kysely, type RawBuilder } from 'kysely';
import {
  SNAPSHOT_KINDS,
  SYNC_LIMITS,
  type PullResponse,
  type SnapshotKind,
  type SnapshotRequest,
} from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import { workedBySql, workedRuleOf, type RecordTable, type WorkedBy } from '../db/record-tables';
import { encodeRecordCursor } from './change-positions';
import { directlyInScope, inDeskScope, scopeTagOf, type DeskScope } from './desk-scope';
import type { PullScope } from './pull';
import { parsePullState, pullStateSql } from './pull-state';

/** A snapshot needs a desk scope: starting over (unscoped) is the pull's (see ADR 0020). */
export type SnapshotScope = PullScope & { desk: DeskScope };

/** The ids each row links to, by the partner table (scope.ts's linksOf, as desk-scope.ts reads it). */
const LINKS: Record<RecordTable, RawBuilder<unknown>> = {
  interactions: sql`json_build_object(
    'incidents', jsonb_path_query_array(r.record, '$.relatedRecords[*] ? (@.kind == "incident").id'),
    'requests', jsonb_path_query_array(r.record, '$.relatedRecords[*] ? (@.kind == "request").id'),
    'visits', json_build_array(r.record->>'visit'),
    'calls', json_build_array(r.record->>'call'))::text`,
  incidents: sql`json_build_object('interactions',
    jsonb_path_query_array(r.record, '$.relatedInteractions[*].id'))::text`,
  requests: sql`json_build_object('interactions',
    jsonb_path_query_array(r.record, '$.relatedInteractions[*].id'))::text`,
  visits: sql`json_build_object('interactions', json_build_array(r.record->>'interaction'))::text`,
  calls: sql`json_build_object('interactions', json_build_array(r.record->>'interaction'))::text`,
};

/**
 * Reads the snapshot and hands each line to `line` as it is read (the caller streams them; it
 * never waits for the client inside the transaction, so a slow desk never holds the database).
 * The rows in scope by themselves come first, each page read with the links its rows hold, so
 * the desk stores pages while the records they link to are worked out; those come last, after a
 * second start line with the totals that now count them (ADR 0020, "The snapshot streams from
 * its first ids").
 * The end line's cursor is the snapshot's horizon, with what the snapshot showed above it and the
 * scope's digest: exactly what a pull's last page would answer, so the desk pulls on from there.
 */
export async function readSnapshot(
  db: Kysely<Database>,
  request: SnapshotRequest,
  scope: SnapshotScope,
  settings: PullResponse['scope'],
  line: (text: string) => void,
  pageSize: number = SYNC_LIMITS.recordsPerSnapshotPage,
): Promise<void> {
  const worked = scope.kind === 'worked' ? scope : undefined;
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      // The first statement takes the transaction's snapshot: the horizon is this snapshot's.
      const { rows: head } = await sql<{ state: string }>`
        SELECT ${pullStateSql(request)} AS state`.execute(trx);
      const { state, refused } = parsePullState(head[0]?.state);
      const direct = await directIds(trx, scope.desk, worked);
      const counts = Object.fromEntries(SNAPSHOT_KINDS.map((k) => [k, direct[k].sent.length]));
      const sum = (c: Record<string, number>) =>
        SNAPSHOT_KINDS.reduce((n, k) => n + (c[k] ?? 0), 0);
      line(JSON.stringify({ type: 'start', total: sum(counts), counts }));
      const linked = new Links();
      const pages = (kind: SnapshotKind, ids: readonly string[], withLinks: boolean) =>
        pagesOf(trx, kind, ids, pageSize, withLinks ? linked : null, line);
      for (const kind of SNAPSHOT_KINDS) {
        await pages(kind, direct[kind].sent, true);
        // A technician's rows in scope it does not work: never sent, but what they link to is.
        await linked.readFrom(trx, kind, direct[kind].unsent);
      }
      const others = await linkedIds(trx, scope.desk, worked, direct, linked);
      if (SNAPSHOT_KINDS.some((k) => others[k].length > 0)) {
        for (const k of SNAPSHOT_KINDS) counts[k] = (counts[k] ?? 0) + others[k].length;
        // A second start line: a desk takes the latest totals (one from before this did too).
        line(JSON.stringify({ type: 'start', total: sum(counts), counts }));
        for (const kind of SNAPSHOT_KINDS) await pages(kind, others[kind], false);
      }
      const cursor = encodeRecordCursor(
        state.databaseId,
        { xid: state.horizon, version: 0 },
        { until: state.next, running: state.running },
        scopeTagOf(scope.desk, worked !== undefined),
      );
      line(
        JSON.stringify({
          type: 'end',
          cursor,
          lastMutationId: state.lastMutationId,
          refused,
          ...(settings ? { scope: settings } : {}),
        }),
      );
    });
}

/** The ids each direct row of one table links to, gathered as its pages are read. */
class Links {
  readonly #ids = new Map<RecordTable, Set<string>>(SNAPSHOT_KINDS.map((k) => [k, new Set()]));

  add(text: string): void {
    const links = JSON.parse(text) as Partial<Record<RecordTable, (string | null)[] | null>>;
    for (const [to, list] of Object.entries(links) as [RecordTable, (string | null)[] | null][])
      for (const id of list ?? []) if (id !== null) this.#ids.get(to)?.add(id);
  }

  of(table: RecordTable): ReadonlySet<string> {
    return this.#ids.get(table) ?? new Set();
  }

  /** The links of rows that are not sent (links only, no record text). */
  async readFrom(trx: Kysely<Database>, table: RecordTable, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const { rows } = await sql<{ links: string }>`
      SELECT ${LINKS[table]} AS links FROM ${sql.table(table)} AS r
      WHERE r.id = ANY(${ids}::text[])`.execute(trx);
    for (const row of rows) this.add(row.links);
  }
}

/** Pages of `ids`, each read (with its rows' links into `links`, if given) and handed on. */
async function pagesOf(
  trx: Kysely<Database>,
  kind: SnapshotKind,
  ids: readonly string[],
  pageSize: number,
  links: Links | null,
  line: (text: string) => void,
): Promise<void> {
  for (let i = 0; i < ids.length; i += pageSize) {
    const { rows } = await sql<{ json: string; links: string | null }>`
      SELECT r.record::text AS json, ${links ? LINKS[kind] : sql`NULL`} AS links
      FROM ${sql.table(kind)} AS r
      WHERE r.id = ANY(${ids.slice(i, i + pageSize)}::text[])`.execute(trx);
    line(`{"type":"page","kind":"${kind}","records":[${rows.map((r) => r.json).join(',')}]}`);
    if (links) for (const row of rows) if (row.links !== null) links.add(row.links);
  }
}

/** The rows in scope by themselves: those the desk is sent, and a technician's it does not work. */
type DirectIds = Record<SnapshotKind, { sent: string[]; unsent: string[] }>;

/**
 * The ids of every row in scope by itself, by table, without reading the tables whole: by the
 * open-record and `updated_at` indexes (directlyInScope is an OR of indexable arms: a bitmap OR).
 * Under a technician's rule, the rows it does not work are apart: their links still count.
 */
async function directIds(
  trx: Kysely<Database>,
  desk: DeskScope,
  worked: WorkedBy | undefined,
): Promise<DirectIds> {
  const result = {} as DirectIds;
  for (const table of SNAPSHOT_KINDS) {
    const rule = workedRuleOf(table, worked);
    const { rows } = await sql<{ id: string; sent: boolean }>`
      SELECT r.id, ${rule ? workedBySql(rule) : sql`true`} AS sent FROM ${sql.table(table)} AS r
      WHERE ${directlyInScope(table, 'r', desk)}`.execute(trx);
    result[table] = {
      sent: rows.filter((r) => r.sent).map((r) => r.id),
      unsent: rows.filter((r) => !r.sent).map((r) => r.id),
    };
  }
  return result;
}

/**
 * The rows linked (one step) to a row in scope by itself, not in scope by themselves, by primary
 * key from the links those rows hold: the same set the pull's predicate (inDeskScope) keeps, as
 * links are recorded on both sides; each is still checked by that predicate (and a technician's
 * rule), so the snapshot never holds a row the pull would not.
 */
async function linkedIds(
  trx: Kysely<Database>,
  desk: DeskScope,
  worked: WorkedBy | undefined,
  direct: DirectIds,
  links: Links,
): Promise<Record<SnapshotKind, string[]>> {
  const result = {} as Record<SnapshotKind, string[]>;
  for (const table of SNAPSHOT_KINDS) {
    const own = new Set([...direct[table].sent, ...direct[table].unsent]);
    const ids = [...links.of(table)].filter((id) => !own.has(id));
    const rule = workedRuleOf(table, worked);
    result[table] =
      ids.length === 0
        ? []
        : (
            await sql<{ id: string }>`SELECT r.id FROM ${sql.table(table)} AS r
              WHERE r.id = ANY(${ids}::text[]) AND ${inDeskScope(table, 'r', desk)}
                ${rule ? sql`AND ${workedBySql(rule)}` : sql``}`.execute(trx)
          ).rows.map((r) => r.id);
  }
  return result;
}
