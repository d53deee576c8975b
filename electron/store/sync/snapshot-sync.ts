// A desk's first sync (ADR 0020, issue 15 item 3): its whole scope as one streamed snapshot instead
// of hundreds of pulls. Each page is stored as a pull's page is — the views alone when nothing
// waits, else the server's copies in bulk, then rebased with the waiting changes, in one transaction — and the cursor is set only at the end, so
// a cut-off snapshot leaves a desk that asks again. The pulls then go on from its cursor.

import type { RecordKind } from '../../../shared/commands/record-set';
import type { SnapshotEnd, SnapshotKind, SnapshotPage } from '../../../shared/sync/protocol';
import { writeMeta } from '../db';
import { DeskServerError } from './desk-server-client';
import { nothingWaits, putAsView, rebaseRecords } from './rebase-records';
import { rebasePendingOf, rebaseTables, RefSet, serverTables } from './synced-records';
import { readClientId, readSyncMeta, type InteractionSyncDeps, type RefusalMap } from './sync-meta';

/** How far a first sync has come, in records: what the desk's status and progress bar say. */
export interface SnapshotProgress {
  done: number;
  total: number;
}

const KIND_OF: Record<SnapshotKind, RecordKind> = {
  interactions: 'interaction',
  incidents: 'incident',
  requests: 'request',
  visits: 'visit',
  calls: 'call',
};

/**
 * How often, at most, a snapshot's progress is told (its start and its end always are). Each time,
 * every window's status is read again, and its counts wait on the pages' writes while the next
 * page waits on them (ADR 0020, "The snapshot streams from its first ids").
 */
export const PROGRESS_EVERY_MS = 1_000;

/**
 * `tell` as a snapshot's progress callback, told at most once every `everyMs` by `now`: the first
 * progress, the end (null) and the first after `everyMs` go through; those between are dropped,
 * the next one carrying their count.
 */
export function throttledProgress(
  tell: (progress: SnapshotProgress | null) => void,
  now: () => number,
  everyMs: number = PROGRESS_EVERY_MS,
): (progress: SnapshotProgress | null) => void {
  let toldAt: number | null = null;
  return (progress) => {
    const at = now();
    if (progress !== null && toldAt !== null && at - toldAt < everyMs) return;
    toldAt = progress === null ? null : at;
    tell(progress);
  };
}

/** Lets the store host answer its windows between two pages (a page's parse and store take a while). */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Whether this desk should take a snapshot: it never pulled (no cursor), and is not starting over
 * after a restored server (that is the pull's, which lists everything to tell what was lost).
 */
export async function wantsSnapshot(deps: InteractionSyncDeps): Promise<boolean> {
  const meta = await readSyncMeta(deps.db);
  return (
    meta.interactionsCursor === null && meta.historyLost !== true && meta.resetInProgress !== true
  );
}

/**
 * Takes the snapshot and stores it page by page. True when it came whole (the cursor is then set);
 * false when this server has no snapshot (an older one: the pulls do it). A cut-off answer throws a
 * network DeskServerError: the pages stored stay (each a server copy, rebased), the cursor does not
 * move, and the next cycle asks again — every page an idempotent put.
 */
export async function takeSnapshot(
  deps: InteractionSyncDeps,
  refusals: RefusalMap,
  progress: (now: SnapshotProgress | null) => void = () => {},
): Promise<boolean> {
  const { db, client, token } = deps;
  const clientId = await readClientId(db);
  const oldest = await db.outbox.orderBy('mutationId').first();
  let done = 0;
  let total = 0;
  let end: SnapshotEnd | null = null;
  // The page being stored while the next one is read and checked: IndexedDB writes in the
  // browser while this thread parses, so one page at most waits behind another.
  let storing: Promise<void> = Promise.resolve();
  try {
    await client.snapshot(
      token,
      {
        clientId,
        ...(oldest?.mutationId !== undefined ? { firstPendingMutationId: oldest.mutationId } : {}),
      },
      async (line) => {
        switch (line.type) {
          // The totals: first of the records in scope by themselves, again with the linked ones.
          case 'start':
            total = line.total;
            progress({ done, total });
            return;
          case 'page': {
            const before = storing;
            storing = before.then(async () => {
              await storePage(deps, line);
              done += line.records.length;
              progress({ done, total: Math.max(total, done) });
              await breathe();
            });
            // Read on while this page is stored, once the one before it is.
            await before;
            return;
          }
          case 'end':
            await storing;
            end = line;
            return;
        }
      },
    );
  } catch (error) {
    // A page read before the answer was cut off is still stored (an idempotent put).
    await storing.catch(() => {});
    progress(null);
    if (error instanceof DeskServerError && error.status === 404) return false;
    throw error;
  }
  // An answer that ended without its end line: what was read is stored before it is called cut.
  await storing;
  progress(null);
  // Set in the callback: TypeScript cannot see that it ran.
  const finished = end as SnapshotEnd | null;
  if (!finished)
    throw new DeskServerError(
      'network',
      `The desk server at ${client.baseUrl} stopped before sending all of this desk's records; they come with the next sync.`,
    );
  for (const refusal of finished.refused) refusals.set(refusal.mutationId, refusal.reason);
  await db.transaction('rw', db.meta, async () => {
    const current = await readSyncMeta(db);
    // Another cycle (or a reset) moved the cursor meanwhile: its word stands.
    if (current.interactionsCursor !== null) return;
    await writeMeta(db, 'sync', {
      ...current,
      interactionsCursor: finished.cursor,
      ...(finished.scope
        ? {
            scopeSettings: {
              recentDays: finished.scope.recentDays,
              ceilingBytes: finished.scope.ceilingMb * 1024 * 1024,
            },
          }
        : {}),
    });
  });
  return true;
}

/**
 * One page as a pull stores its records: with nothing waiting, the views only (putAsView); else
 * the server's copies put in bulk and the views rebuilt from them and the waiting changes
 * (rebase-records.ts), so a record with an unsynced change here shows that change, never the
 * server's copy alone. The view tables' middleware (the word index)
 * sees the views' bulk writes as for any pull.
 */
async function storePage(deps: InteractionSyncDeps, page: SnapshotPage): Promise<void> {
  const { db } = deps;
  const kind = KIND_OF[page.kind];
  await db.transaction('rw', [...rebaseTables(db), db.needsAttention], async () => {
    // Nothing waits to be replayed (a new desk's usual case): each view is the server's version,
    // and no server copy is kept (server-copies.ts). Records a rebase is pending for keep theirs.
    if (rebasePendingOf(await readSyncMeta(db)).length === 0 && (await nothingWaits(db))) {
      await putAsView(db, { [kind]: page.records }, deps.incidentsWritten);
      return;
    }
    const touched = new RefSet();
    for (const record of page.records) touched.add({ kind, id: record.id });
    // One kind a page: the table and the records agree (SnapshotPage's discriminated union).
    await (
      serverTables(db)[kind] as unknown as { bulkPut(rows: unknown[]): Promise<unknown> }
    ).bulkPut(page.records);
    await rebaseRecords(db, touched, deps.rules, {
      keepMissing: false,
      incidentsWritten: deps.incidentsWritten,
    });
  });
}
