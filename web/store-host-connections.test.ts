// Tests the store host page: ports wait for the store to open, each window keeps one port,
// closed windows' ports are closed, and ready/failed is reported. Plain fakes, no Comlink.

import { describe, expect, it, vi } from 'vitest';
import type { PageMessage } from '../shared/desktop-bridge';
import {
  runStoreHostConnections,
  type PortMessage,
  type StoreHostPageWindow,
} from './store-host-connections';

interface FakePort {
  readonly name: string;
  closed: boolean;
  close(): void;
}

const fakePort = (name: string): FakePort => {
  const port: FakePort = { name, closed: false, close: () => (port.closed = true) };
  return port;
};

const fakeWindow = () => {
  const listeners: ((event: PortMessage<FakePort>) => void)[] = [];
  const posted: PageMessage[] = [];
  const win: StoreHostPageWindow<FakePort> & {
    posted: PageMessage[];
    connect(windowId: number, port: FakePort, source?: unknown): void;
    disconnect(windowId: number): void;
  } = {
    posted,
    addEventListener: (_type, listener) => listeners.push(listener),
    postMessage: (message) => posted.push(message),
    connect: (windowId, port, source = win) => {
      for (const listener of listeners) {
        listener({ source, data: { type: 'deskpad:store-connect', windowId }, ports: [port] });
      }
    },
    disconnect: (windowId) => {
      for (const listener of listeners) {
        listener({ source: win, data: { type: 'deskpad:store-disconnect', windowId }, ports: [] });
      }
    },
  };
  return win;
};

const fallback = (error: unknown) => ({
  api: 'failed-api',
  reason: error instanceof Error ? error.message : 'unknown',
});

const served = () => {
  const closed: FakePort[] = [];
  const serve = vi.fn((_api: string, port: FakePort) => ({ close: () => closed.push(port) }));
  return { serve, closed };
};

const deferred = <T>() => {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

describe('store host connections', () => {
  it('serves ports that arrived while opening, then reports ready', async () => {
    const win = fakeWindow();
    const opening = deferred<string>();
    const { serve } = served();
    const running = runStoreHostConnections({ win, open: () => opening.promise, fallback, serve });
    const early = fakePort('early');
    win.connect(1, early);
    expect(serve).not.toHaveBeenCalled();
    opening.resolve('api');
    await running;
    expect(serve).toHaveBeenCalledWith('api', early);
    expect(win.posted).toEqual([{ type: 'deskpad:store-host-ready' }]);

    const later = fakePort('later');
    win.connect(2, later);
    expect(serve).toHaveBeenLastCalledWith('api', later);
  });

  it('ends a reloaded window’s old service, and the service of a closed window', async () => {
    const win = fakeWindow();
    const { serve, closed } = served();
    await runStoreHostConnections({ win, open: () => Promise.resolve('api'), fallback, serve });
    const first = fakePort('first');
    const second = fakePort('second');
    win.connect(1, first);
    win.connect(1, second);
    expect(closed).toEqual([first]);
    win.disconnect(1);
    expect(closed).toEqual([first, second]);
  });

  it('closes a waiting port whose window closed before the store opened', async () => {
    const win = fakeWindow();
    const opening = deferred<string>();
    const { serve } = served();
    const running = runStoreHostConnections({ win, open: () => opening.promise, fallback, serve });
    const waiting = fakePort('waiting');
    win.connect(1, waiting);
    win.disconnect(1);
    opening.resolve('api');
    await running;
    expect(waiting.closed).toBe(true);
    expect(serve).not.toHaveBeenCalled();
  });

  it('ignores ports posted from another window', async () => {
    const win = fakeWindow();
    const { serve } = served();
    await runStoreHostConnections({ win, open: () => Promise.resolve('api'), fallback, serve });
    win.connect(1, fakePort('foreign'), {});
    expect(serve).not.toHaveBeenCalled();
  });

  it('serves the failure answer and tells main why the store could not open', async () => {
    const win = fakeWindow();
    const opening = deferred<string>();
    const { serve } = served();
    const running = runStoreHostConnections({ win, open: () => opening.promise, fallback, serve });
    const waiting = fakePort('waiting');
    win.connect(1, waiting);
    const newer = 'This database was written by a newer Deskpad (schema 3; this app knows 2).';
    opening.reject(new Error(newer));
    await running;
    expect(win.posted).toEqual([{ type: 'deskpad:store-host-failed', message: newer }]);
    expect(serve).toHaveBeenCalledWith('failed-api', waiting);
    const late = fakePort('late');
    win.connect(2, late);
    expect(serve).toHaveBeenLastCalledWith('failed-api', late);
  });
});
