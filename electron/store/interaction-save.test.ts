// Save on the interaction form as one command through the store host on fake-indexeddb: it creates
// or updates the interaction and appends the work note in one transaction with one outbox entry;
// the same save again changes nothing; the rebase replays it over the server's copy.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_AGENT_ID, SERVICE_DESK_GROUP_ID } from '../../shared/demo/directory-generator';
import { DEMO_PRINTER_EXAMPLE } from '../../shared/demo/incident-generator';
import type { StoreResult } from '../../shared/domain/result';
import type { CommandInput } from '../../shared/store-api/contract';
import { createDeskDb, readMeta, type DeskDb } from './db';
import { openStoreHost, type StoreHost } from './store-host';
import { rebaseRecords } from './sync/rebase-records';
import { rebaseTables as rebaseTablesOf } from './sync/synced-records';

const DB_NAME = 'desk';
const opened: { close(): Promise<void> | void }[] = [];

afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

interface Desk {
  host: StoreHost;
  /** A second connection that reads what is really on disk. */
  db: DeskDb;
}

async function openDesk(): Promise<Desk> {
  const factory = new IDBFactory();
  let clock = Date.parse('2026-11-23T09:00:00.000Z');
  const host = await openStoreHost({
    dbName: DB_NAME,
    indexedDB: factory,
    IDBKeyRange,
    demoUsers: 400,
    demoIncidents: 0,
    now: () => new Date((clock += 60_000)),
    newId: () => 'client-1',
    onLine: () => false,
    connectivityEvents: new EventTarget(),
  });
  opened.push(host);
  await host.directoryReady();
  const db = createDeskDb({ name: DB_NAME, indexedDB: factory, IDBKeyRange });
  await db.open();
  opened.push(db);
  return { host, db };
}

function value<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

const { printer, caller } = DEMO_PRINTER_EXAMPLE;

const form = (
  over: Partial<CommandInput<'interaction.save'>> = {},
): CommandInput<'interaction.save'> => ({
  id: 'ims-1',
  openedFor: caller.id,
  contactEmail: 'caller@deskpad.example',
  contactPhone: '',
  type: 'Phone',
  component: printer.id,
  assignmentGroup: SERVICE_DESK_GROUP_ID,
  assignedTo: DEMO_AGENT_ID,
  shortDescription: 'Cannot print to the floor printer',
  description: 'Jobs stay in the queue.',
  ...over,
});

async function outbox(desk: Desk) {
  return desk.db.outbox.orderBy('mutationId').toArray();
}

