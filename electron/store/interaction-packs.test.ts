import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { Interaction } from '../../shared/domain/interaction';
import type { DeskDb } from './db';
import {
  allInteractions,
  getInteractions,
  getOpenInteractions,
  putPulledInteractions,
} from './interaction-packs';
import { unpack } from './record-pack-form';
import { PACK_SIZE, packsOf as packsOfKind } from './record-packs';
import { recordIndexOf } from './record-index-upkeep';
import { desksClosedAfterEach, interaction } from './sync/sync-test-support';

const open = desksClosedAfterEach();

const closed = (id: string, shortDescription = 'Printer jams'): Interaction => ({
  ...interaction(id, `IMS${id}`),
  shortDescription,
  openedFor: 'usr_caller',
  state: 'Closed Complete',
  closedBy: 'agent-2',
  closedAt: '2026-11-23T10:00:00.000Z',
});

const pulled = (db: DeskDb, records: Interaction[]) =>
  db.transaction('rw', [db.interactions, db.interactionPacks], () =>
    putPulledInteractions(db, records),
  );

/** What a desk opened afresh on the same database holds: its rows, packs and index. */
async function reopened(factory: IDBFactory) {
  const db = await open(factory);
  const index = recordIndexOf(db);
  await index.ready();
  return { db, index: index.index };
}

const ids = (records: readonly (Interaction | undefined)[]) => records.map((r) => r?.id);

