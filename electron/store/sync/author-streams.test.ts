// Each agent's changes as their own stream on one desk: parked while another agent is signed in,
// back with their numbers and clientId when the author returns, never renumbered once sent.

import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../shared/store-api/outbox';
import { readMeta, writeMeta, type DeskDb } from '../db';
import { takeStreamFor, waitingForOthers } from './author-streams';
import { entry, interactionArgs, openTestDesk } from './sync-test-support';
import { readSyncMeta } from './sync-meta';

const made = (
  mutationId: number,
  actorId: string,
  id: string,
): OutboxEntry & { mutationId: number } => ({
  ...entry(mutationId, 'interaction.create', interactionArgs(id)),
  actorId,
});

const outbox = async (db: DeskDb) =>
  (await db.outbox.orderBy('mutationId').toArray()).map((e) => [
    e.mutationId,
    e.actorId,
    e.args.id,
    e.clientId,
  ]);

let next = 0;
const newClientId = () => `desk-1.stream-${++next}`;

describe('author streams', () => {
  it('parks the other agent’s stream and gives the new agent a clientId of their own', async () => {
    const db = await openTestDesk();
    await db.outbox.bulkAdd([made(1, 'ana', 'i-1'), made(2, 'ana', 'i-2')]);
    await writeMeta(db, 'mutationCounter', 2);
    await writeMeta(db, 'streams', { agentId: 'ana', parked: {} });
    await writeMeta(db, 'sync', {
      ...(await readSyncMeta(db)),
      sentThrough: 2,
      acknowledgedThrough: 0,
    });

    const bo = await takeStreamFor(db, 'bo', newClientId);
    expect(bo).toMatchObject({ switched: true, parked: 2 });
    expect(await outbox(db)).toEqual([]);
    expect(await readMeta(db, 'clientId')).toBe(bo.clientId);
    expect(await readMeta(db, 'mutationCounter')).toBe(0);
    expect(await waitingForOthers(db, 'bo')).toEqual(new Map([['ana', 2]]));
    const sync = await readSyncMeta(db);
    expect([sync.sentThrough, sync.acknowledgedThrough]).toEqual([0, 0]);

    // Bo works; then Ana signs in again: her changes come back as they were sent.
    await db.outbox.add({ ...made(1, 'bo', 'i-3'), clientId: bo.clientId });
    await writeMeta(db, 'mutationCounter', 1);
    const ana = await takeStreamFor(db, 'ana', newClientId);
    expect(ana).toMatchObject({ switched: true, clientId: 'desk-1', parked: 1 });
    expect(await outbox(db)).toEqual([
      [1, 'ana', 'i-1', 'desk-1'],
      [2, 'ana', 'i-2', 'desk-1'],
    ]);
    expect(await readMeta(db, 'mutationCounter')).toBe(2);
    expect((await readSyncMeta(db)).sentThrough).toBe(2);
    expect(await waitingForOthers(db, 'ana')).toEqual(new Map([['bo', 1]]));

    // And Bo's stream goes on where it was.
    await takeStreamFor(db, 'bo', newClientId);
    expect(await outbox(db)).toEqual([[1, 'bo', 'i-3', bo.clientId]]);
  });

  it('parks entries another agent left in the stream, renumbering only what was never sent', async () => {
    const db = await openTestDesk();
    // Ana's 1 (sent), then Bo's 2 made while he was signed in briefly, then Ana's 3.
    await db.outbox.bulkAdd([made(1, 'ana', 'i-1'), made(2, 'bo', 'i-2'), made(3, 'ana', 'i-3')]);
    await writeMeta(db, 'mutationCounter', 3);
    await writeMeta(db, 'streams', { agentId: 'ana', parked: {} });
    await writeMeta(db, 'sync', { ...(await readSyncMeta(db)), sentThrough: 1 });

    const taken = await takeStreamFor(db, 'ana', newClientId);
    expect(taken).toMatchObject({ switched: false, clientId: 'desk-1', parked: 1 });
    expect(await outbox(db)).toEqual([
      [1, 'ana', 'i-1', 'desk-1'],
      [2, 'ana', 'i-3', 'desk-1'],
    ]);
    expect(await readMeta(db, 'mutationCounter')).toBe(2);
    expect(await waitingForOthers(db, 'ana')).toEqual(new Map([['bo', 1]]));

    // Bo signs in: his entry is numbered in a stream of his own.
    const bo = await takeStreamFor(db, 'bo', newClientId);
    expect(await outbox(db)).toEqual([[1, 'bo', 'i-2', bo.clientId]]);
  });

  it('changes nothing when the outbox holds the signed-in agent’s changes only', async () => {
    const db = await openTestDesk();
    await db.outbox.add(made(1, 'ana', 'i-1'));
    await writeMeta(db, 'mutationCounter', 1);
    await writeMeta(db, 'streams', { agentId: 'ana', parked: {} });
    expect(await takeStreamFor(db, 'ana', newClientId)).toEqual({
      switched: false,
      clientId: 'desk-1',
      parked: 0,
    });
    expect(await outbox(db)).toEqual([[1, 'ana', 'i-1', 'desk-1']]);
  });
});