describe('interaction.save through the store host', () => {
  it('creates the interaction with its first work note: one record, one outbox entry', async () => {
    const desk = await openDesk();
    const view = value(
      await desk.host.command(
        'interaction.save',
        form({ noteId: 'note-1', workNote: 'Restarted the spooler.' }),
      ),
    );
    expect(view).toMatchObject({
      id: 'ims-1',
      number: 'IMS-P0001',
      numberProvisional: true,
      state: 'Work in Progress',
      openedForName: caller.name,
      workNotes: [{ id: 'note-1', text: 'Restarted the spooler.' }],
    });
    expect(await desk.db.interactions.count()).toBe(1);
    const entries = await outbox(desk);
    expect(entries.map((e) => [e.mutationId, e.name])).toEqual([[1, 'interaction.save']]);
    expect(await readMeta(desk.db, 'counters')).toMatchObject({ interaction: 1 });
  });

  it('makes one record of the same save sent twice (a double click, a lost answer)', async () => {
    const desk = await openDesk();
    const save = form({ noteId: 'note-1', workNote: 'Restarted the spooler.' });
    const first = value(await desk.host.command('interaction.save', save));
    const again = value(await desk.host.command('interaction.save', save));
    expect(again).toEqual(first);
    expect(await desk.db.interactions.count()).toBe(1);
    expect((await outbox(desk)).map((e) => e.name)).toEqual(['interaction.save']);
    // The number was used once.
    expect(await readMeta(desk.db, 'counters')).toMatchObject({ interaction: 1 });
  });

  it('updates only the fields the agent changed, and adds the next work note, as one entry', async () => {
    const desk = await openDesk();
    value(await desk.host.command('interaction.save', form()));
    const updated = value(
      await desk.host.command(
        'interaction.save',
        form({
          description: 'Jobs stay in the queue; the display says PC LOAD LETTER.',
          // Not named in `changed`: what the form showed, not an edit; it is not written.
          contactPhone: '+44 20 7946 0000',
          changed: ['description'],
          noteId: 'note-2',
          workNote: 'Loaded letter paper.',
        }),
      ),
    );
    expect(updated).toMatchObject({
      number: 'IMS-P0001',
      description: 'Jobs stay in the queue; the display says PC LOAD LETTER.',
      contactPhone: '',
      workNotes: [{ id: 'note-2', text: 'Loaded letter paper.' }],
    });
    expect((await outbox(desk)).map((e) => e.name)).toEqual([
      'interaction.save',
      'interaction.save',
    ]);
    // Saving the same again writes nothing and queues nothing.
    value(
      await desk.host.command(
        'interaction.save',
        form({ changed: [], noteId: 'note-2', workNote: 'Loaded letter paper.' }),
      ),
    );
    expect(await outbox(desk)).toHaveLength(2);
  });

  it('writes every field that differs when a retried first save finds the record made', async () => {
    const desk = await openDesk();
    value(await desk.host.command('interaction.save', form()));
    const retried = value(
      await desk.host.command(
        'interaction.save',
        form({ shortDescription: 'Cannot print at all', noteId: 'n', workNote: 'Later note.' }),
      ),
    );
    expect(retried).toMatchObject({
      number: 'IMS-P0001',
      shortDescription: 'Cannot print at all',
      workNotes: [{ id: 'n', text: 'Later note.' }],
    });
    expect(await desk.db.interactions.count()).toBe(1);
  });

  it('refuses what the rules refuse and writes nothing', async () => {
    const desk = await openDesk();
    const refused = await desk.host.command(
      'interaction.save',
      form({ assignedTo: caller.id, noteId: 'n', workNote: 'Never saved.' }),
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'rule', fieldErrors: { assignedTo: expect.any(String) as unknown } },
    });
    expect(await desk.db.interactions.count()).toBe(0);
    expect(await outbox(desk)).toEqual([]);
    // A note without its id is bad input: the desk picks the id so a retry writes it once.
    const noId = await desk.host.command('interaction.save', form({ workNote: 'No id.' }));
    expect(noId).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('interaction.save replayed by the rebase (offline, then the server answers)', () => {
  it('rebuilds the saved record from the waiting saves alone, with its provisional number', async () => {
    const desk = await openDesk();
    value(await desk.host.command('interaction.save', form({ noteId: 'n1', workNote: 'First.' })));
    value(
      await desk.host.command(
        'interaction.save',
        form({ description: 'More.', changed: ['description'], noteId: 'n2', workNote: 'Second.' }),
      ),
    );
    const shown = await desk.db.interactions.get('ims-1');
    const rules = { isGroupMember: () => true, userName: () => 'Demo Agent' };
    await desk.db.transaction('rw', rebaseTablesOf(desk.db), () =>
      rebaseRecords(desk.db, [{ kind: 'interaction', id: 'ims-1' }], rules),
    );
    const rebuilt = await desk.db.interactions.get('ims-1');
    expect(rebuilt).toMatchObject({
      number: shown?.number,
      numberProvisional: true,
      description: 'More.',
      workNotes: [
        { id: 'n1', text: 'First.' },
        { id: 'n2', text: 'Second.' },
      ],
    });
    expect(await readMeta(desk.db, 'counters')).toMatchObject({ interaction: 1 });
  });

  it('keeps another desk’s change to a field this desk did not edit', async () => {
    const desk = await openDesk();
    value(await desk.host.command('interaction.save', form()));
    value(
      await desk.host.command(
        'interaction.save',
        form({ shortDescription: 'Printer jams', changed: ['shortDescription'] }),
      ),
    );
    // The server already has the record (the first save, acknowledged) with another desk's
    // description; the second save still waits.
    const base = await desk.db.interactions.get('ims-1');
    if (!base) throw new Error('not saved');
    await desk.db.serverInteractions.put({
      ...base,
      number: 'IMS0001001',
      numberProvisional: false,
      shortDescription: 'Cannot print to the floor printer',
      description: 'Another desk: toner replaced, still jams.',
    });
    await desk.db.outbox.where('mutationId').equals(1).delete();
    const rules = { isGroupMember: () => true, userName: () => 'Demo Agent' };
    await desk.db.transaction('rw', rebaseTablesOf(desk.db), () =>
      rebaseRecords(desk.db, [{ kind: 'interaction', id: 'ims-1' }], rules),
    );
    expect(await desk.db.interactions.get('ims-1')).toMatchObject({
      number: 'IMS0001001',
      shortDescription: 'Printer jams',
      description: 'Another desk: toner replaced, still jams.',
    });
  });
});