describe('closed interactions a hundred to a row', () => {
  it('packs the closed ones a pull brings, keeps the open ones as rows, and reads both by id', async () => {
    const factory = new IDBFactory();
    const db = await open(factory);
    const many = Array.from({ length: PACK_SIZE + 50 }, (_, i) => closed(`c${i}`));
    await pulled(db, [...many, interaction('o1', 'IMSo1')]);
    expect(await db.interactions.count()).toBe(1);
    expect(await db.interactionPacks.count()).toBe(2);
    expect(packsOfKind(db, 'interaction').size).toBe(PACK_SIZE + 50);
    expect(ids(await getInteractions(db, ['c7', 'o1', 'nobody', `c${PACK_SIZE + 49}`]))).toEqual([
      'c7',
      'o1',
      undefined,
      `c${PACK_SIZE + 49}`,
    ]);
    // Go to anything, the lists and a caller's history find them as they find rows.
    const index = recordIndexOf(db);
    await index.ready();
    expect(index.index.withNumber('interaction', 'IMSc7')).toEqual(['c7']);
    expect(index.index.closedInteractions()).toHaveLength(PACK_SIZE + 50);
    expect(index.index.callerInteractions('usr_caller')).toContain('c3');
    // And a desk opened again on the same database.
    const again = await reopened(factory);
    expect(again.index.withNumber('interaction', 'IMSc7')).toEqual(['c7']);
    expect(ids(await getInteractions(again.db, ['c120']))).toEqual(['c120']);
    expect(await allInteractions(again.db)).toHaveLength(PACK_SIZE + 51);
  });

  it('reads the open ones among ids from the rows alone: a pack holds closed ones only', async () => {
    const db = await open(new IDBFactory());
    await pulled(db, [closed('c1'), interaction('o1', 'IMSo1'), interaction('o2', 'IMSo2')]);
    await db.interactions.put(closed('c2'));
    expect(ids(await getOpenInteractions(db, ['c1', 'o2', 'c2', 'nobody', 'o1']))).toEqual([
      undefined,
      'o2',
      undefined,
      undefined,
      'o1',
    ]);
    // Every packed interaction is closed, whatever wrote it.
    const packed = (await db.interactionPacks.toArray()).flatMap((p) => unpack<Interaction>(p));
    expect(packed.map((r) => r.id)).toEqual(['c1']);
    expect(packed.every((r) => r.state === 'Closed Complete')).toBe(true);
  });

  it('keeps a closed interaction the desk holds as a row a row', async () => {
    const db = await open(new IDBFactory());
    await db.interactions.put(interaction('a', 'IMSa'));
    await pulled(db, [closed('a', 'Closed at last')]);
    expect(await db.interactionPacks.count()).toBe(0);
    expect((await db.interactions.get('a'))?.shortDescription).toBe('Closed at last');
  });

  it('takes an interaction out of its pack when its row is written, and never brings the old one back', async () => {
    const factory = new IDBFactory();
    const db = await open(factory);
    await pulled(db, [closed('a'), closed('b')]);
    // An agent's command on a packed interaction writes its row (a reopen, a note).
    await db.interactions.put({ ...closed('a'), state: 'Work in Progress', closedAt: null });
    expect((await getInteractions(db, ['a']))[0]?.state).toBe('Work in Progress');
    expect(packsOfKind(db, 'interaction').packOf('a')).toBeUndefined();
    expect(packsOfKind(db, 'interaction').packOf('b')).toBeDefined();
    const again = await reopened(factory);
    expect((await getInteractions(again.db, ['a']))[0]?.state).toBe('Work in Progress');
    expect(again.index.closedInteractions()).toEqual(['b']);
    expect(again.index.openInState('Work in Progress')).toEqual(['a']);
  });

  it('reads packed interactions from their packs alone, and one taken out in this transaction from its row', async () => {
    const db = await open(new IDBFactory());
    const many = Array.from({ length: 2 * PACK_SIZE }, (_, i) => closed(`c${i}`));
    await pulled(db, [...many, interaction('o1', 'IMSo1')]);
    const reads = vi.spyOn(
      Object.getPrototypeOf(db.interactions) as typeof db.interactions,
      'bulkGet',
    );
    const wanted = [...many.map((r) => r.id), 'o1', 'nobody'];
    expect(ids(await getInteractions(db, wanted))).toEqual([
      ...many.map((r) => r.id),
      'o1',
      undefined,
    ]);
    // Two packs read for 200 packed ones; the rows only for those no pack holds.
    const rowReads = reads.mock.calls.filter(
      (_, i) => (reads.mock.contexts[i] as { name?: string } | undefined)?.name === 'interactions',
    );
    expect(rowReads.map(([keys]) => keys)).toEqual([['o1', 'nobody']]);
    reads.mockRestore();
    await db.transaction('rw', [db.interactions, db.interactionPacks], async () => {
      // Its pack no longer holds it here, though what is committed still says so.
      await db.interactions.put({ ...closed('c7'), state: 'Work in Progress', closedAt: null });
      expect(packsOfKind(db, 'interaction').packOf('c7')).toBeDefined();
      expect((await getInteractions(db, ['c7', 'c8'])).map((r) => r?.state)).toEqual([
        'Work in Progress',
        'Closed Complete',
      ]);
    });
  });

  it('removes a packed interaction for good, and the pack once it is empty', async () => {
    const factory = new IDBFactory();
    const db = await open(factory);
    await pulled(db, [closed('a'), closed('b')]);
    await db.interactions.bulkDelete(['a']);
    expect(ids(await getInteractions(db, ['a', 'b']))).toEqual([undefined, 'b']);
    expect(recordIndexOf(db).index.withNumber('interaction', 'IMSa')).toEqual([]);
    const again = await reopened(factory);
    expect(ids(await getInteractions(again.db, ['a', 'b']))).toEqual([undefined, 'b']);
    expect(again.index.withNumber('interaction', 'IMSa')).toEqual([]);
    await again.db.interactions.bulkDelete(['b']);
    expect(await again.db.interactionPacks.count()).toBe(0);
    expect(packsOfKind(again.db, 'interaction').size).toBe(0);
  });

  it('moves a packed interaction to the newer pack when a pull brings it again, still closed', async () => {
    const factory = new IDBFactory();
    const db = await open(factory);
    await pulled(db, [closed('a', 'First words'), closed('b')]);
    await pulled(db, [closed('a', 'Second words')]);
    expect((await getInteractions(db, ['a']))[0]?.shortDescription).toBe('Second words');
    const again = await reopened(factory);
    expect((await getInteractions(again.db, ['a']))[0]?.shortDescription).toBe('Second words');
    expect(again.index.withWords(['first'], 10)).toEqual([]);
    expect(again.index.withWords(['second'], 10).map((h) => h.id)).toEqual(['a']);
    expect(await allInteractions(again.db)).toHaveLength(2);
  });

  it('leaves the packs as they were when the transaction that wrote them fails', async () => {
    const factory = new IDBFactory();
    const db = await open(factory);
    await pulled(db, [closed('a')]);
    await expect(
      db.transaction('rw', [db.interactions, db.interactionPacks], async () => {
        await db.interactions.bulkDelete(['a']);
        await putPulledInteractions(db, [closed('z')]);
        throw new Error('the page could not be stored');
      }),
    ).rejects.toThrow('the page could not be stored');
    expect(packsOfKind(db, 'interaction').packOf('a')).toBeDefined();
    expect(packsOfKind(db, 'interaction').packOf('z')).toBeUndefined();
    expect(ids(await getInteractions(db, ['a', 'z']))).toEqual(['a', undefined]);
  });

  it('finds what another window packed once it has read the packs again', async () => {
    const factory = new IDBFactory();
    const mine = await open(factory);
    const other = await open(factory);
    await pulled(other, [closed('a', 'From the other window')]);
    await expect
      .poll(async () => (await getInteractions(mine, ['a']))[0]?.shortDescription)
      .toBe('From the other window');
    await packsOfKind(mine, 'interaction').settled();
    await other.interactions.bulkDelete(['a']);
    await expect.poll(async () => ids(await getInteractions(mine, ['a']))).toEqual([undefined]);
  });

  it('forgets every pack when the packs are cleared, and every packed interaction when the table is', async () => {
    const db = await open(new IDBFactory());
    await pulled(db, [closed('a'), closed('b')]);
    await db.interactions.clear();
    expect(packsOfKind(db, 'interaction').size).toBe(0);
    expect(await db.interactionPacks.count()).toBe(0);
    await pulled(db, [closed('c')]);
    await db.interactionPacks.clear();
    expect(packsOfKind(db, 'interaction').size).toBe(0);
    expect(ids(await getInteractions(db, ['a', 'c']))).toEqual([undefined, undefined]);
  });
});
