// Evicts the records that left the desk's sync scope (shared/sync/scope.ts, ADR 0020): their view
// and server copy in one transaction. Never one with an unsynced change, a refusal, a pending rebase
// or a form open on it; never during a server reset; never touches the outbox or the cursor.

import { recordsOfEntry, RECORD_KINDS } from '../../../shared/store-api/apply-command';
import { recordKey, type KindedRecord, type RecordRef } from '../../../shared/commands/record-set';
import {
  planEviction,
  SCOPE_DEFAULTS,
  type ScopeContext,
  type ScopeSettings,
} from '../../../shared/sync/scope';
import { readMeta, type DeskDb } from '../db';
import { bumpIncidentsRevision } from '../task-store';
import { parkedEntries } from './author-streams';
import {
  allViews,
  rebasePendingOf,
  rebaseTables,
  serverTables,
  viewCount,
  viewTables,
} from './synced-records';

export interface EvictionDeps {
  db: DeskDb;
  /** The signed-in agent; no agent, no scope: nothing is evicted. */
  agentId: string | null;
  now: () => Date;
  settings?: ScopeSettings;
  /** recordKeys of the records open in a form (the host's live `*.get` queries). */
  openInForms?: () => ReadonlySet<string>;
  /** What the desk's storage holds now (navigator.storage.estimate), when known. */
  usedBytes?: () => Promise<number | null>;
}

export interface EvictionOutcome {
  evicted: RecordRef[];
  /** Records held after the eviction, all kinds. */
  held: number;
  /** The incidents revision the eviction moved to, when it removed incidents. */
  incidentsRevision?: number;
}

/** The records the desk must keep whatever the scope says, by recordKey. Inside a transaction. */
async function pinnedRecords(db: DeskDb, openInForms: ReadonlySet<string>): Promise<Set<string>> {
  const pinned = new Set(openInForms);
  const waiting = [...(await parkedEntries(db)), ...(await db.outbox.toArray())];
  for (const entry of waiting) for (const ref of recordsOfEntry(entry)) pinned.add(recordKey(ref));
  for (const row of await db.needsAttention.toArray())
    for (const ref of recordsOfEntry(row.entry)) pinned.add(recordKey(ref));
  const sync = await readMeta(db, 'sync');
  if (sync) for (const ref of rebasePendingOf(sync)) pinned.add(recordKey(ref));
  // A view with no server copy is its server version (server-copies.ts) unless a waiting entry
  // touches it, and those are pinned above; one with a provisional number is pinned as it is read.
  return pinned;
}

async function scopeContext(
  db: DeskDb,
  agentId: string,
  now: Date,
  settings: ScopeSettings,
): Promise<ScopeContext> {
  const groups = await db.groups.filter((g) => g.memberIds.includes(agentId)).primaryKeys();
  // The walk-up desk can show any location's queue: every location the desk knows is its own.
  const locations = await db.locations.toCollection().primaryKeys();
  const opened = (await readMeta(db, 'historyOpened')) ?? [];
  return {
    agentId,
    groups: new Set(groups),
    locations: new Set(locations),
    recentDays: settings.recentDays,
    openedDays: settings.openedDays,
    now,
    opened: new Map(opened.map((o) => [recordKey(o), o.at])),
  };
}

/** Removes what is out of scope (and, over the ceiling, what no screen needs), as one transaction. */
export async function evictOutOfScope(deps: EvictionDeps): Promise<EvictionOutcome> {
  const { db, agentId } = deps;
  if (agentId === null) return { evicted: [], held: await heldCount(db) };
  const settings = deps.settings ?? SCOPE_DEFAULTS;
  // Estimated outside the transaction: it is an async browser call, not IndexedDB.
  const usedBytes = (await deps.usedBytes?.()) ?? 0;
  const openInForms = deps.openInForms?.() ?? new Set<string>();
  return db.transaction(
    'rw',
    [...rebaseTables(db), db.needsAttention, db.groups, db.locations],
    async () => {
      const sync = await readMeta(db, 'sync');
      // A reset's pages are still arriving: the server copies are not whole yet.
      if (sync?.resetInProgress === true) return { evicted: [], held: await heldCount(db) };
      const ctx = await scopeContext(db, agentId, deps.now(), settings);
      const pinned = await pinnedRecords(db, openInForms);
      const views = viewTables(db);
      const records: KindedRecord[] = [];
      for (const kind of RECORD_KINDS)
        for (const record of await allViews(db, kind)) {
          records.push({ kind, record } as KindedRecord);
          // Made here, its create not acknowledged yet (its waiting entry pins it too).
          if (record.numberProvisional) pinned.add(recordKey({ kind, id: record.id }));
        }
      const evicted = planEviction({
        records,
        ctx,
        pinned,
        usedBytes,
        ceilingBytes: settings.ceilingBytes,
      });
      const servers = serverTables(db);
      for (const kind of RECORD_KINDS) {
        const ids = evicted.filter((r) => r.kind === kind).map((r) => r.id);
        if (ids.length === 0) continue;
        // The view's words go with it (record-index-upkeep.ts's middleware); the server copy too, so
        // no later rebase brings the record back from it. A pull of a change brings it back whole.
        await views[kind].bulkDelete(ids);
        await servers[kind].bulkDelete(ids);
      }
      // Find existing incidents' index is rebuilt when the revision moves.
      if (evicted.some((r) => r.kind === 'incident')) await bumpIncidentsRevision(db);
      return { evicted, held: records.length - evicted.length };
    },
  );
}

/** What the browser says this origin's storage uses; nulls where it does not say. */
export async function storageEstimate(): Promise<{ usage: number | null; quota: number | null }> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (typeof storage?.estimate !== 'function') return { usage: null, quota: null };
  const { usage, quota } = await storage.estimate();
  return { usage: usage ?? null, quota: quota ?? null };
}

export async function heldCount(db: DeskDb): Promise<number> {
  let held = 0;
  for (const kind of RECORD_KINDS) held += await viewCount(db, kind);
  return held;
}
