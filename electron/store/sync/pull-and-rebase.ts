// Pulls the desk server's changes (interactions, incidents, requests) page by page and rebases
// (a desk that never pulled first takes the snapshot of its scope, snapshot-sync.ts):
// the desk's records = the server's copies + waiting changes replayed. Drops only acknowledged
// changes, moves refused ones to Needs attention, and never retries on its own.

import { findCommandModule } from '../../../shared/commands/registry';
import type { Interaction } from '../../../shared/domain/interaction';
import {
  recordsOfEntry,
  RECORD_KINDS,
  type RecordRef,
} from '../../../shared/store-api/apply-command';
import { SYNC_LIMITS, type PullResponse } from '../../../shared/sync/protocol';
import { writeMeta, type DeskDb, type SyncMeta } from '../db';
import { appendToOutbox } from '../store-commands';
import { parkedEntries } from './author-streams';
import { noteRefused } from './needs-attention';
import { nothingWaits, putAsView, rebaseRecords, type RecordPage } from './rebase-records';
import { recreateEntries } from './reset-recovery';
import { heldCount } from './scope-eviction';
import { takeSnapshot, wantsSnapshot } from './snapshot-sync';
import {
  readViews,
  rebasePendingOf,
  rebaseTables,
  RefSet,
  serverTables,
  viewIds,
} from './synced-records';
import { readClientId, readSyncMeta, type InteractionSyncDeps, type RefusalMap } from './sync-meta';

export interface PullOutcome {
  /** Server rows received: interactions, incidents and requests. */
  received: number;
  /** Waiting changes the server acknowledged (dropped from the outbox). */
  acknowledged: number;
  /** Changes moved to Needs attention. */
  refused: number;
  reset: boolean;
  /** Entries queued to re-send interactions a restored server no longer has. */
  requeued: number;
  /**
   * The server acknowledged mutationIds this desk never sent (another installation shares its
   * clientId): they stay waiting, and the next push finds out, by digest, whose they are.
   */
  unsent: boolean;
}

/**
 * Pulls until the server says `more: false`. Each page is stored with its cursor and rebased at
 * once (so a crash between pages loses nothing); the last one also drops acknowledged changes.
 * After a `reset` (a restored server), the last page re-queues every interaction the server no
 * longer has, so nothing the agent saved is lost (ADR 0005).
 */
export async function pullAndRebase(
  deps: InteractionSyncDeps,
  refusals: RefusalMap,
): Promise<PullOutcome> {
  // The host holds its whole-desk queries while page follows page (a snapshot, or a pull that
  // says there is more), and lets them go when this pull is done, however it ends.
  let catchingUp = false;
  const catchUp = (): void => {
    if (catchingUp) return;
    catchingUp = true;
    deps.catchingUp?.(true);
  };
  try {
    return await pullPages(deps, refusals, catchUp);
  } finally {
    if (catchingUp) deps.catchingUp?.(false);
  }
}

