// Tests for serving the store host over a real MessageChannel with Comlink, as a window talks to
// it: round trips, live queries with proxied listeners, and malformed calls answered, not thrown.

import * as Comlink from 'comlink';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoreResult } from '../../shared/domain/result';
import type { StoreHostApi, SyncStatus } from '../../shared/store-api/contract';
import type { LiveBatch } from '../../shared/store-api/live-channel';
import { serveStoreHost, type ServedPort, type ServedStoreHost } from './serve';
import { failedStoreHost, openStoreHost, type StoreHost } from './store-host';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function connect(): Promise<{
  host: StoreHost;
  remote: Comlink.Remote<StoreHostApi>;
  served: ServedPort;
  port: MessagePort;
}> {
  const host = await openStoreHost({
    dbName: 'desk',
    indexedDB: new IDBFactory(),
    IDBKeyRange,
    demoUsers: 200,
  });
  await host.directoryReady();
  const { port1, port2 } = new MessageChannel();
  const served = serveStoreHost(host, port1);
  const remote = Comlink.wrap<StoreHostApi>(port2);
  cleanup.push(() => host.close());
  cleanup.push(() => {
    served.close();
    port2.close();
  });
  return { host, remote, served, port: port2 };
}

const form = (id: string) => ({
  id,
  openedFor: null,
  contactEmail: '',
  contactPhone: '',
  type: 'Phone' as const,
  component: null,
  assignmentGroup: null,
  assignedTo: null,
  shortDescription: 'Password reset',
  description: '',
});

