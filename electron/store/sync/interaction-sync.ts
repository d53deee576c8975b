// Pushes the outbox to the desk server in order and pulls its changes back (interactions,
// incidents, requests), then rebases: the desk's records = the server's copies + waiting changes
// replayed. Never drops an unacknowledged change.

import { findCommandModule } from '../../../shared/commands/registry';
import type { DirectoryRules, Interaction } from '../../../shared/domain/interaction';
import type { StoreError } from '../../../shared/domain/result';
import {
  recordsOfEntry,
  RECORD_KINDS,
  type RecordRef,
} from '../../../shared/store-api/apply-command';
import type { OutboxEntry } from '../../../shared/store-api/outbox';
import { SYNC_LIMITS, toPushedMutation } from '../../../shared/sync/protocol';
import { readMeta, writeMeta, type DeskDb, type SyncMeta } from '../db';
import { appendToOutbox } from '../store-commands';
import { DeskServerError, type DeskServerClient } from './desk-server-client';
import { rebaseRecords, type IncidentsWritten } from './rebase-records';
import { recreateEntries } from './reset-recovery';
import { rebasePendingOf, rebaseTables, RefSet, serverTables, viewTables } from './synced-records';

export interface InteractionSyncDeps {
  db: DeskDb;
  client: DeskServerClient;
  token: string;
  /** The loaded directory's rules; the replay needs them. */
  rules: DirectoryRules;
  now: () => Date;
  /** A fresh clientId, for when another installation turns out to use this desk's one. */
  newClientId: () => string;
  /** This desk took a new clientId (the stored one has changed). */
  clientIdChanged?: (clientId: string) => void;
  /** The id of this desk's open poke stream, sent with pushes so it is not poked for them. */
  pokeStream?: () => string | null;
  /** Told which incidents a pull wrote, once committed (Find existing incidents keeps its index). */
  incidentsWritten?: IncidentsWritten;
}

/** Refusals heard from the server, by mutationId, until a pull moves them to Needs attention. */
export type RefusalMap = Map<number, StoreError>;

export const EMPTY_SYNC_META: SyncMeta = {
  interactionsCursor: null,
  directoryCursor: null,
  lastSyncedAt: null,
};

export async function readSyncMeta(db: DeskDb): Promise<SyncMeta> {
  return (await readMeta(db, 'sync')) ?? EMPTY_SYNC_META;
}

/** The desk's clientId as stored: sync reads it afresh, since a client-conflict replaces it. */
export async function readClientId(db: DeskDb): Promise<string> {
  const clientId = await readMeta(db, 'clientId');
  if (clientId === undefined) throw new Error('This desk has no client id yet.');
  return clientId;
}

/** Notes, before a push leaves, the highest mutationId this desk has sent under its clientId. */
async function markSent(db: DeskDb, mutationId: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const meta = await readSyncMeta(db);
    if ((meta.sentThrough ?? 0) < mutationId)
      await writeMeta(db, 'sync', { ...meta, sentThrough: mutationId });
  });
}

/**
 * Notes what the server said it has done for this clientId (`acknowledgedThrough`); an answer
 * below what it said before proves it lost this desk's history (a restore that kept its database
 * id), and the next pull starts over (`historyLost`). Answers whether it did.
 */
async function noteAcknowledged(
  db: DeskDb,
  lastMutationId: number,
  sentUpTo: number,
): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    const meta = await readSyncMeta(db);
    const before = meta.acknowledgedThrough ?? 0;
    const lost = lastMutationId < before;
    const acknowledgedThrough = lost
      ? lastMutationId
      : Math.max(before, Math.min(lastMutationId, sentUpTo));
    if (lost || acknowledgedThrough !== before)
      await writeMeta(db, 'sync', {
        ...meta,
        acknowledgedThrough,
        ...(lost ? { historyLost: true } : {}),
      });
    return lost;
  });
}

/**
 * Sends every waiting change, oldest first, in pushes of at most SYNC_LIMITS.mutationsPerPush.
 * A whole push retried is safe (the server skips what it has). Answers how many were sent.
 */