async function pullPages(
  deps: InteractionSyncDeps,
  refusals: RefusalMap,
  catchUp: () => void,
): Promise<PullOutcome> {
  const { db, client, token } = deps;
  const clientId = await readClientId(db);
  const outcome: PullOutcome = {
    received: 0,
    acknowledged: 0,
    refused: 0,
    reset: false,
    requeued: 0,
    unsent: false,
  };
  // A desk that never pulled takes its whole scope as one streamed snapshot, then pulls from there.
  if (await wantsSnapshot(deps)) {
    catchUp();
    const heldNothing = (await heldCount(db)) === 0;
    if ((await takeSnapshot(deps, refusals, deps.snapshotProgress)) && heldNothing)
      await db.transaction('rw', db.meta, async () => {
        const scopeTakenAt = deps.now().toISOString();
        await writeMeta(db, 'sync', { ...(await readSyncMeta(db)), scopeTakenAt });
      });
  }
  let meta = await readSyncMeta(db);
  let oldest = await db.outbox.orderBy('mutationId').first();
  // The server lost this desk's history (noticed earlier, or in this pull): start over as after a
  // reset, from the beginning, whatever its cursor says.
  let startOver = meta.historyLost === true;
  // Starting over, the desk asks for every record, not only its sync scope (ADR 0020): what the
  // server does not list is what it lost, and is sent again. Until the last page of it.
  let listingAll = meta.resetInProgress === true;
  const nextPull = () =>
    client.pull(token, {
      clientId,
      cursor: startOver ? null : meta.interactionsCursor,
      ...(oldest?.mutationId !== undefined ? { firstPendingMutationId: oldest.mutationId } : {}),
      ...(startOver || listingAll ? { unscoped: true as const } : {}),
    });
  /** The next page, asked for while this one is stored (a desk far behind waits on both). */
  let prefetched: Promise<PullResponse> | null = null;
  for (;;) {
    const answer = await (prefetched ?? nextPull());
    prefetched = null;
    if (answer.rescoped === true && !startOver && !listingAll && !answer.reset) {
      // This desk's scope grew (a group joined, a larger N): the server would send the whole
      // scope again by pulls from the beginning; a snapshot brings it in a few pages instead.
      // The answer is dropped; the snapshot's end cursor is where the pulls go on from.
      await db.transaction('rw', db.meta, async () => {
        await writeMeta(db, 'sync', { ...(await readSyncMeta(db)), interactionsCursor: null });
      });
      catchUp();
      await takeSnapshot(deps, refusals, deps.snapshotProgress);
      meta = await readSyncMeta(db);
      oldest = await db.outbox.orderBy('mutationId').first();
      continue;
    }
    const reset = answer.reset || startOver;
    listingAll = (listingAll || reset) && answer.more;
    if (!reset && answer.lastMutationId < (meta.acknowledgedThrough ?? 0)) {
      // A restore that kept the database id: the cursor looks fine, but changes the server had
      // acknowledged (and this desk dropped) are gone. Pull everything again.
      await db.transaction('rw', db.meta, async () => {
        await writeMeta(db, 'sync', { ...(await readSyncMeta(db)), historyLost: true });
      });
      startOver = true;
      continue;
    }
    startOver = false;
    for (const refusal of answer.refused) refusals.set(refusal.mutationId, refusal.reason);
    outcome.received +=
      answer.interactions.length +
      answer.incidents.length +
      answer.requests.length +
      answer.visits.length +
      answer.calls.length;
    outcome.reset ||= reset;
    meta = { ...meta, interactionsCursor: answer.cursor };
    if (answer.more) {
      catchUp();
      // A read only: if storing this page fails, the answer is dropped and asked for again.
      prefetched = nextPull();
      prefetched.catch(() => {});
    }
    // A full list of refusals may have more behind it: acknowledge only up to the last one
    // listed, so no refused change is dropped unseen; the next pull lists the rest.
    const lastListed = answer.refused.at(-1)?.mutationId;
    const listedBound =
      answer.refused.length >= SYNC_LIMITS.refusalsPerPull && lastListed !== undefined
        ? Math.min(answer.lastMutationId, lastListed)
        : answer.lastMutationId;
    const done = await db.transaction('rw', [...rebaseTables(db), db.needsAttention], async () => {
      const current = await readSyncMeta(db);
      // Never drop, on a pull's word alone, an entry this desk has not sent itself (a desk from
      // before sentThrough existed sends once more; the server skips what it has).
      const bound = Math.min(listedBound, current.sentThrough ?? 0);
      const resetting = reset || current.resetInProgress === true;
      // Nothing waits to be replayed (a desk back online with nothing typed meanwhile): each view
      // is the server's version, written without reading back what was just put, and no server
      // copy is kept (server-copies.ts).
      const direct =
        !resetting && rebasePendingOf(current).length === 0 && (await nothingWaits(db));
      const { acknowledged, refused, requeued } = direct
        ? (await putAsView(db, recordPageOf(answer), deps.incidentsWritten), NONE_DONE)
        : await storeAndRebase(
            deps,
            { answer, current, reset, resetting, bound, clientId },
            refusals,
          );
      const {
        resetInProgress: _reset,
        rebasePending: _rebase,
        historyLost: _lost,
        ...kept
      } = current;
      // What the server has done for this desk: after a reset its word, lower or not.
      const sentUpTo = current.sentThrough ?? 0;
      const acknowledgedThrough = resetting
        ? Math.min(answer.lastMutationId, sentUpTo)
        : Math.max(current.acknowledgedThrough ?? 0, Math.min(answer.lastMutationId, sentUpTo));
      await writeMeta(db, 'sync', {
        ...kept,
        acknowledgedThrough,
        interactionsCursor: answer.cursor,
        ...(answer.scope
          ? {
              scopeSettings: {
                recentDays: answer.scope.recentDays,
                ceilingBytes: answer.scope.ceilingMb * 1024 * 1024,
              },
            }
          : {}),
        ...(answer.more ? {} : { lastSyncedAt: deps.now().toISOString() }),
        ...(answer.more && resetting ? { resetInProgress: true } : {}),
        ...(answer.more && current.rebasePending ? { rebasePending: current.rebasePending } : {}),
      });
      // Waiting entries the server counts as done but this desk never sent (see `unsent`).
      const unsent =
        bound < listedBound &&
        (await db.outbox.where('mutationId').between(bound, listedBound, false, true).count()) > 0;
      return { acknowledged, refused, requeued, bound, unsent };
    });
    outcome.acknowledged += done.acknowledged;
    outcome.refused += done.refused;
    outcome.requeued += done.requeued;
    if (!answer.more) {
      for (const id of [...refusals.keys()]) if (id <= done.bound) refusals.delete(id);
      if (done.bound < listedBound) {
        outcome.unsent = done.unsent;
        return outcome;
      }
      if (listedBound >= answer.lastMutationId) return outcome;
      // The list of refusals was full: pull again for the rest.
      oldest = await db.outbox.orderBy('mutationId').first();
    }
  }
}

