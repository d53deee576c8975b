// Eviction against a real Dexie (fake-indexeddb): what left the scope goes with its server copy and
// its words; nothing unsynced, refused, pending or open in a form goes; a later pull brings it back whole.

import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../../shared/domain/interaction';
import { writeMeta, type DeskDb } from '../db';
import { recordIndexOf } from '../record-index-upkeep';
import { rebaseRecords } from './rebase-records';
import { evictOutOfScope } from './scope-eviction';
import { rebaseTables } from './synced-records';
import { AGENT, entry, interaction, openTestDesk, rules } from './sync-test-support';

const NOW = new Date('2026-12-04T12:00:00.000Z');

/** A closed interaction of another group, last changed long ago: out of scope. */
const old = (id: string, number: string): Interaction => ({
  ...interaction(id, number),
  state: 'Closed Complete',
  closedAt: '2026-09-01T10:00:00.000Z',
  closedBy: 'someone',
  assignmentGroup: 'grp_other',
  assignedTo: 'someone',
  openedBy: 'someone',
  updatedAt: '2026-09-01T10:00:00.000Z',
});

/** Held as a pull leaves it: the server's copy and the view. */
async function held(db: DeskDb, ...records: Interaction[]): Promise<void> {
  await db.serverInteractions.bulkPut(records);
  await db.interactions.bulkPut(records);
}

const evict = (db: DeskDb, openInForms: ReadonlySet<string> = new Set()) =>
  evictOutOfScope({ db, agentId: AGENT, now: () => NOW, openInForms: () => openInForms });

const ids = async (db: DeskDb) => (await db.interactions.toCollection().primaryKeys()).sort();

describe('evicting what left the scope', () => {
  it('removes the record, its server copy and its words, and keeps the open work', async () => {
    const db = await openTestDesk();
    await held(db, old('i-old', 'IMS0001001'), interaction('i-open', 'IMS0001002'));
    const outcome = await evict(db);
    expect(outcome.evicted).toEqual([{ kind: 'interaction', id: 'i-old' }]);
    expect(outcome.held).toBe(1);
    expect(await ids(db)).toEqual(['i-open']);
    expect(await db.serverInteractions.get('i-old')).toBeUndefined();
    expect(recordIndexOf(db).index.wordsOf('interaction', 'i-old')).toBeUndefined();
    expect(recordIndexOf(db).index.wordsOf('interaction', 'i-open')).toBeDefined();
  });

  it('never evicts a record with an unsynced change, a parked one, a refusal or a pending rebase', async () => {
    const db = await openTestDesk();
    await held(
      db,
      old('i-waiting', 'IMS0001001'),
      old('i-parked', 'IMS0001002'),
      old('i-refused', 'IMS0001003'),
      old('i-pending', 'IMS0001004'),
      old('i-gone', 'IMS0001005'),
    );
    const note = (id: string, n: number) =>
      entry(n, 'interaction.addWorkNote', { id, noteId: `n-${n}`, text: 'Called back' });
    await db.outbox.add(note('i-waiting', 1));
    await db.parkedOutbox.add({ actorId: 'agent-2', entry: note('i-parked', 1) });
    await db.needsAttention.add({
      mutationId: 2,
      entry: note('i-refused', 2),
      reason: { code: 'conflict', message: 'Closed elsewhere' },
      refusedAt: NOW.toISOString(),
    });
    await writeMeta(db, 'sync', {
      interactionsCursor: null,
      directoryCursor: null,
      lastSyncedAt: null,
      rebasePending: [{ kind: 'interaction', id: 'i-pending' }],
    });
    await evict(db);
    expect(await ids(db)).toEqual(['i-parked', 'i-pending', 'i-refused', 'i-waiting']);
  });

  it('never evicts a record open in a form, or one made here the server has not acknowledged', async () => {
    const db = await openTestDesk();
    await held(db, old('i-form', 'IMS0001001'));
    await db.interactions.put({ ...old('i-new', 'IMS-P0001'), numberProvisional: true });
    await evict(db, new Set(['interaction:i-form']));
    expect(await ids(db)).toEqual(['i-form', 'i-new']);
  });

  it('evicts a record pulled as its view alone (nothing waited, so no server copy was kept)', async () => {
    const db = await openTestDesk();
    await db.interactions.bulkPut([
      old('i-old', 'IMS0001001'),
      interaction('i-open', 'IMS0001002'),
    ]);
    const outcome = await evict(db);
    expect(outcome.evicted).toEqual([{ kind: 'interaction', id: 'i-old' }]);
    expect(await ids(db)).toEqual(['i-open']);
  });

  it('keeps what the agent opened from the history in the last 30 days', async () => {
    const db = await openTestDesk();
    await held(db, old('i-opened', 'IMS0001001'));
    await writeMeta(db, 'historyOpened', [
      { kind: 'interaction', id: 'i-opened', number: 'IMS0001001', at: '2026-12-01T10:00:00.000Z' },
    ]);
    await evict(db);
    expect(await ids(db)).toEqual(['i-opened']);
  });

  it('evicts nothing while a server reset is arriving', async () => {
    const db = await openTestDesk();
    await held(db, old('i-old', 'IMS0001001'));
    await writeMeta(db, 'sync', {
      interactionsCursor: 'c',
      directoryCursor: null,
      lastSyncedAt: null,
      resetInProgress: true,
    });
    await evict(db);
    expect(await ids(db)).toEqual(['i-old']);
  });

  it('a pulled change to an evicted record brings it back whole, and it goes again when out of scope', async () => {
    const db = await openTestDesk();
    const record = old('i-old', 'IMS0001001');
    await held(db, record);
    await evict(db);
    // What a pull does with a page: the server's row into its copy, then a rebase of it.
    const changed = { ...record, shortDescription: 'Printer jams again' };
    await db.transaction('rw', rebaseTables(db), async () => {
      await db.serverInteractions.put(changed);
      await rebaseRecords(db, [{ kind: 'interaction', id: 'i-old' }], rules);
    });
    expect(await db.interactions.get('i-old')).toEqual(changed);
    expect(recordIndexOf(db).index.wordsOf('interaction', 'i-old')).toContain('jams');
    await evict(db);
    expect(await ids(db)).toEqual([]);
  });
});