describe('serveStoreHost', () => {
  it('answers commands and queries across the port', async () => {
    const { remote } = await connect();
    const saved = await remote.command('interaction.create', form('i-1'));
    expect(saved).toMatchObject({ ok: true, value: { number: 'IMS-P0001' } });
    expect(await remote.query('interaction.get', { id: 'i-1' })).toMatchObject({
      ok: true,
      value: { id: 'i-1' },
    });
    const hits = await remote.query('directory.searchUsers', { query: 'demo agent' });
    expect(hits).toMatchObject({ ok: true, value: [{ userName: 'demo.agent' }] });
  });

  it('answers malformed requests with a StoreError instead of throwing', async () => {
    const { remote } = await connect();
    expect(await remote.command(42 as never, 'nonsense' as never)).toMatchObject({
      ok: false,
      error: { code: 'unknown-operation' },
    });
    expect(
      await remote.command('interaction.create', { ...form('i-2'), type: 'Pigeon' } as never),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fieldErrors: { type: expect.any(String) as unknown } },
    });
    const huge = await remote.command('interaction.create', {
      ...form('i-3'),
      shortDescription: 'x'.repeat(2_000_000),
    });
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await remote.query('interaction.get', undefined as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    const unknownMethod = (
      remote as unknown as { dropDatabase(): Promise<StoreResult<never>> }
    ).dropDatabase();
    expect(await unknownMethod).toMatchObject({ ok: false, error: { code: 'unknown-operation' } });
    await expect(remote.subscribe('sync.status', {}, undefined as never)).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await expect(remote.onEvent('listener' as never)).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect(await remote.act('sync.dropEverything' as never, {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-operation' },
    });
    expect(await remote.act('sync.retry', { id: 'first' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    // Still serving after all that.
    expect(await remote.query('sync.status', {})).toMatchObject({ ok: true });
  });

  it('pushes live-query results to a proxied listener until it unsubscribes', async () => {
    const { remote } = await connect();
    const statuses: SyncStatus[] = [];
    const stop = await remote.subscribe(
      'sync.status',
      {},
      // Comlink's Remote type drops the method's generic; the listener sees the union.
      Comlink.proxy((r: StoreResult<unknown>) => {
        if (r.ok) statuses.push(r.value as SyncStatus);
      }),
    );
    await vi.waitFor(() => expect(statuses.at(-1)?.pendingChanges).toBe(0));
    await remote.command('interaction.create', form('i-4'));
    await vi.waitFor(() => expect(statuses.at(-1)?.pendingChanges).toBe(1));
    // Over the port the unsubscribe is a Comlink proxy: calling it answers with a promise.
    await Promise.resolve(stop());
    const seen = statuses.length;
    await remote.command('interaction.create', form('i-5'));
    await new Promise((r) => setTimeout(r, 100));
    expect(statuses).toHaveLength(seen);
  });

  it('serves live queries over one channel: answers by id, ready ones in one batch, until unwatched', async () => {
    const listeners = new Map<string, (r: StoreResult<unknown>) => void>();
    const stub: StoreHostApi = {
      command: () => Promise.resolve({ ok: true, value: null as never }),
      query: () => Promise.resolve({ ok: true, value: null as never }),
      act: () => Promise.resolve({ ok: true, value: null as never }),
      subscribe: (name, _input, listener) => {
        listeners.set(name, listener as (r: StoreResult<unknown>) => void);
        return Promise.resolve(() => void listeners.delete(name));
      },
      onEvent: () => Promise.resolve(() => undefined),
    };
    const { port1, port2 } = new MessageChannel();
    const served = serveStoreHost(stub, port1);
    cleanup.push(() => {
      served.close();
      port2.close();
    });
    const remote = Comlink.wrap<ServedStoreHost>(port2);
    // Watching before giving the listener is refused, as is an id that is not a whole number.
    await expect(remote.watch(1, 'sync.status', {})).rejects.toMatchObject({
      code: 'invalid-input',
    });
    const batches: LiveBatch[] = [];
    await remote.live(Comlink.proxy((batch: LiveBatch) => void batches.push(batch)));
    await expect(remote.watch(-1, 'sync.status', {})).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await remote.watch(7, 'sync.status', {});
    await remote.watch(8, 'session.state', {});
    // One change answers both queries in the same turn: one message with both answers.
    listeners.get('sync.status')?.({ ok: true, value: 'a' });
    listeners.get('session.state')?.({ ok: true, value: 'b' });
    await vi.waitFor(() => expect(batches).toHaveLength(1));
    expect(batches[0]).toEqual([
      [7, { ok: true, value: 'a' }],
      [8, { ok: true, value: 'b' }],
    ]);
    await remote.unwatch(7);
    expect([...listeners.keys()]).toEqual(['session.state']);
    // A window that goes away ends what it still watches.
    port2.close();
    await vi.waitFor(() => expect(listeners.size).toBe(0));
  });

  it('ends what a window left running when its port closes or the store closes it', async () => {
    const stopped: string[] = [];
    const stub: StoreHostApi = {
      command: () => Promise.resolve({ ok: true, value: null as never }),
      query: () => Promise.resolve({ ok: true, value: null as never }),
      act: () => Promise.resolve({ ok: true, value: null as never }),
      subscribe: (name) => Promise.resolve(() => void stopped.push(name)),
      onEvent: () => Promise.resolve(() => void stopped.push('events')),
    };
    for (const how of ['window closes', 'store closes'] as const) {
      stopped.length = 0;
      const { port1, port2 } = new MessageChannel();
      const served = serveStoreHost(stub, port1);
      const remote = Comlink.wrap<StoreHostApi>(port2);
      await remote.onEvent(Comlink.proxy(() => undefined));
      await remote.subscribe(
        'sync.status',
        {},
        Comlink.proxy(() => undefined),
      );
      if (how === 'window closes') port2.close();
      else served.close();
      await vi.waitFor(() => expect(stopped.sort(), how).toEqual(['events', 'sync.status']));
      port2.close();
    }
  });

  it('serves a host that could not open: every request gets the reason', async () => {
    const { port1, port2 } = new MessageChannel();
    const served = serveStoreHost(
      failedStoreHost({ code: 'not-ready', message: 'Newer database.' }),
      port1,
    );
    cleanup.push(() => {
      served.close();
      port2.close();
    });
    const remote = Comlink.wrap<StoreHostApi>(port2);
    expect(await remote.command('interaction.create', form('i-6'))).toEqual({
      ok: false,
      error: { code: 'not-ready', message: 'Newer database.' },
    });
    const results: unknown[] = [];
    await remote.subscribe(
      'sync.status',
      {},
      Comlink.proxy((r: unknown) => results.push(r)),
    );
    await vi.waitFor(() =>
      expect(results).toEqual([
        { ok: false, error: { code: 'not-ready', message: 'Newer database.' } },
      ]),
    );
  });
});
