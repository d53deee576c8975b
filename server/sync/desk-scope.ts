// The sync scope of shared/sync/scope.ts said in SQL, for the server's pull (ADR 0020): which rows of
// a record table a desk holds. Builds predicates only; pull.ts runs them in its one statement.

import { createHash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { CLOSED_STATES } from '../../shared/domain/interaction';
import { FINAL_INCIDENT_STATES, OPEN_REQUEST_STATES } from '../../shared/domain/task-states';
import type { RecordTable } from '../db/record-tables';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whose desk pulls, and how far back its recent history goes (ScopeContext's server side). */
export interface DeskScope {
  agentId: string;
  groupIds: readonly string[];
  recentDays: number;
  now: Date;
}

/**
 * Bumped when the rules below change what a scope holds: every desk's cursor then names an older
 * scope, and its next pull brings the new scope whole (as after joining a group).
 */
const RULES_VERSION = 1;

/**
 * What a pull cursor remembers of the scope its rows were chosen by: who and which groups (as a
 * short digest) and N. A desk whose cursor names another digest, or a smaller N, is missing rows.
 */
export interface ScopeTag {
  digest: string;
  recentDays: number;
}

export function scopeTagOf(scope: DeskScope, worked: boolean): ScopeTag {
  const groups = [...new Set(scope.groupIds)].sort();
  const digest = createHash('sha256')
    .update(JSON.stringify([RULES_VERSION, worked, scope.agentId, groups]))
    .digest('base64url')
    .slice(0, 8);
  return { digest, recentDays: scope.recentDays };
}

/**
 * A desk pulling under `now` from a cursor chosen under `before` lacks rows (old ones newly in
 * scope) and must be given its scope again: another agent or groups, a larger N, or no scope
 * at all now (a start-over lists everything). No tag before: the cursor is from an unscoped pull,
 * which held every row, so nothing is missing.
 */
export const scopeGrew = (before: ScopeTag | undefined, now: ScopeTag | undefined): boolean =>
  before !== undefined &&
  (now === undefined || now.digest !== before.digest || now.recentDays > before.recentDays);

const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

const cutoffOf = (scope: DeskScope) =>
  new Date(scope.now.getTime() - scope.recentDays * DAY_MS).toISOString();

/**
 * In scope by itself (scope.ts's directReason, `opened` aside): open work — every open incident
 * and request, every open interaction, visit and call at a location (a desk serves every location
 * it knows, and it knows them all), every open interaction of the agent or its groups — or
 * changed in the last N days. `alias` names the row.
 */
export function directlyInScope(
  table: RecordTable,
  alias: string,
  scope: DeskScope,
): RawBuilder<boolean> {
  const r = (column: string) => sql.ref(`${alias}.${column}`);
  const recent = sql`${r('updated_at')} >= ${cutoffOf(scope)}::timestamptz`;
  switch (table) {
    case 'interactions':
      return sql<boolean>`((${r('state')} NOT IN (${list(CLOSED_STATES)})
          AND (${r('location')} IS NOT NULL
            OR ${r('assigned_to')} = ${scope.agentId}
            OR ${r('record')}->>'openedBy' = ${scope.agentId}
            OR ${r('assignment_group')} = ANY(${[...scope.groupIds]}::text[])))
        OR ${recent})`;
    case 'incidents':
      return sql<boolean>`(${r('state')} NOT IN (${list(FINAL_INCIDENT_STATES)}) OR ${recent})`;
    case 'requests':
      return sql<boolean>`(${r('state')} IN (${list(OPEN_REQUEST_STATES)}) OR ${recent})`;
    case 'visits':
      return sql<boolean>`(${r('ended_at')} IS NULL OR ${recent})`;
    case 'calls':
      return sql<boolean>`((${r('record')}->>'endedAt' IS NULL AND ${r('location')} IS NOT NULL)
        OR ${recent})`;
  }
}

/** The ids a row links to in `kind`'s table (scope.ts's linksOf), as a set-returning subquery. */
export function linkedIds(
  table: RecordTable,
  alias: string,
  to: RecordTable,
): RawBuilder<unknown> | null {
  const record = sql.ref(`${alias}.record`);
  if (table === 'interactions') {
    if (to === 'incidents' || to === 'requests') {
      const kind = to === 'incidents' ? 'incident' : 'request';
      return sql`SELECT l->>'id' FROM jsonb_array_elements(${record}->'relatedRecords') AS l
        WHERE l->>'kind' = ${kind}`;
    }
    if (to === 'visits') return sql`SELECT ${record}->>'visit'`;
    if (to === 'calls') return sql`SELECT ${record}->>'call'`;
    return null;
  }
  if (to !== 'interactions') return null;
  if (table === 'incidents' || table === 'requests')
    return sql`SELECT l->>'id' FROM jsonb_array_elements(${record}->'relatedInteractions') AS l`;
  return sql`SELECT ${record}->>'interaction'`;
}

const TABLES: readonly RecordTable[] = ['interactions', 'incidents', 'requests', 'visits', 'calls'];

/** In scope by itself, or linked (one step) to a record in scope by itself: scope.ts's scopeOf. */
export function inDeskScope(
  table: RecordTable,
  alias: string,
  scope: DeskScope,
): RawBuilder<boolean> {
  const links = TABLES.flatMap((to) => {
    const ids = linkedIds(table, alias, to);
    if (!ids) return [];
    const partner = `p_${to}`;
    return [
      sql`EXISTS (SELECT 1 FROM ${sql.table(to)} AS ${sql.raw(partner)}
        WHERE ${sql.ref(`${partner}.id`)} IN (${ids})
          AND ${directlyInScope(to, partner, scope)})`,
    ];
  });
  return sql<boolean>`(${directlyInScope(table, alias, scope)} OR ${sql.join(links, sql` OR `)})`;
}