export async function pushOutbox(deps: InteractionSyncDeps, refusals: RefusalMap): Promise<number> {
  const { db, client, token } = deps;
  let clientId = await readClientId(db);
  let acknowledged = 0;
  let sent = 0;
  let renumbered = false;
  let reassigned = false;
  for (;;) {
    const entries = (await db.outbox
      .where('mutationId')
      .above(acknowledged)
      .limit(SYNC_LIMITS.mutationsPerPush)
      .toArray()) as (OutboxEntry & { mutationId: number })[];
    const last = entries.at(-1);
    if (!last) return sent;
    await markSent(db, last.mutationId);
    try {
      const answer = await client.push(
        token,
        { clientId, mutations: entries.map(toPushedMutation) },
        deps.pokeStream?.() ?? null,
      );
      for (const refusal of answer.refused) refusals.set(refusal.mutationId, refusal.reason);
      await noteAcknowledged(db, answer.lastMutationId, last.mutationId);
      acknowledged = Math.max(answer.lastMutationId, last.mutationId);
      sent += entries.length;
    } catch (error) {
      if (!(error instanceof DeskServerError)) throw error;
      // The server lost what it had of this desk (restored or reset database): it expects an id
      // below our oldest waiting one. Nothing we hold was applied there, so renumber from it.
      // If it had said it had more, changes this desk dropped are gone too: the next pull starts
      // over and re-sends them (ADR 0005). Refusals heard under the old ids belong to other entries now.
      if (!renumbered && error.code === 'mutation-gap' && error.expectedMutationId !== null) {
        renumbered = true;
        await renumberOutbox(db, error.expectedMutationId);
        refusals.clear();
        acknowledged = error.expectedMutationId - 1;
        continue;
      }
      // Another installation uses this clientId (a copied profile or disk image) and the server
      // holds different changes under our ids: take a new clientId for what it does not have.
      if (
        !reassigned &&
        error.code === 'client-conflict' &&
        error.firstConflictingMutationId !== null
      ) {
        reassigned = true;
        for (const refusal of error.refused) refusals.set(refusal.mutationId, refusal.reason);
        clientId = await takeNewClientId(
          db,
          deps.newClientId(),
          error.firstConflictingMutationId,
          refusals,
          deps.now,
        );
        refusals.clear();
        deps.clientIdChanged?.(clientId);
        acknowledged = 0;
        continue;
      }
      throw error;
    }
  }
}

/** Gives the waiting changes consecutive ids from `first`, in their order, and moves the counter. */
export async function renumberOutbox(db: DeskDb, first: number): Promise<void> {
  await db.transaction('rw', [db.outbox, db.meta], async () => {
    const entries = await db.outbox.toArray();
    await db.outbox.clear();
    await db.outbox.bulkAdd(entries.map((e, i) => ({ ...e, mutationId: first + i })));
    await writeMeta(db, 'mutationCounter', first + entries.length - 1);
    // None of them was applied under these ids: nothing above `first - 1` has been sent.
    const sync = await readSyncMeta(db);
    const lost = first - 1 < (sync.acknowledgedThrough ?? 0);
    await writeMeta(db, 'sync', {
      ...sync,
      sentThrough: first - 1,
      acknowledgedThrough: first - 1,
      ...(lost ? { historyLost: true } : {}),
    });
  });
}

/**
 * After a client-conflict: the waiting entries below `firstConflicting` are the very changes the
 * server holds under the old clientId (done; the refused ones go to Needs attention), the rest
 * were never applied and are renumbered from 1 under a new clientId. One transaction.
 */
