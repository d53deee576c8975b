// The server's copies kept only while a change waits (copy on write, ADR 0020), against the real
// desk server: a record pulled with nothing waiting has its view alone; a change made on it takes
// the copy first, so what another desk changed meanwhile is replayed under it; a record made on
// this desk never gets one invented; once nothing waits, the next pull drops them all.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoAccounts, demoDirectory } from '../../../server/demo/seed';
import { startDemoServer, type DemoServer } from '../../../server/testing/demo-server';
import { fixtureClock } from '../../../server/testing/fixtures';
import type { CreateInteractionArgs, Interaction } from '../../../shared/domain/interaction';
import type { DeskDb } from '../db';
import type { StoreHost } from '../store-host';
import { createDeskServerClient } from './desk-server-client';
import { pullAndRebase } from './pull-and-rebase';
import { interactionArgs } from './sync-test-support';
import { serverTables } from './synced-records';
import { openSyncingDesk } from './with-server-support';

const USERS = 100;
const OTHER_AGENT = demoAccounts(demoDirectory({ users: USERS }))[1]?.userName ?? '';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ users: USERS, incidents: 5, historyDays: 0 });
}, 120_000);
afterAll(async () => {
  await server.close();
});

interface Desk {
  host: StoreHost;
  db: DeskDb;
  close(): Promise<void>;
}

let ids = 0;
async function openDesk(userName = server.agent.userName): Promise<Desk> {
  const { host, openDb } = await openSyncingDesk(
    { serverUrl: server.serverUrl, agent: { userName, password: DEMO_PASSWORD } },
    // The server's clock, so it keeps each change's time as the desk gave it.
    { newId: () => `cow-${++ids}-${Math.random().toString(36).slice(2)}`, now: fixtureClock },
  );
  const db = await openDb();
  return {
    host,
    db,
    close: async () => {
      db.close();
      await host.close();
    },
  };
}

const form = (id: string): CreateInteractionArgs =>
  interactionArgs(id, {
    openedFor: 'usr_000100',
    component: null,
    assignmentGroup: null,
    assignedTo: null,
    shortDescription: `Printer jam ${id}`,
  });

async function ok<T>(answer: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>) {
  const done = await answer;
  if (!done.ok) throw new Error(JSON.stringify(done.error));
  return done.value;
}

/** How many server copy rows the desk keeps, all kinds. */
async function copies(db: DeskDb): Promise<number> {
  let count = 0;
  for (const table of Object.values(serverTables(db))) count += await table.count();
  return count;
}

/** A pull only (no push first), as the desk's sync does after its push. */
async function pullOnly(desk: Desk): Promise<void> {
  const session = await desk.db.meta.get('session');
  const token = session?.key === 'session' ? (session.value.token ?? '') : '';
  await pullAndRebase(
    {
      db: desk.db,
      client: createDeskServerClient(server.serverUrl, (i, init) => fetch(i, init)),
      token,
      rules: { isGroupMember: () => true, userName: (id) => id },
      now: fixtureClock,
      newClientId: () => 'unused',
    },
    new Map(),
  );
}

it('takes the server copy when a change is made on a record pulled without one, and replays the change over what another desk did', async () => {
  const mine = await openDesk();
  const other = await openDesk(OTHER_AGENT);
  try {
    await ok(other.host.command('interaction.create', form('cow-1')));
    await other.host.sync?.syncNow();
    // A fresh desk's snapshot with nothing waiting: the view alone.
    await mine.host.sync?.syncNow();
    const pulled = await mine.db.interactions.get('cow-1');
    expect(pulled?.number).toMatch(/^IMS\d+$/);
    expect(await copies(mine.db)).toBe(0);

    // Offline, the agent adds a note: the view as pulled becomes the server copy first.
    const note = { id: 'cow-1', noteId: 'n-mine', text: 'Called the caller back' };
    await ok(mine.host.command('interaction.addWorkNote', note));
    expect(await mine.db.serverInteractions.get('cow-1')).toEqual(pulled);
    expect(await copies(mine.db)).toBe(1);

    // Another desk changes the record meanwhile; this desk pulls before it pushes.
    const change = { id: 'cow-1', changes: { description: 'From the other desk' } };
    await ok(other.host.command('interaction.update', change));
    await other.host.sync?.syncNow();
    await pullOnly(mine);
    const rebased = await mine.db.interactions.get('cow-1');
    expect(rebased?.description).toBe('From the other desk');
    expect(rebased?.workNotes.map((n) => n.id)).toEqual(['n-mine']);
    const copy = await mine.db.serverInteractions.get('cow-1');
    expect(copy?.description).toBe('From the other desk');
    expect(copy?.workNotes).toEqual([]);
    expect(await mine.db.outbox.count()).toBe(1);

    // Pushed and acknowledged: the desk holds what the server holds.
    await mine.host.sync?.syncNow();
    await other.host.sync?.syncNow();
    expect(await mine.db.outbox.count()).toBe(0);
    const theirs = await other.db.interactions.get('cow-1');
    expect(theirs?.workNotes.map((n) => n.id)).toEqual(['n-mine']);
    expect(await mine.db.interactions.get('cow-1')).toEqual(theirs);
    // Nothing waits any more: the next pull drops the copies.
    await mine.host.sync?.syncNow();
    expect(await copies(mine.db)).toBe(0);
    expect(await mine.db.interactions.get('cow-1')).toEqual(theirs);
  } finally {
    await mine.close();
    await other.close();
  }
}, 120_000);

it('never invents a server copy for a record made on this desk, and sends both its changes', async () => {
  const mine = await openDesk();
  const other = await openDesk(OTHER_AGENT);
  try {
    await ok(other.host.command('interaction.create', form('cow-2')));
    await other.host.sync?.syncNow();
    await mine.host.sync?.syncNow();
    expect(await copies(mine.db)).toBe(0);

    // Offline: a new interaction, a note on a pulled one, then an edit of the new one.
    await ok(mine.host.command('interaction.create', form('cow-3')));
    const made: Interaction | undefined = await mine.db.interactions.get('cow-3');
    expect(made?.numberProvisional).toBe(true);
    await ok(
      mine.host.command('interaction.addWorkNote', { id: 'cow-2', noteId: 'n-2', text: 'Seen' }),
    );
    await ok(
      mine.host.command('interaction.update', {
        id: 'cow-3',
        changes: { description: 'Tray 2 jams' },
      }),
    );
    expect(await mine.db.serverInteractions.get('cow-3')).toBeUndefined();
    expect((await mine.db.serverInteractions.get('cow-2'))?.workNotes).toEqual([]);
    expect(await mine.db.outbox.count()).toBe(3);

    await mine.host.sync?.syncNow();
    expect(await mine.db.outbox.count()).toBe(0);
    const sent = await mine.db.interactions.get('cow-3');
    expect(sent?.number).toMatch(/^IMS\d+$/);
    expect(sent?.numberProvisional).toBe(false);
    expect(sent?.shortDescription).toBe('Printer jam cow-3');
    expect(sent?.description).toBe('Tray 2 jams');
    await other.host.sync?.syncNow();
    expect(await other.db.interactions.get('cow-3')).toEqual(sent);
    expect((await other.db.interactions.get('cow-2'))?.workNotes.map((n) => n.id)).toEqual(['n-2']);
  } finally {
    await mine.close();
    await other.close();
  }
}, 120_000);
