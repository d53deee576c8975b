// The interaction lists the record index keeps, through the store host on fake-indexeddb: live when
// another window writes (Dexie sees only the ids a list read; the index says when they moved), and
// the agent's own work read by the same lists.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, expect, it } from 'vitest';
import { DEMO_AGENT_ID } from '../../shared/demo/directory-generator';
import { at, interaction, T0 } from '../../shared/domain/testing/desk-records';
import { createDeskDb } from './db';
import { openStoreHost } from './store-host';

const opened: { close(): Promise<void> | void }[] = [];

afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

it('moves an interaction another window logs, then closes, from the open list to the closed one', async () => {
  const factory = new IDBFactory();
  const host = await openStoreHost({
    dbName: 'desk',
    indexedDB: factory,
    IDBKeyRange,
    demoUsers: 50,
    demoIncidents: 0,
    now: () => new Date(T0),
    onLine: () => true,
    connectivityEvents: new EventTarget(),
  });
  opened.push(host);
  await host.directoryReady();
  const elsewhere = createDeskDb({ name: 'desk', indexedDB: factory, IDBKeyRange });
  await elsewhere.open();
  opened.push(elsewhere);

  const lists = { open: [] as string[][], closed: [] as string[][] };
  for (const [view, seen] of [
    ['all-open', lists.open],
    ['recently-closed', lists.closed],
  ] as const) {
    await host.subscribe('interaction.list', { view }, (result) => {
      if (result.ok) seen.push(result.value.map((item) => item.id));
    });
  }
  await expect.poll(() => [lists.open.at(-1), lists.closed.at(-1)]).toEqual([[], []]);

  const logged = interaction('elsewhere-1', { openedBy: DEMO_AGENT_ID, openedAt: at(-5) });
  await elsewhere.interactions.bulkPut([interaction('elsewhere-0', { openedAt: at(-50) }), logged]);
  await expect.poll(() => lists.open.at(-1)).toEqual(['elsewhere-1', 'elsewhere-0']);

  await elsewhere.interactions.put({
    ...logged,
    state: 'Closed Complete',
    closedBy: DEMO_AGENT_ID,
    closedAt: at(-1),
  });
  await expect.poll(() => lists.open.at(-1)).toEqual(['elsewhere-0']);
  await expect.poll(() => lists.closed.at(-1)).toEqual(['elsewhere-1']);
});