export async function takeNewClientId(
  db: DeskDb,
  clientId: string,
  firstConflicting: number,
  refusals: RefusalMap,
  now: () => Date,
): Promise<string> {
  await db.transaction('rw', [db.outbox, db.meta, db.needsAttention], async () => {
    const entries = await db.outbox.orderBy('mutationId').toArray();
    const done = entries.filter((e) => (e.mutationId ?? 0) < firstConflicting);
    const waiting = entries.filter((e) => (e.mutationId ?? 0) >= firstConflicting);
    const refusedAt = now().toISOString();
    for (const entry of done) {
      const reason = entry.mutationId === undefined ? undefined : refusals.get(entry.mutationId);
      if (reason && entry.mutationId !== undefined)
        await db.needsAttention.add({ mutationId: entry.mutationId, entry, reason, refusedAt });
    }
    await db.outbox.clear();
    await db.outbox.bulkAdd(waiting.map((e, i) => ({ ...e, clientId, mutationId: i + 1 })));
    await writeMeta(db, 'clientId', clientId);
    await writeMeta(db, 'mutationCounter', waiting.length);
    const sync = await readSyncMeta(db);
    // Their effects stay shown until the next complete pull brings the server's copies.
    const rebasePending = new RefSet();
    rebasePending.addAll(rebasePendingOf(sync));
    for (const entry of done) rebasePending.addAll(recordsOfEntry(entry));
    await writeMeta(db, 'sync', {
      ...sync,
      sentThrough: 0,
      acknowledgedThrough: 0,
      rebasePending: [...rebasePending],
    });
  });
  return clientId;
}

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
  let meta = await readSyncMeta(db);
  let oldest = await db.outbox.orderBy('mutationId').first();
  // The server lost this desk's history (noticed earlier, or in this pull): start over as after a
  // reset, from the beginning, whatever its cursor says.
  let startOver = meta.historyLost === true;
  for (;;) {
    const answer = await client.pull(token, {
      clientId,
      cursor: startOver ? null : meta.interactionsCursor,
      ...(oldest?.mutationId !== undefined ? { firstPendingMutationId: oldest.mutationId } : {}),
    });
    const reset = answer.reset || startOver;
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
      answer.interactions.length + answer.incidents.length + answer.requests.length;
    outcome.reset ||= reset;
    meta = { ...meta, interactionsCursor: answer.cursor };
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
      const touched = new RefSet();
      const servers = serverTables(db);
      const views = viewTables(db);
      if (reset) {
        // Another server database: its rows replace our copies; every record is looked at again.
        for (const kind of RECORD_KINDS) {
          for (const id of await servers[kind].toCollection().primaryKeys())
            touched.add({ kind, id });
          for (const id of await views[kind].toCollection().primaryKeys())
            touched.add({ kind, id });
          await servers[kind].clear();
        }
      }
      // One change version orders all kinds: an escalation's two records arrive in one page.
      for (const record of answer.interactions) touched.add({ kind: 'interaction', id: record.id });
      for (const record of answer.incidents) touched.add({ kind: 'incident', id: record.id });
      for (const record of answer.requests) touched.add({ kind: 'request', id: record.id });
      await servers.interaction.bulkPut(answer.interactions);
      await servers.incident.bulkPut(answer.incidents);
      await servers.request.bulkPut(answer.requests);
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
          const reason =
            entry.mutationId === undefined ? undefined : refusals.get(entry.mutationId);
          // "Never reached the server" for an interaction re-sent whole below says nothing new.
          const named = refs[0];
          if (
            named?.kind === 'interaction' &&
            recreated.has(named.id) &&
            reason?.code === 'not-found'
          )
            continue;
          if (reason && entry.mutationId !== undefined) {
            await db.needsAttention.add({
              mutationId: entry.mutationId,
              entry,
              reason,
              refusedAt,
            });
            refused += 1;
          }
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

/** The records of every kind this desk shows that the server's copy lacks. Inside the pull's transaction. */
async function unlisted(db: DeskDb): Promise<RecordRef[]> {
  const servers = serverTables(db);
  const views = viewTables(db);
  const refs: RecordRef[] = [];
  for (const kind of RECORD_KINDS) {
    const [shown, listed] = await Promise.all([
      views[kind].toCollection().primaryKeys(),
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
  const [deskIds, serverIds, waiting] = await Promise.all([
    db.interactions.toCollection().primaryKeys(),
    db.serverInteractions.toCollection().primaryKeys(),
    db.outbox.where('mutationId').above(acknowledgedThrough).toArray(),
  ]);
  const onServer = new Set(serverIds);
  const created = new Set(
    waiting
      .filter((e) => findCommandModule(e.name)?.creates === true)
      .map((e) => recordsOfEntry(e)[0]?.id),
  );
  const ids = deskIds.filter((id) => !onServer.has(id) && !created.has(id));
  if (ids.length === 0) return [];
  const records = await db.interactions.bulkGet(ids);
  return records.filter((r): r is Interaction => r !== undefined);
}

/** Queues a refused change again as a new change (a new mutationId) and shows it on the desk. */
export async function retryRefused(
  db: DeskDb,
  id: number,
  rules: DirectoryRules,
  actorId: string,
  now: () => Date,
): Promise<number | null> {
  return db.transaction('rw', [...rebaseTables(db), db.needsAttention], async () => {
    const row = await db.needsAttention.get(id);
    if (!row) return null;
    const { mutationId: _old, ...entry } = row.entry;
    const mutationId = await appendToOutbox(db, { ...entry, actorId, at: now().toISOString() });
    await db.needsAttention.delete(id);
    await rebaseRecords(db, recordsOfEntry(entry), rules);
    return mutationId;
  });
}

export async function discardRefused(db: DeskDb, id: number): Promise<boolean> {
  return db.transaction('rw', db.needsAttention, async () => {
    if (!(await db.needsAttention.get(id))) return false;
    await db.needsAttention.delete(id);
    return true;
  });
}
