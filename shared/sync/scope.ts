// The sync scope (issue 15, ADR 0019): which records a desk holds and why, decided from the desk's
// context alone. Pure: never loads, stores or evicts a record; the store host and server ask it.

import type { KindedRecord, RecordRef } from '../commands/record-set';
import { recordKey } from '../commands/record-set';
import { isClosed } from '../domain/interaction';
import { isFinalIncidentState, isOpenRequestState } from '../domain/task-states';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What an administrator (or a desk, until the setting reaches it) may change. */
export interface ScopeSettings {
  /** Every record that changed in the last N days stays (the recent history, the desk's figures). */
  recentDays: number;
  /** Records the agent opened (from the history or any list) stay this many days after. */
  openedDays: number;
  /** Above this, records beyond what the screens need are evicted too, oldest first. */
  ceilingBytes: number;
  /**
   * At most one eviction this often (after a complete pull). Records leave the scope as days pass
   * or an agent leaves a group, not between two pokes; each eviction reads every record held.
   */
  evictEveryMs: number;
}

export const SCOPE_DEFAULTS: ScopeSettings = {
  recentDays: 30,
  openedDays: 30,
  ceilingBytes: 200 * 1024 * 1024,
  evictEveryMs: 10 * 60_000,
};

/** Who the desk works for, and what it remembers the agent opening. */
export interface ScopeContext {
  agentId: string;
  /** The agent's assignment groups. */
  groups: ReadonlySet<string>;
  /** The walk-up and phone locations the desk serves. */
  locations: ReadonlySet<string>;
  recentDays: number;
  openedDays: number;
  now: Date;
  /** `kind:id` (recordKey) → when the agent last opened it. */
  opened: ReadonlyMap<string, string>;
}

/** Why a record is in scope; null when nothing keeps it. Linked records are `linked`. */
export type ScopeReason =
  'open-work-here' | 'open-task' | 'agent-work' | 'recent' | 'opened' | 'linked';

/** Every record a record names, in both directions of each link (the links are kept on both sides). */
export function linksOf(kinded: KindedRecord): RecordRef[] {
  switch (kinded.kind) {
    case 'interaction': {
      const r = kinded.record;
      const refs: RecordRef[] = (r.relatedRecords ?? []).map((l) => ({ kind: l.kind, id: l.id }));
      if (r.visit) refs.push({ kind: 'visit', id: r.visit });
      if (r.call) refs.push({ kind: 'call', id: r.call });
      return refs;
    }
    case 'incident':
    case 'request':
      return kinded.record.relatedInteractions.map((l) => ({ kind: 'interaction', id: l.id }));
    case 'visit':
    case 'call':
      return kinded.record.interaction
        ? [{ kind: 'interaction', id: kinded.record.interaction }]
        : [];
  }
}

/** Someone is still working it (a Resolved incident still has its callbacks due). */
export function isOpenRecord(kinded: KindedRecord): boolean {
  switch (kinded.kind) {
    case 'interaction':
      return !isClosed(kinded.record.state);
    case 'incident':
      return !isFinalIncidentState(kinded.record.state);
    case 'request':
      return isOpenRequestState(kinded.record.state);
    case 'visit':
      return kinded.record.endedAt === null;
    case 'call':
      return kinded.record.endedAt === null;
  }
}

const within = (iso: string | null | undefined, days: number, now: Date): boolean =>
  iso !== null && iso !== undefined && now.getTime() - Date.parse(iso) <= days * DAY_MS;

function assignedHere(kinded: KindedRecord, ctx: ScopeContext): boolean {
  if (kinded.kind === 'visit' || kinded.kind === 'call') return false;
  const r = kinded.record;
  return (
    r.assignedTo === ctx.agentId ||
    r.openedBy === ctx.agentId ||
    (r.assignmentGroup !== null && ctx.groups.has(r.assignmentGroup))
  );
}

/**
 * Why `kinded` is in scope by itself (not through a link), or null. `locationOf` answers an
 * interaction's location (its visit's or call's), which the record does not carry.
 */
export function directReason(
  kinded: KindedRecord,
  ctx: ScopeContext,
  locationOf: (kinded: KindedRecord) => string | null = ownLocation,
): ScopeReason | null {
  const open = isOpenRecord(kinded);
  if (open) {
    if (kinded.kind === 'incident' || kinded.kind === 'request') return 'open-task';
    const location = locationOf(kinded);
    if (location !== null && ctx.locations.has(location)) return 'open-work-here';
    if (assignedHere(kinded, ctx)) return 'agent-work';
  }
  if (within(kinded.record.updatedAt, ctx.recentDays, ctx.now)) return 'recent';
  const opened = ctx.opened.get(recordKey({ kind: kinded.kind, id: kinded.record.id }));
  if (within(opened, ctx.openedDays, ctx.now)) return 'opened';
  return null;
}

