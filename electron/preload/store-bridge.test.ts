// Tests the store host preload: ports and closed-window notices reach the page, the page's
// ready/failed signal reaches main, and nothing is exposed on window.

import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL, PAGE_MESSAGE } from '../../shared/desktop-bridge';
import {
  SERVER_URL_SWITCH,
  STORE_HOST_BRIDGE_KEYS,
  STORE_HOST_IPC,
  type StoreHostBridge,
} from '../../shared/store-host-bridge';
import { createFakePage, fakePort } from './fake-page';
import {
  createStoreHostBridge,
  exposeStoreHostBridge,
  installStorePreload,
  type StoreHostInvoke,
  type StoreIpc,
} from './store-bridge';

const setup = (loaded = true) => {
  const ipc = Object.assign(new EventEmitter(), { send: vi.fn() });
  const page = createFakePage(loaded);
  installStorePreload(ipc as unknown as StoreIpc, page);
  return { ipc, page };
};

describe('store host preload', () => {
  it('gives the page each window’s port, tagged with the window id, once loaded', () => {
    const { ipc, page } = setup(false);
    const port = fakePort();
    ipc.emit(IPC_CHANNEL.storeConnect, { ports: [port] }, { windowId: 4 });
    page.load();
    expect(page.posted).toEqual([
      { message: { type: PAGE_MESSAGE.storeConnect, windowId: 4 }, ports: [port] },
    ]);
  });

  it('drops malformed connects', () => {
    const { ipc, page } = setup();
    ipc.emit(IPC_CHANNEL.storeConnect, { ports: [fakePort()] }, { windowId: 'x' });
    ipc.emit(IPC_CHANNEL.storeConnect, { ports: [] }, { windowId: 4 });
    expect(page.posted).toHaveLength(0);
  });

  it('tells the page when a window closed', () => {
    const { ipc, page } = setup();
    ipc.emit(IPC_CHANNEL.storeDisconnect, {}, { windowId: 4 });
    expect(page.posted).toEqual([
      { message: { type: PAGE_MESSAGE.storeDisconnect, windowId: 4 }, ports: [] },
    ]);
  });

  it('relays ready and a failure reason to main, and nothing else', () => {
    const { ipc, page } = setup();
    page.pagePosts({ type: PAGE_MESSAGE.storeHostReady });
    page.pagePosts({ type: PAGE_MESSAGE.storeHostFailed, message: 'The database is newer.' });
    page.pagePosts({ type: 'deskpad:store-port' });
    page.pagePosts({ type: 'anything', channel: 'store:request-port' });
    expect(ipc.send.mock.calls).toEqual([
      [IPC_CHANNEL.storeHostReady],
      [IPC_CHANNEL.storeHostFailed, 'The database is newer.'],
    ]);
  });

  it('closes ports instead of handing them to a page that is not ours', () => {
    const { ipc, page } = setup();
    page.appPage = false;
    const port = fakePort();
    ipc.emit(IPC_CHANNEL.storeConnect, { ports: [port] }, { windowId: 1 });
    page.pagePosts({ type: PAGE_MESSAGE.storeHostReady });
    expect(port.closed).toBe(true);
    expect(ipc.send).not.toHaveBeenCalled();
  });
});

describe('the store host bridge (window.deskpadStoreHost)', () => {
  const argv = ['electron', `${SERVER_URL_SWITCH}http://127.0.0.1:8787`];
  const fakeInvoke = (answers: Record<string, unknown>) => {
    const invoke = vi.fn((channel: string, ..._args: unknown[]) =>
      Promise.resolve(answers[channel]),
    );
    return { invoke, ipc: { invoke } as unknown as StoreHostInvoke };
  };

  it('exposes exactly the bridge keys, with the desk server main passed in', () => {
    const exposeInMainWorld = vi.fn();
    exposeStoreHostBridge({ exposeInMainWorld }, fakeInvoke({}).ipc, argv);
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, bridge] = exposeInMainWorld.mock.calls[0] as [string, StoreHostBridge];
    expect(key).toBe('deskpadStoreHost');
    expect(Object.keys(bridge).sort()).toEqual([...STORE_HOST_BRIDGE_KEYS].sort());
    expect(bridge.serverUrl).toBe('http://127.0.0.1:8787');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('exposes nothing without a desk server address', () => {
    const exposeInMainWorld = vi.fn();
    exposeStoreHostBridge({ exposeInMainWorld }, fakeInvoke({}).ipc, ['electron']);
    exposeStoreHostBridge({ exposeInMainWorld }, fakeInvoke({}).ipc, [
      `${SERVER_URL_SWITCH}javascript:alert(1)`,
    ]);
    expect(exposeInMainWorld).not.toHaveBeenCalled();
  });

  it('seals, opens and takes the launch token on the fixed channels, checking each answer', async () => {
    const { invoke, ipc } = fakeInvoke({
      [STORE_HOST_IPC.sealToken]: 'c2VhbGVk',
      [STORE_HOST_IPC.openToken]: 'token-1234567890abcdef',
      [STORE_HOST_IPC.takeLaunchToken]: null,
    });
    const bridge = createStoreHostBridge(ipc, argv);
    expect(await bridge?.sealToken('token-1234567890abcdef')).toBe('c2VhbGVk');
    expect(await bridge?.openToken('c2VhbGVk')).toBe('token-1234567890abcdef');
    expect(await bridge?.takeLaunchToken()).toBeNull();
    expect(invoke.mock.calls).toEqual([
      [STORE_HOST_IPC.sealToken, 'token-1234567890abcdef'],
      [STORE_HOST_IPC.openToken, 'c2VhbGVk'],
      [STORE_HOST_IPC.takeLaunchToken],
    ]);

    const odd = createStoreHostBridge(
      fakeInvoke({ [STORE_HOST_IPC.sealToken]: 42, [STORE_HOST_IPC.openToken]: { x: 1 } }).ipc,
      argv,
    );
    await expect(odd?.sealToken('token-1234567890abcdef')).rejects.toThrow(/could not be sealed/);
    expect(await odd?.openToken('c2VhbGVk')).toBeNull();
  });
});
