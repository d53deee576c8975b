// A first sync's snapshot (ADR 0020, issue 15 item 3): every record in a desk's scope, read in one
// REPEATABLE READ transaction by indexed predicates (migration 0019), handed out as NDJSON lines —
// the totals, pages of one kind each, then the cursor a pull would have answered after the last
// page. The records are spliced in as the JSON text the database holds, as pullJson does.

import { sql, type Kysely, type RawBuilder } from 'kysely';
import {
  SNAPSHOT_KINDS,
  SYNC_LIMITS,
  type PullResponse,
  type SnapshotKind,
  type SnapshotRequest,
} from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import { workedBySql, type RecordTable, type WorkedBy } from '../db/record-tables';
import { encodeRecordCursor } from './change-positions';
import { directlyInScope, inDeskScope, scopeTagOf, type DeskScope } from './desk-scope';
import type { PullScope } from './pull';
import { parsePullState, pullStateSql } from './pull-state';

/** A snapshot needs a desk scope: starting over (unscoped) is the pull's (see ADR 0020). */
export type SnapshotScope = PullScope & { desk: DeskScope };

/** The ids each row links to, by the partner table (scope.ts's linksOf, as desk-scope.ts reads it). */
const LINKS: Record<RecordTable, RawBuilder<unknown>> = {
  interactions: sql`json_build_object(
    'incidents', (SELECT json_agg(l->>'id') FROM jsonb_array_elements(r.record->'relatedRecords') AS l
      WHERE l->>'kind' = 'incident'),
    'requests', (SELECT json_agg(l->>'id') FROM jsonb_array_elements(r.record->'relatedRecords') AS l
      WHERE l->>'kind' = 'request'),
    'visits', json_build_array(r.record->>'visit'),
    'calls', json_build_array(r.record->>'call'))::text`,
  incidents: sql`json_build_object('interactions',
    (SELECT json_agg(l->>'id') FROM jsonb_array_elements(r.record->'relatedInteractions') AS l))::text`,
  requests: sql`json_build_object('interactions',
    (SELECT json_agg(l->>'id') FROM jsonb_array_elements(r.record->'relatedInteractions') AS l))::text`,
  visits: sql`json_build_object('interactions', json_build_array(r.record->>'interaction'))::text`,
  calls: sql`json_build_object('interactions', json_build_array(r.record->>'interaction'))::text`,
};

/**
 * Reads the snapshot and hands each line to `line` as it is read (the caller streams them; it
 * never waits for the client inside the transaction, so a slow desk never holds the database).
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
      const ids = await scopeIds(trx, scope.desk, worked);
      const counts = Object.fromEntries(SNAPSHOT_KINDS.map((k) => [k, ids[k].length]));
      const total = SNAPSHOT_KINDS.reduce((sum, k) => sum + ids[k].length, 0);
      line(JSON.stringify({ type: 'start', total, counts }));
      for (const kind of SNAPSHOT_KINDS) {
        const all = ids[kind];
        for (let i = 0; i < all.length; i += pageSize) {
          const { rows } = await sql<{ json: string }>`
            SELECT record::text AS json FROM ${sql.table(kind)}
            WHERE id = ANY(${all.slice(i, i + pageSize)}::text[])`.execute(trx);
          line(`{"type":"page","kind":"${kind}","records":[${rows.map((r) => r.json).join(',')}]}`);
        }
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

/**
 * The ids of every row in the desk's scope, by table, without reading the tables whole: the rows in
 * scope by themselves come by the open-record and `updated_at` indexes (directlyInScope is an OR of
 * indexable arms: a bitmap OR), and the linked ones by primary key from the links those rows hold.
 * The same set the pull's predicate (inDeskScope) keeps, as links are recorded on both sides; a
 * linked row is still checked by that predicate, so the snapshot never holds a row the pull would not.
 */
async function scopeIds(
  trx: Kysely<Database>,
  desk: DeskScope,
  worked: WorkedBy | undefined,
): Promise<Record<SnapshotKind, string[]>> {
  // A technician works only its incidents, requests and interactions; visits and calls are every
  // desk's (decision 0013), as in the pull.
  const workedOf = (table: RecordTable) =>
    worked && table !== 'visits' && table !== 'calls' ? sql`AND ${workedBySql(worked)}` : sql``;
  const direct = new Map<RecordTable, Set<string>>();
  const linked = new Map<RecordTable, Set<string>>(SNAPSHOT_KINDS.map((k) => [k, new Set()]));
  for (const table of SNAPSHOT_KINDS) {
    const { rows } = await sql<{ id: string; links: string }>`
      SELECT r.id, ${LINKS[table]} AS links FROM ${sql.table(table)} AS r
      WHERE ${directlyInScope(table, 'r', desk)}`.execute(trx);
    direct.set(table, new Set());
    for (const row of rows) {
      direct.get(table)?.add(row.id);
      const links = JSON.parse(row.links) as Partial<Record<RecordTable, (string | null)[] | null>>;
      for (const [to, list] of Object.entries(links) as [RecordTable, (string | null)[] | null][])
        for (const id of list ?? []) if (id !== null) linked.get(to)?.add(id);
    }
  }
  const result = {} as Record<SnapshotKind, string[]>;
  for (const table of SNAPSHOT_KINDS) {
    const own = direct.get(table) ?? new Set<string>();
    const others = [...(linked.get(table) ?? [])].filter((id) => !own.has(id));
    const filtered = async (ids: string[], rule: RawBuilder<unknown>) =>
      ids.length === 0
        ? []
        : (
            await sql<{ id: string }>`SELECT r.id FROM ${sql.table(table)} AS r
              WHERE r.id = ANY(${ids}::text[]) ${rule} ${workedOf(table)}`.execute(trx)
          ).rows.map((r) => r.id);
    // The rows in scope by themselves once more under the technician's rule (if any), the linked
    // ones under the pull's predicate.
    const kept =
      worked && table !== 'visits' && table !== 'calls' ? filtered([...own], sql``) : [...own];
    result[table] = [
      ...(await kept),
      ...(await filtered(others, sql`AND ${inDeskScope(table, 'r', desk)}`)),
    ];
  }
  return result;
}
