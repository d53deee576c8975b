// Sends the outbox to the desk server in order, in pushes of at most SYNC_LIMITS.mutationsPerPush,
// and recovers from a server that lost this desk's history or shares its clientId. Never retries
// on its own (the connection loop does) and never pulls.

import { recordsOfEntry } from '../../../shared/store-api/apply-command';
import type { OutboxEntry } from '../../../shared/store-api/outbox';
import { SYNC_LIMITS, toPushedMutation } from '../../../shared/sync/protocol';
import { writeMeta, type DeskDb } from '../db';
import { DeskServerError } from './desk-server-client';
import { noteRefused } from './needs-attention';
import { rebasePendingOf, RefSet } from './synced-records';
import { readClientId, readSyncMeta, type InteractionSyncDeps, type RefusalMap } from './sync-meta';

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
    const listed = (await db.outbox
      .where('mutationId')
      .above(acknowledged)
      .limit(SYNC_LIMITS.mutationsPerPush)
      .toArray()) as (OutboxEntry & { mutationId: number })[];
    // Only the token's agent's changes, and never past another agent's: the server applies a
    // change only as its author, and the next sync parks that entry for its author.
    const foreign = listed.findIndex(
      (e) => deps.agentId !== undefined && e.actorId !== deps.agentId,
    );
    const entries = foreign === -1 ? listed : listed.slice(0, foreign);
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
      // holds different changes under our ids, or the server binds it to another agent (nothing
      // of ours was applied under it then): take a new clientId for what it does not have.
      const firstConflicting =
        error.code === 'client-conflict'
          ? error.firstConflictingMutationId
          : error.code === 'forbidden' && error.status === 403
            ? (entries[0]?.mutationId ?? null)
            : null;
      if (!reassigned && firstConflicting !== null) {
        reassigned = true;
        for (const refusal of error.refused) refusals.set(refusal.mutationId, refusal.reason);
        clientId = await takeNewClientId(
          db,
          deps.newClientId(),
          firstConflicting,
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
      if (reason) await noteRefused(db, entry, reason, refusedAt);
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
