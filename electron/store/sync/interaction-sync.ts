// Pushes the outbox to the desk server in order and pulls its changes back, then rebases: the
// desk's interactions = the server's copy + waiting changes replayed. Never drops an unacknowledged change.

import type { DirectoryRules, Interaction } from '../../../shared/domain/interaction';
import { provisionalNumber } from '../../../shared/domain/numbering';
import type { StoreError } from '../../../shared/domain/result';
import type { OutboxEntry } from '../../../shared/store-api/outbox';
import { SYNC_LIMITS, toPushedMutation } from '../../../shared/sync/protocol';
import { readMeta, writeMeta, type DeskDb, type SyncMeta } from '../db';
import { appendToOutbox } from '../interaction-commands';
import { DeskServerError, type DeskServerClient } from './desk-server-client';
import { interactionIdOf, replay } from './rebase';

export interface InteractionSyncDeps {
  db: DeskDb;
  client: DeskServerClient;
  clientId: string;
  token: string;
  /** The loaded directory's rules; the replay needs them. */
  rules: DirectoryRules;
  now: () => Date;
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

/**
 * Sends every waiting change, oldest first, in pushes of at most SYNC_LIMITS.mutationsPerPush.
 * A whole push retried is safe (the server skips what it has). Answers how many were sent.
 */
export async function pushOutbox(deps: InteractionSyncDeps, refusals: RefusalMap): Promise<number> {
  const { db, client, clientId, token } = deps;
  let acknowledged = 0;
  let sent = 0;
  let renumbered = false;
  for (;;) {
    const entries = (await db.outbox
      .where('mutationId')
      .above(acknowledged)
      .limit(SYNC_LIMITS.mutationsPerPush)
      .toArray()) as (OutboxEntry & { mutationId: number })[];
    const last = entries.at(-1);
    if (!last) return sent;
    try {
      const answer = await client.push(token, {
        clientId,
        mutations: entries.map(toPushedMutation),
      });
      for (const refusal of answer.refused) refusals.set(refusal.mutationId, refusal.reason);
      acknowledged = Math.max(answer.lastMutationId, last.mutationId);
      sent += entries.length;
    } catch (error) {
      // The server lost what it had of this desk (restored or reset database): it expects an id
      // below our oldest waiting one. Nothing we hold was applied there, so renumber from it.
      if (
        !renumbered &&
        error instanceof DeskServerError &&
        error.code === 'mutation-gap' &&
        error.expectedMutationId !== null
      ) {
        renumbered = true;
        await renumberOutbox(db, error.expectedMutationId);
        acknowledged = error.expectedMutationId - 1;
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
  });
}

export interface PullOutcome {
  /** Server rows received. */
  received: number;
  /** Waiting changes the server acknowledged (dropped from the outbox). */
  acknowledged: number;
  /** Changes moved to Needs attention. */
  refused: number;
  reset: boolean;
}

/**
 * Pulls until the server says `more: false`. Each page is stored with its cursor and rebased at
 * once (so a crash between pages loses nothing); the last one also drops acknowledged changes.
 */
export async function pullAndRebase(
  deps: InteractionSyncDeps,
  refusals: RefusalMap,
): Promise<PullOutcome> {
  const { db, client, clientId, token } = deps;
  const outcome: PullOutcome = { received: 0, acknowledged: 0, refused: 0, reset: false };
  let meta = await readSyncMeta(db);
  let oldest = await db.outbox.orderBy('mutationId').first();
  for (;;) {
    const answer = await client.pull(token, {
      clientId,
      cursor: meta.interactionsCursor,
      ...(oldest?.mutationId !== undefined ? { firstPendingMutationId: oldest.mutationId } : {}),
    });
    for (const refusal of answer.refused) refusals.set(refusal.mutationId, refusal.reason);
    outcome.received += answer.interactions.length;
    outcome.reset ||= answer.reset;
    meta = { ...meta, interactionsCursor: answer.cursor };
    // A full list of refusals may have more behind it: acknowledge only up to the last one
    // listed, so no refused change is dropped unseen; the next pull lists the rest.
    const lastListed = answer.refused.at(-1)?.mutationId;
    const bound =
      answer.refused.length >= SYNC_LIMITS.refusalsPerPull && lastListed !== undefined
        ? Math.min(answer.lastMutationId, lastListed)
        : answer.lastMutationId;
    const done = await db.transaction(
      'rw',
      [db.serverInteractions, db.interactions, db.outbox, db.needsAttention, db.meta],
      async () => {
        const current = await readSyncMeta(db);
        const touched = new Set(answer.interactions.map((r) => r.id));
        if (answer.reset) {
          // Another server database: its rows replace our copy; every record is looked at again.
          for (const id of await db.serverInteractions.toCollection().primaryKeys())
            touched.add(id);
          for (const id of await db.interactions.toCollection().primaryKeys()) touched.add(id);
          await db.serverInteractions.clear();
        }
        await db.serverInteractions.bulkPut(answer.interactions);
        let acknowledged = 0;
        let refused = 0;
        if (!answer.more) {
          const done = await db.outbox.where('mutationId').belowOrEqual(bound).toArray();
          const refusedAt = deps.now().toISOString();
          for (const entry of done) {
            const id = interactionIdOf(entry);
            if (id !== null) touched.add(id);
            const reason =
              entry.mutationId === undefined ? undefined : refusals.get(entry.mutationId);
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
        }
        await rebaseInteractions(db, touched, deps.rules);
        await writeMeta(db, 'sync', {
          ...current,
          interactionsCursor: answer.cursor,
          ...(answer.more ? {} : { lastSyncedAt: deps.now().toISOString() }),
        });
        return { acknowledged, refused };
      },
    );
    outcome.acknowledged += done.acknowledged;
    outcome.refused += done.refused;
    if (!answer.more) {
      for (const id of [...refusals.keys()]) if (id <= bound) refusals.delete(id);
      if (bound === answer.lastMutationId) return outcome;
      oldest = await db.outbox.orderBy('mutationId').first();
    }
  }
}

/**
 * Recomputes the desk's copy of each interaction from the server's copy and the waiting changes.
 * Must run inside a rw transaction over interactions, serverInteractions, outbox and meta.
 */
export async function rebaseInteractions(
  db: DeskDb,
  ids: ReadonlySet<string>,
  rules: DirectoryRules,
): Promise<void> {
  if (ids.size === 0) return;
  const pendingById = new Map<string, OutboxEntry[]>();
  // The outbox is what is waiting on this desk: small unless the desk was offline a long time.
  for (const entry of await db.outbox.orderBy('mutationId').toArray()) {
    const id = interactionIdOf(entry);
    if (id === null || !ids.has(id)) continue;
    const list = pendingById.get(id) ?? [];
    list.push(entry);
    pendingById.set(id, list);
  }
  const list = [...ids];
  const [bases, currents] = await Promise.all([
    db.serverInteractions.bulkGet(list),
    db.interactions.bulkGet(list),
  ]);
  let counters = await readMeta(db, 'counters');
  const numberFor = (): string => {
    const next = (counters?.interaction ?? 0) + 1;
    counters = { ...(counters ?? { interaction: 0 }), interaction: next };
    return provisionalNumber('interaction', next);
  };
  const puts: Interaction[] = [];
  const deletes: string[] = [];
  const before = counters;
  list.forEach((id, i) => {
    const current = currents[i];
    const { record } = replay(bases[i], pendingById.get(id) ?? [], current, rules, numberFor);
    if (!record) {
      if (current) deletes.push(id);
    } else if (!current || JSON.stringify(current) !== JSON.stringify(record)) {
      puts.push(record);
    }
  });
  if (counters && counters !== before) await writeMeta(db, 'counters', counters);
  if (puts.length > 0) await db.interactions.bulkPut(puts);
  if (deletes.length > 0) await db.interactions.bulkDelete(deletes);
}

/** Queues a refused change again as a new change (a new mutationId) and shows it on the desk. */
export async function retryRefused(
  db: DeskDb,
  id: number,
  rules: DirectoryRules,
  actorId: string,
  now: () => Date,
): Promise<number | null> {
  return db.transaction(
    'rw',
    [db.needsAttention, db.outbox, db.meta, db.interactions, db.serverInteractions],
    async () => {
      const row = await db.needsAttention.get(id);
      if (!row) return null;
      const { mutationId: _old, ...entry } = row.entry;
      const mutationId = await appendToOutbox(db, { ...entry, actorId, at: now().toISOString() });
      await db.needsAttention.delete(id);
      const interactionId = interactionIdOf(entry);
      if (interactionId !== null) await rebaseInteractions(db, new Set([interactionId]), rules);
      return mutationId;
    },
  );
}

export async function discardRefused(db: DeskDb, id: number): Promise<boolean> {
  return db.transaction('rw', db.needsAttention, async () => {
    if (!(await db.needsAttention.get(id))) return false;
    await db.needsAttention.delete(id);
    return true;
  });
}
