// Tests the two preload entry files as Electron loads them, with the `electron` module stubbed
// at its edge: the app preload exposes exactly `window.deskpad`; the store preload nothing.

import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DESKPAD_BRIDGE_KEYS } from '../../shared/desktop-bridge';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { on: vi.fn(), removeListener: vi.fn(), send: vi.fn() },
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

  it('store-preload exposes nothing and listens only on the store channels', async () => {
    await import('./store-preload');
    expect(electron.contextBridge.exposeInMainWorld).not.toHaveBeenCalled();
    const channels = electron.ipcRenderer.on.mock.calls.map(([channel]) => channel as string);
    expect(channels.sort()).toEqual(['store:connect', 'store:disconnect']);
  });
});