const NONE_DONE = { acknowledged: 0, refused: 0, requeued: 0 };

/** A pull's records by kind, as putAsView takes them. */
const recordPageOf = (answer: PullResponse): RecordPage => ({
  interaction: answer.interactions,
  incident: answer.incidents,
  request: answer.requests,
  visit: answer.visits,
  call: answer.calls,
});

interface PulledPage {
  answer: PullResponse;
  current: SyncMeta;
  reset: boolean;
  resetting: boolean;
  /** Waiting entries up to this one are done (acknowledged or refused). */
  bound: number;
  clientId: string;
}

/**
 * A page stored as the server's copies and the views rebuilt with the waiting changes replayed;
 * the last page also drops what the server has done and notes what it refused. Inside the pull's
 * transaction.
 */
async function storeAndRebase(
  deps: InteractionSyncDeps,
  { answer, current, reset, resetting, bound, clientId }: PulledPage,
  refusals: RefusalMap,
): Promise<typeof NONE_DONE> {
  const { db } = deps;
  const touched = new RefSet();
  const servers = serverTables(db);
  if (reset) {
    // Another server database: its rows replace our copies; every record is looked at again.
    for (const kind of RECORD_KINDS) {
      for (const id of await servers[kind].toCollection().primaryKeys()) touched.add({ kind, id });
      for (const id of await viewIds(db, kind)) touched.add({ kind, id });
      await servers[kind].clear();
    }
  }
  // One change version orders all kinds: an escalation's two records arrive in one page.
  for (const record of answer.interactions) touched.add({ kind: 'interaction', id: record.id });
  for (const record of answer.incidents) touched.add({ kind: 'incident', id: record.id });
  for (const record of answer.requests) touched.add({ kind: 'request', id: record.id });
  for (const record of answer.visits) touched.add({ kind: 'visit', id: record.id });
  for (const record of answer.calls) touched.add({ kind: 'call', id: record.id });
  await servers.interaction.bulkPut(answer.interactions);
  await servers.incident.bulkPut(answer.incidents);
  await servers.request.bulkPut(answer.requests);
  await servers.visit.bulkPut(answer.visits);
  await servers.call.bulkPut(answer.calls);
  let acknowledged = 0;
  let refused = 0;
  let requeued = 0;
  if (!answer.more) {
    touched.addAll(rebasePendingOf(current));
    const done = await db.outbox.where('mutationId').belowOrEqual(bound).toArray();
    const missing = resetting ? await missingFromServer(db, bound) : [];
    // Records kept while the reset's pages came that the server did not list go now
    // (interactions among them come back below, re-sent).
    if (resetting) touched.addAll(await unlisted(db));
    const recreated = new Set(missing.map((r) => r.id));
    const refusedAt = deps.now().toISOString();
    for (const entry of done) {
      const refs = recordsOfEntry(entry);
      touched.addAll(refs);
      const reason = entry.mutationId === undefined ? undefined : refusals.get(entry.mutationId);
      // "Never reached the server" for an interaction re-sent whole below says nothing new.
      const named = refs[0];
      if (named?.kind === 'interaction' && recreated.has(named.id) && reason?.code === 'not-found')
        continue;
      if (reason && (await noteRefused(db, entry, reason, refusedAt))) refused += 1;
    }
    await db.outbox.where('mutationId').belowOrEqual(bound).delete();
    acknowledged = done.length;
    for (const record of missing) {
      for (const entry of recreateEntries(record, clientId)) {
        await appendToOutbox(db, entry);
        requeued += 1;
      }
      touched.add({ kind: 'interaction', id: record.id });
    }
  }
  await rebaseRecords(db, touched, deps.rules, {
    keepMissing: resetting && answer.more,
    incidentsWritten: deps.incidentsWritten,
  });
  return { acknowledged, refused, requeued };
}

