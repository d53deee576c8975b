import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { DeskDb } from './db';
import { recordIndexOf } from './record-index-upkeep';
import { desksClosedAfterEach, interaction } from './sync/sync-test-support';

const open = desksClosedAfterEach();

const said = (id: string, number: string, shortDescription: string) => ({
  ...interaction(id, number),
  shortDescription,
});

/** What the index finds for a word, once it is up to date (another window's writes read too). */
async function found(db: DeskDb, word: string): Promise<string[]> {
  const records = recordIndexOf(db);
  await records.settled();
  return records.index
    .withWords([word], 100)
    .map((hit) => hit.id)
    .sort();
}

describe("keeping the record index in step with the desk's database", () => {
  it('applies a write when its transaction commits, never one that was rolled back', async () => {
    const db = await open(new IDBFactory());
    await db.interactions.put(said('a', 'IMS1', 'Scanner jams'));
    expect(await found(db, 'scan')).toEqual(['a']);
    await expect(
      db.transaction('rw', db.interactions, async () => {
        await db.interactions.put(said('a', 'IMS1', 'Monitor flickers'));
        await db.interactions.put(said('b', 'IMS2', 'Monitor dead'));
        throw new Error('the command failed');
      }),
    ).rejects.toThrow('the command failed');
    expect(await found(db, 'scan')).toEqual(['a']);
    expect(await found(db, 'moni')).toEqual([]);
    expect(recordIndexOf(db).index.withNumber('interaction', 'IMS2')).toEqual([]);
  });

  it('an add that failed on a key already there keeps that record’s words', async () => {
    const db = await open(new IDBFactory());
    await db.interactions.add(said('a', 'IMS1', 'Scanner jams'));
    await expect(
      db.interactions.bulkAdd([said('a', 'IMS9', 'Keyboard'), said('b', 'IMS2', 'Keyboard')]),
    ).rejects.toThrow();
    expect(await found(db, 'scan')).toEqual(['a']);
    expect(await found(db, 'keyb')).toEqual(['b']);
    expect(recordIndexOf(db).index.withNumber('interaction', 'IMS9')).toEqual([]);
  });

  it('reads what the desk held at the start, and what was written while it read', async () => {
    const factory = new IDBFactory();
    const before = await open(factory);
    await before.interactions.bulkPut([
      said('a', 'IMS1', 'Printer jams'),
      said('b', 'IMS2', 'VPN'),
    ]);
    before.close();
    const db = await open(factory);
    const reading = recordIndexOf(db).ready();
    await db.interactions.put(said('c', 'IMS3', 'Printer offline'));
    await db.interactions.delete('b');
    await reading;
    expect(await found(db, 'printer')).toEqual(['a', 'c']);
    expect(await found(db, 'vpn')).toEqual([]);
    expect(recordIndexOf(db).index.size).toBe(2);
  });

  it('reads again what another window wrote: one record, a bulk of many, a delete, a clear', async () => {
    const factory = new IDBFactory();
    const db = await open(factory);
    await recordIndexOf(db).ready();
    const other = await open(factory);
    await other.interactions.put(said('a', 'IMS1', 'Scanner jams'));
    expect(await found(db, 'scan')).toEqual(['a']);
    // 50 or more in one write: Dexie says the whole table changed; the table is read again.
    const many = Array.from({ length: 60 }, (_, i) => said(`m${i}`, `IMS${100 + i}`, 'Laptop'));
    await other.interactions.bulkPut(many);
    expect((await found(db, 'laptop')).length).toBe(60);
    expect(recordIndexOf(db).index.withNumber('interaction', 'IMS159')).toEqual(['m59']);
    await other.interactions.delete('a');
    expect(await found(db, 'scan')).toEqual([]);
    await other.interactions.clear();
    expect(await found(db, 'laptop')).toEqual([]);
    expect(recordIndexOf(db).index.size).toBe(0);
  });

  it('a lookup right after another window’s bulk write waits for it to be read, and says who moved', async () => {
    const factory = new IDBFactory();
    const db = await open(factory);
    const records = recordIndexOf(db);
    await records.ready();
    const told: string[][] = [];
    const stop = records.onInteractionsChanged((agents) => told.push([...agents]));
    const other = await open(factory);
    const many = Array.from({ length: 60 }, (_, i) => ({
      ...said(`m${i}`, `IMS${100 + i}`, 'Laptop'),
      openedBy: 'agent-elsewhere',
    }));
    await other.interactions.bulkPut(many);
    // No waiting for the pause a whole-table read waits for: a lookup reads it now.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await records.ready();
    expect(records.index.agentInteractions('opened', 'agent-elsewhere')).toHaveLength(60);
    expect(told.at(-1)).toEqual(['agent-elsewhere']);
    stop();
    await other.interactions.delete('m0');
    await records.settled();
    expect(told).toHaveLength(1);
  });
});