function ownLocation(kinded: KindedRecord): string | null {
  return kinded.kind === 'visit' || kinded.kind === 'call' ? kinded.record.location : null;
}

const NEEDED: ReadonlySet<ScopeReason> = new Set(['open-work-here', 'open-task', 'agent-work']);

/**
 * The records of `records` in scope, by recordKey, each with its reason: those in scope by
 * themselves, and every record linked to one of them (one step: the screens show a record's
 * linked records, never theirs in turn — their numbers are on the link itself). `needed` are the
 * ones a screen shows offline (open work and what it links to): over the storage ceiling, the
 * others (recent, opened) may go too.
 */
export function scopeOf(
  records: Iterable<KindedRecord>,
  ctx: ScopeContext,
): { inScope: Map<string, ScopeReason>; needed: Set<string> } {
  const byKey = new Map<string, KindedRecord>();
  for (const kinded of records)
    byKey.set(recordKey({ kind: kinded.kind, id: kinded.record.id }), kinded);
  const locationOf = (kinded: KindedRecord): string | null => {
    if (kinded.kind !== 'interaction') return ownLocation(kinded);
    for (const ref of linksOf(kinded)) {
      const linked = byKey.get(recordKey(ref));
      if (linked && (linked.kind === 'visit' || linked.kind === 'call'))
        return linked.record.location;
    }
    return null;
  };
  const inScope = new Map<string, ScopeReason>();
  const needed = new Set<string>();
  for (const [key, kinded] of byKey) {
    const reason = directReason(kinded, ctx, locationOf);
    if (!reason) continue;
    inScope.set(key, reason);
    if (NEEDED.has(reason)) needed.add(key);
  }
  for (const [key, reason] of [...inScope]) {
    const kinded = byKey.get(key);
    if (!kinded) continue;
    for (const ref of linksOf(kinded)) {
      const linked = recordKey(ref);
      if (!byKey.has(linked)) continue;
      if (!inScope.has(linked)) inScope.set(linked, 'linked');
      if (NEEDED.has(reason)) needed.add(linked);
    }
  }
  return { inScope, needed };
}

/** The records of `records` in scope, by recordKey, each with its reason (see scopeOf). */
export function recordsInScope(
  records: Iterable<KindedRecord>,
  ctx: ScopeContext,
): Map<string, ScopeReason> {
  return scopeOf(records, ctx).inScope;
}

/** A record's size in storage, near enough to bound it (UTF-16 JSON, twice: view and server copy). */
export const estimatedBytes = (kinded: KindedRecord): number =>
  JSON.stringify(kinded.record).length * 4;

export interface EvictionPlanInput {
  records: readonly KindedRecord[];
  ctx: ScopeContext;
  /** recordKeys never evicted: an unsynced change, a refusal to look at, a form open on it. */
  pinned: ReadonlySet<string>;
  /** What the desk's storage holds now, and the most it should. */
  usedBytes: number;
  ceilingBytes: number;
}

/**
 * What to evict: every record out of scope, then — only while the storage is still over its
 * ceiling — in-scope records no screen needs (recent, opened), the longest unchanged first. Never
 * a pinned record, never a needed one: above the ceiling with only those left, the desk keeps them.
 */
export function planEviction(input: EvictionPlanInput): RecordRef[] {
  const { inScope, needed } = scopeOf(input.records, input.ctx);
  const evict: RecordRef[] = [];
  let used = input.usedBytes;
  const spare: KindedRecord[] = [];
  for (const kinded of input.records) {
    const key = recordKey({ kind: kinded.kind, id: kinded.record.id });
    if (input.pinned.has(key)) continue;
    if (!inScope.has(key)) {
      evict.push({ kind: kinded.kind, id: kinded.record.id });
      used -= estimatedBytes(kinded);
    } else if (!needed.has(key)) spare.push(kinded);
  }
  spare.sort((a, b) =>
    lastChangeOf(a) < lastChangeOf(b) ? -1 : lastChangeOf(a) > lastChangeOf(b) ? 1 : 0,
  );
  for (const kinded of spare) {
    if (used <= input.ceilingBytes) break;
    evict.push({ kind: kinded.kind, id: kinded.record.id });
    used -= estimatedBytes(kinded);
  }
  return evict;
}

/** A record's last change, the age eviction over the ceiling goes by (oldest first). */
export const lastChangeOf = (kinded: KindedRecord): string => kinded.record.updatedAt;
