// Each agent's changes as their own stream on this desk: a clientId and counter per agent, the
// outbox holding the signed-in agent's, the others' parked until they sign in. Never sends.

import type { OutboxEntry } from '../../../shared/store-api/outbox';
import { readMeta, writeMeta, type DeskDb, type OutboxStreams, type ParkedStream } from '../db';
import { readSyncMeta } from './sync-meta';

type Numbered = OutboxEntry & { mutationId: number };

/** What making `agentId`'s stream the outbox's one did. */
export interface StreamTaken {
  /** The outbox's clientId is now another one (another agent's stream was parked). */
  switched: boolean;
  clientId: string;
  /** Entries parked for other agents by this call. */
  parked: number;
}

async function readStreams(db: DeskDb): Promise<OutboxStreams> {
  return (await readMeta(db, 'streams')) ?? { agentId: null, parked: {} };
}

/**
 * Makes the outbox hold `agentId`'s changes only, numbered consecutively under that agent's
 * clientId: another agent's stream is parked with its entries (the ones it may have sent keep
 * their numbers), `agentId`'s parked stream comes back, and entries of anyone else are parked. Only
 * entries never sent are renumbered: a push never sends past another agent's entry. One transaction.
 */
export async function takeStreamFor(
  db: DeskDb,
  agentId: string,
  newClientId: () => string,
): Promise<StreamTaken> {
  return db.transaction('rw', [db.outbox, db.parkedOutbox, db.meta], async () => {
    const streams = await readStreams(db);
    const owner = streams.agentId ?? agentId;
    const entries = (await db.outbox.orderBy('mutationId').toArray()) as Numbered[];
    const clientId = (await readMeta(db, 'clientId')) ?? newClientId();
    const waitingHere = await db.parkedOutbox.where('actorId').equals(agentId).count();
    const foreign = entries.some((e) => e.actorId !== agentId);
    if (owner === agentId && !foreign && waitingHere === 0 && streams.agentId !== null)
      return { switched: false, clientId, parked: 0 };

    const counter = (await readMeta(db, 'mutationCounter')) ?? 0;
    const sync = await readSyncMeta(db);
    // The owner's entries up to the first of anyone else's: the only ones that may have been sent.
    const firstForeign = entries.findIndex((e) => e.actorId !== owner);
    const prefix = firstForeign === -1 ? entries : entries.slice(0, firstForeign);
    const rest = firstForeign === -1 ? [] : entries.slice(firstForeign);
    const before = entries[0] ? entries[0].mutationId - 1 : counter;
    const ownerLast = prefix.at(-1)?.mutationId ?? before;

    const park = async (list: Numbered[], keepIds: boolean): Promise<number> => {
      for (const e of list) {
        const { mutationId, ...entry } = e;
        await db.parkedOutbox.add({
          actorId: e.actorId,
          entry: keepIds ? { ...entry, mutationId } : entry,
        });
      }
      return list.length;
    };

    let target: ParkedStream;
    let kept: Numbered[];
    let unnumbered: OutboxEntry[];
    let parked = 0;
    const parkedStreams = { ...streams.parked };
    await db.outbox.clear();
    if (owner !== agentId) {
      parked += await park(prefix, true);
      parked += await park(rest, false);
      parkedStreams[owner] = {
        clientId,
        mutationCounter: Math.max(ownerLast, sync.sentThrough ?? 0),
        sentThrough: sync.sentThrough ?? 0,
        acknowledgedThrough: sync.acknowledgedThrough ?? 0,
      };
      target = parkedStreams[agentId] ?? {
        clientId: newClientId(),
        mutationCounter: 0,
        sentThrough: 0,
        acknowledgedThrough: 0,
      };
      delete parkedStreams[agentId];
      kept = [];
      unnumbered = [];
    } else {
      // The agent's own stream: others' entries in it were never sent (see above).
      const others = rest.filter((e) => e.actorId !== agentId);
      parked += await park(others, false);
      target = {
        clientId,
        mutationCounter: ownerLast,
        sentThrough: sync.sentThrough ?? 0,
        acknowledgedThrough: sync.acknowledgedThrough ?? 0,
      };
      kept = prefix;
      unnumbered = rest.filter((e) => e.actorId === agentId);
    }
    // The agent's parked entries come back: those with their stream's numbers first.
    const theirs = await db.parkedOutbox.where('actorId').equals(agentId).sortBy('seq');
    await db.parkedOutbox.bulkDelete(theirs.flatMap((p) => (p.seq === undefined ? [] : [p.seq])));
    const withIds = theirs
      .flatMap((p) => (p.entry.mutationId === undefined ? [] : [p.entry as Numbered]))
      .sort((a, b) => a.mutationId - b.mutationId);
    kept = [...kept, ...withIds];
    unnumbered = [
      ...theirs.filter((p) => p.entry.mutationId === undefined).map((p) => p.entry),
      ...unnumbered,
    ];

    let last = Math.max(target.mutationCounter, kept.at(-1)?.mutationId ?? 0);
    const back = [
      ...kept.map((e) => ({ ...e, clientId: target.clientId })),
      ...unnumbered.map((e) => ({ ...e, clientId: target.clientId, mutationId: ++last })),
    ];
    await db.outbox.bulkAdd(back);
    await writeMeta(db, 'clientId', target.clientId);
    await writeMeta(db, 'mutationCounter', last);
    await writeMeta(db, 'streams', { agentId, parked: parkedStreams });
    await writeMeta(db, 'sync', {
      ...(await readSyncMeta(db)),
      sentThrough: target.sentThrough,
      acknowledgedThrough: target.acknowledgedThrough,
    });
    return { switched: target.clientId !== clientId, clientId: target.clientId, parked };
  });
}

/** Waiting changes on this desk made by agents other than `agentId`, counted per agent. */
export async function waitingForOthers(
  db: DeskDb,
  agentId: string | null,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const add = (actorId: string): void => {
    if (actorId !== agentId) counts.set(actorId, (counts.get(actorId) ?? 0) + 1);
  };
  await db.parkedOutbox.each((p) => add(p.actorId));
  await db.outbox.each((e) => add(e.actorId));
  return counts;
}

/** Every parked entry, oldest first: replayed before the outbox so the desk still shows them. */
export async function parkedEntries(db: DeskDb): Promise<OutboxEntry[]> {
  return (await db.parkedOutbox.orderBy('seq').toArray()).map((p) => p.entry);
}
