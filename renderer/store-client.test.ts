// The store client over real MessagePorts, served as the store host serves a window: calls wait for
// a port, live queries move to a restarted host and share one channel, and a call the dead host
// never answered is settled, not left hanging.

import { afterEach, describe, expect, it } from 'vitest';
import { ok, type StoreResult } from '../shared/domain/result';
import type { StoreHostApi } from '../shared/store-api/contract';
import { servedPort } from '../web/testing/served-port';
import { createStoreClient, STORE_RESTARTED_MESSAGE } from './store-client';
import type { StorePort } from './store-source';

type Listener = (result: StoreResult<unknown>) => void;

/** A stand-in host behind the real serving code: the window's port speaks the real protocol. */
function serveFakeHost(label: string, options: { hangCommands?: boolean } = {}) {
  const listeners = new Set<Listener>();
  const host = {
    commands: 0,
    push: (value: string) => {
      for (const listener of listeners) listener(ok(value));
    },
    listeners,
  };
  const api = {
    command: () => {
      host.commands += 1;
      return options.hangCommands
        ? new Promise<never>(() => undefined)
        : Promise.resolve(ok(label));
    },
    query: (name: string) => Promise.resolve(ok(`${label}:${name}`)),
    act: () => Promise.resolve(ok(label)),
    subscribe: (_name: string, _input: unknown, listener: Listener) => {
      listeners.add(listener);
      listener(ok(`${label}:first`));
      return Promise.resolve(() => void listeners.delete(listener));
    },
    onEvent: () => Promise.resolve(() => undefined),
  } as unknown as StoreHostApi;
  const { port, close } = servedPort(api);
  return { host, port, close };
}

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

function sourceWithManualPorts() {
  let give: ((port: StorePort) => void) | null = null;
  return {
    source: { connect: (onPort: (port: StorePort) => void) => void (give = onPort) },
    give: (p: StorePort) => give?.(p),
  };
}

describe('createStoreClient', () => {
  it('waits for the first port, then answers queries through it', async () => {
    const { source, give } = sourceWithManualPorts();
    const client = createStoreClient(source);
    const answer = client.query('sync.status', {});
    const first = serveFakeHost('one');
    closers.push(first.close);
    give(first.port);
    expect(await answer).toEqual(ok('one:sync.status'));
  });

  it('moves live queries to a restarted host and settles calls the dead one never answered', async () => {
    const { source, give } = sourceWithManualPorts();
    const client = createStoreClient(source);
    const dead = serveFakeHost('one', { hangCommands: true });
    closers.push(dead.close);
    give(dead.port);

    const seen: unknown[] = [];
    const unsubscribe = await client.subscribe('sync.status', {}, (r) =>
      seen.push(r.ok ? r.value : r.error.code),
    );
    await until(() => seen.includes('one:first'));
    const hanging = client.command('interaction.update', { id: 'x', changes: {} });
    await until(() => dead.host.commands === 1);

    const next = serveFakeHost('two');
    closers.push(next.close);
    give(next.port);

    expect(await hanging).toEqual({
      ok: false,
      error: { code: 'not-ready', message: STORE_RESTARTED_MESSAGE },
    });
    await until(() => seen.includes('two:first'));
    next.host.push('two:changed');
    await until(() => seen.includes('two:changed'));

    unsubscribe();
    await until(() => next.host.listeners.size === 0);
  });

  it('asks the host once for a live query several parts show, and releases it with the last', async () => {
    const { source, give } = sourceWithManualPorts();
    const client = createStoreClient(source);
    const host = serveFakeHost('one');
    closers.push(host.close);
    give(host.port);

    const a: unknown[] = [];
    const b: unknown[] = [];
    const other: unknown[] = [];
    const offA = await client.subscribe('session.current', {}, (r) => a.push(r.ok && r.value));
    await until(() => a.includes('one:first'));
    // A part that comes later shares it: the last answer at once, no second subscription.
    const offB = await client.subscribe('session.current', {}, (r) => b.push(r.ok && r.value));
    await until(() => b.includes('one:first'));
    expect(host.host.listeners.size).toBe(1);
    // Another input is another query.
    const offOther = await client.subscribe('interaction.list', { view: 'my-open' }, (r) =>
      other.push(r.ok && r.value),
    );
    await until(() => host.host.listeners.size === 2);

    host.host.push('one:changed');
    await until(() => a.includes('one:changed') && b.includes('one:changed'));
    expect(a).toEqual(['one:first', 'one:changed']);
    expect(b).toEqual(['one:first', 'one:changed']);

    offA();
    host.host.push('one:again');
    await until(() => b.includes('one:again'));
    expect(a).not.toContain('one:again');
    expect(host.host.listeners.size).toBe(2);
    offB();
    offOther();
    await until(() => host.host.listeners.size === 0);
  });
});