/** The records of every kind this desk shows that the server's copy lacks. Inside the pull's transaction. */
async function unlisted(db: DeskDb): Promise<RecordRef[]> {
  const servers = serverTables(db);
  const refs: RecordRef[] = [];
  for (const kind of RECORD_KINDS) {
    const [shown, listed] = await Promise.all([
      viewIds(db, kind),
      servers[kind].toCollection().primaryKeys(),
    ]);
    const onServer = new Set(listed);
    for (const id of shown) if (!onServer.has(id)) refs.push({ kind, id });
  }
  return refs;
}

/**
 * The interactions on this desk that the server's copy lacks and no waiting create will bring
 * back: after a restore, these would vanish. Inside the pull's transaction.
 */
async function missingFromServer(db: DeskDb, acknowledgedThrough: number): Promise<Interaction[]> {
  const [deskIds, serverIds, waitingHere, parked] = await Promise.all([
    viewIds(db, 'interaction'),
    db.serverInteractions.toCollection().primaryKeys(),
    db.outbox.where('mutationId').above(acknowledgedThrough).toArray(),
    parkedEntries(db),
  ]);
  // Another agent's parked create brings its record back when that agent signs in again.
  const waiting = [...parked, ...waitingHere];
  const onServer = new Set(serverIds);
  const created = new Set(
    waiting
      .filter((e) => findCommandModule(e.name)?.creates === true)
      .map((e) => recordsOfEntry(e)[0]?.id),
  );
  const ids = deskIds.filter((id) => !onServer.has(id) && !created.has(id));
  if (ids.length === 0) return [];
  const records = await readViews(db, 'interaction', ids);
  return records.filter((r): r is Interaction => r !== undefined);
}
