// Rating an article on a desk with no desk server (offline): the verdict is kept with its outbox
// entry, knowledge.myRating answers it, a later verdict on the same revision replaces it (one
// more entry), the same one again queues nothing, and all of it survives a restart of the store host.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, expect, it } from 'vitest';
import type { StoreResult } from '../../shared/domain/result';
import { createDeskDb } from './db';
import { openStoreHost, type StoreHost } from './store-host';

const opened: { close(): Promise<void> | void }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

const ARTICLE = 'kb-demo-printer-offline';

async function openDesk(factory: IDBFactory): Promise<StoreHost> {
  let clock = Date.parse('2026-12-04T09:00:00.000Z');
  const host = await openStoreHost({
    dbName: 'desk',
    indexedDB: factory,
    IDBKeyRange,
    demoUsers: 200,
    now: () => new Date((clock += 60_000)),
    newId: () => 'client-1',
    onLine: () => false,
    connectivityEvents: new EventTarget(),
  });
  opened.push(host);
  await host.directoryReady();
  return host;
}

const value = <T>(result: StoreResult<T>): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

it('keeps the verdict in the outbox and on the desk, across a restart', async () => {
  const factory = new IDBFactory();
  const first = await openDesk(factory);
  const article = value(await first.query('knowledge.get', { id: ARTICLE }));
  expect(article?.revision).toBe(1);
  const mine = () => first.query('knowledge.myRating', { id: ARTICLE, revision: 1 });
  expect(value(await mine())).toBeNull();

  value(await first.command('knowledge.rate', { id: ARTICLE, revision: 1, verdict: 'helpful' }));
  expect(value(await mine())).toMatchObject({ verdict: 'helpful', comment: null });
  // The same verdict again is nothing new to send.
  value(await first.command('knowledge.rate', { id: ARTICLE, revision: 1, verdict: 'helpful' }));
  value(
    await first.command('knowledge.rate', {
      id: ARTICLE,
      revision: 1,
      verdict: 'outdated',
      comment: 'The menu is now called Printers & scanners',
    }),
  );
  expect(value(await first.query('sync.status', {})).pendingChanges).toBe(2);
  await first.close();

  const second = await openDesk(factory);
  expect(value(await second.query('knowledge.myRating', { id: ARTICLE, revision: 1 }))).toEqual({
    verdict: 'outdated',
    comment: 'The menu is now called Printers & scanners',
    at: expect.any(String) as string,
  });
  expect(value(await second.query('sync.status', {})).pendingChanges).toBe(2);
  await second.close();
  const raw = createDeskDb({ name: 'desk', indexedDB: factory, IDBKeyRange });
  await raw.open();
  opened.push(raw);
  expect((await raw.outbox.toArray()).map((e) => [e.name, e.args])).toEqual([
    ['knowledge.rate', { id: ARTICLE, revision: 1, verdict: 'helpful', comment: '' }],
    [
      'knowledge.rate',
      {
        id: ARTICLE,
        revision: 1,
        verdict: 'outdated',
        comment: 'The menu is now called Printers & scanners',
      },
    ],
  ]);
});

it('refuses a revision the desk does not hold and a comment on Helpful, writing nothing', async () => {
  const host = await openDesk(new IDBFactory());
  const stale = await host.command('knowledge.rate', {
    id: ARTICLE,
    revision: 2,
    verdict: 'helpful',
  });
  expect(stale).toMatchObject({ ok: false, error: { code: 'not-found' } });
  const chatty = await host.command('knowledge.rate', {
    id: ARTICLE,
    revision: 1,
    verdict: 'helpful',
    comment: 'Nice',
  });
  expect(chatty).toMatchObject({
    ok: false,
    error: { code: 'invalid-input', message: 'Only an Outdated flag takes a comment.' },
  });
  const long = await host.command('knowledge.rate', {
    id: ARTICLE,
    revision: 1,
    verdict: 'outdated',
    comment: 'x'.repeat(281),
  });
  expect(long).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  expect(value(await host.query('sync.status', {})).pendingChanges).toBe(0);
  expect(value(await host.query('knowledge.myRating', { id: ARTICLE, revision: 1 }))).toBeNull();
});
