// Tests the two preload entry files as Electron loads them, with the `electron` module stubbed
// at its edge: the app preload exposes exactly `window.deskpad`; the store preload nothing.

import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DESKPAD_BRIDGE_KEYS } from '../../shared/desktop-bridge';
import { SERVER_URL_SWITCH, STORE_HOST_BRIDGE_KEYS } from '../../shared/store-host-bridge';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { on: vi.fn(), removeListener: vi.fn(), send: vi.fn(), invoke: vi.fn() },
}));
vi.mock('electron', () => electron);

beforeEach(() => {
  vi.resetModules();
  electron.contextBridge.exposeInMainWorld.mockClear();
  electron.ipcRenderer.on.mockClear();
  const page = Object.assign(new EventEmitter(), {
    location: { protocol: 'app:', host: 'deskpad' },
    document: { readyState: 'loading' },
    postMessage: vi.fn(),
    addEventListener: vi.fn(),
  });
  vi.stubGlobal('window', page);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('preload entries', () => {
  it('app-preload exposes window.deskpad with exactly the bridge keys', async () => {
    await import('./app-preload');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, object];
    expect(key).toBe('deskpad');
    expect(Object.keys(api).sort()).toEqual([...DESKPAD_BRIDGE_KEYS].sort());
    expect(electron.ipcRenderer.on).toHaveBeenCalledWith('store:port', expect.any(Function));
  });

  it('store-preload exposes nothing without a desk server, and listens only on the store channels', async () => {
    await import('./store-preload');
    expect(electron.contextBridge.exposeInMainWorld).not.toHaveBeenCalled();
    const channels = electron.ipcRenderer.on.mock.calls.map(([channel]) => channel as string);
    expect(channels.sort()).toEqual(['store:connect', 'store:disconnect']);
  });

  it('store-preload exposes only window.deskpadStoreHost when main names a desk server', async () => {
    vi.stubGlobal('process', {
      ...process,
      argv: [...process.argv, `${SERVER_URL_SWITCH}http://127.0.0.1:8787`],
    });
    await import('./store-preload');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, object];
    expect(key).toBe('deskpadStoreHost');
    expect(Object.keys(api).sort()).toEqual([...STORE_HOST_BRIDGE_KEYS].sort());
  });

  it('app-preload never gets the desk server or the token vault', async () => {
    vi.stubGlobal('process', {
      ...process,
      argv: [...process.argv, `${SERVER_URL_SWITCH}http://127.0.0.1:8787`],
    });
    await import('./app-preload');
    const keys = electron.contextBridge.exposeInMainWorld.mock.calls.map(([key]) => key as string);
    expect(keys).toEqual(['deskpad']);
  });
});
