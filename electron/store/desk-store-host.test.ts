// The store host's log: what goes wrong in it is written down (never swallowed) and shown in Sync
// details; a desk with no desk server has no sync attempts to show.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoreResult } from '../../shared/domain/result';
import { createLogger } from './logger';
import { DeskStorage } from './desk-storage';
import { openStoreHost, type StoreHost } from './store-host';

const opened: StoreHost[] = [];
afterEach(async () => {
  for (const host of opened.splice(0)) await host.close();
});

async function openLocalDesk() {
  const log = createLogger();
  const host = await openStoreHost({
    dbName: 'desk',
    indexedDB: new IDBFactory(),
    IDBKeyRange,
    demoUsers: 50,
    demoIncidents: 5,
    logger: log,
  });
  opened.push(host);
  await host.directoryReady();
  return { host, log };
}

function value<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('the store host’s log', () => {
  it('writes down a window’s listener that fails, and goes on answering', async () => {
    const { host, log } = await openLocalDesk();
    await host.subscribe('sync.status', {}, () => {
      throw new Error('the window has gone');
    });
    await vi.waitFor(() =>
      expect(log.recent().map((l) => `${l.level} ${l.module}: ${l.message}`)).toContain(
        "info live-query: a window's sync.status listener failed: the window has gone",
      ),
    );
    expect(value(await host.query('sync.status', {})).pendingChanges).toBe(0);
  });

  it('writes down a request that failed inside the host, and says so to the window', async () => {
    const { host, log } = await openLocalDesk();
    const closing = host.close();
    opened.splice(0);
    await closing;
    const answer = await host.query('interaction.list', { view: 'all-open' });
    expect(answer.ok ? null : answer.error.code).toBe('internal');
    expect(log.recent().at(-1)).toMatchObject({
      level: 'error',
      module: 'store-host',
      message: expect.stringMatching(/^query interaction\.list failed: /) as unknown,
    });
  });

  it('shows no sync attempts in Sync details on a desk with no desk server', async () => {
    const { host, log } = await openLocalDesk();
    log.info('opened for the test');
    const details = value(await host.query('sync.details', {}));
    expect(details.attempts).toEqual([]);
    expect(details.log.map((l) => l.message)).toContain('opened for the test');
  });
});

describe('a window’s word that it has drawn', () => {
  it('changes nothing a window shows: Sync is not answered again for it', async () => {
    const { host } = await openLocalDesk();
    let answers = 0;
    await host.subscribe('sync.status', {}, () => (answers += 1));
    await vi.waitFor(() => expect(answers).toBe(1));
    expect(value(await host.act('sync.windowShown', {}))).toBeNull();
    // Any other action is answered again (here refused: this desk has no desk server).
    expect((await host.act('sync.now', {})).ok).toBe(false);
    await vi.waitFor(() => expect(answers).toBe(2));
    expect(value(await host.act('sync.windowShown', {}))).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answers).toBe(2);
  });

  it('is checked like any action: anything more in it is refused', async () => {
    const { host } = await openLocalDesk();
    const answer = await host.act('sync.windowShown', { more: true } as never);
    expect(answer.ok ? null : answer.error.code).toBe('invalid-input');
  });
});

describe('the store host’s start', () => {
  const openSettling = (settleMs: number) =>
    openStoreHost({
      dbName: 'desk',
      indexedDB: new IDBFactory(),
      IDBKeyRange,
      demoUsers: 50,
      settleMs,
    });

  it('measures its storage for Sync details once it has settled, not while the window opens', async () => {
    const measure = vi.spyOn(DeskStorage.prototype, 'measure');
    try {
      const host = await openSettling(3_000);
      opened.push(host);
      await host.directoryReady();
      expect(measure).not.toHaveBeenCalled();
      await vi.waitFor(() => expect(measure).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    } finally {
      measure.mockRestore();
    }
  });

  it('leaves nothing to settle after it has closed', async () => {
    const measure = vi.spyOn(DeskStorage.prototype, 'measure');
    try {
      await (await openSettling(100)).close();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(measure).not.toHaveBeenCalled();
    } finally {
      measure.mockRestore();
    }
  });
});
