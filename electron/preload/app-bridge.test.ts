// Tests the app preload: exactly the bridge keys are exposed, menu commands reach the page
// without the IPC event, and store ports are handed over only to our own, loaded page.

import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { IpcRenderer } from 'electron';
import {
  APP_VERSION_SWITCH,
  DESKPAD_BRIDGE_KEYS,
  IPC_CHANNEL,
  type DeskpadBridge,
} from '../../shared/desktop-bridge';
import {
  createDeskpadBridge,
  forwardStorePorts,
  installAppPreload,
  type BridgeIpc,
} from './app-bridge';
import { createFakePage, fakePort } from './fake-page';

const fakeIpc = () => Object.assign(new EventEmitter(), { send: vi.fn() });
const asIpc = (ipc: ReturnType<typeof fakeIpc>) =>
  ipc as unknown as BridgeIpc & Pick<IpcRenderer, 'on'>;

describe('app preload bridge', () => {
  it('exposes one object, window.deskpad, with exactly the bridge keys', () => {
    const exposeInMainWorld = vi.fn();
    installAppPreload({
      contextBridge: { exposeInMainWorld },
      ipc: asIpc(fakeIpc()),
      platform: 'linux',
      argv: [`${APP_VERSION_SWITCH}0.1.0`],
      page: createFakePage(),
    });
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = exposeInMainWorld.mock.calls[0] as [string, DeskpadBridge];
    expect(key).toBe('deskpad');
    expect(Object.keys(api).sort()).toEqual([...DESKPAD_BRIDGE_KEYS].sort());
    expect(api.platform).toBe('linux');
    expect(api.appVersion).toBe('0.1.0');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('passes menu commands to the page without the IPC event, and stops on unsubscribe', () => {
    const ipc = fakeIpc();
    const bridge = createDeskpadBridge(asIpc(ipc), 'win32', []);
    const listener = vi.fn();
    const stop = bridge.onMenuCommand(listener);
    ipc.emit(IPC_CHANNEL.menuCommand, { sender: 'the raw event' }, 'save');
    ipc.emit(IPC_CHANNEL.menuCommand, { sender: 'the raw event' }, 'rm -rf');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual(['save']);
    stop();
    ipc.emit(IPC_CHANNEL.menuCommand, {}, 'save');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipc.listenerCount(IPC_CHANNEL.menuCommand)).toBe(0);
  });

  it('refuses a listener that is not a function', () => {
    const bridge = createDeskpadBridge(asIpc(fakeIpc()), 'linux', []);
    expect(() => bridge.onMenuCommand('save' as unknown as () => void)).toThrow(TypeError);
  });

  it('passes checked call links to the page, keeping the newest until the page listens', () => {
    const ipc = fakeIpc();
    const bridge = createDeskpadBridge(asIpc(ipc), 'linux', []);
    ipc.emit(IPC_CHANNEL.callLink, {}, { from: '1001' });
    ipc.emit(IPC_CHANNEL.callLink, {}, { from: '1002', callId: 'c-2' });
    ipc.emit(IPC_CHANNEL.callLink, {}, { from: 'anonymous' });
    const listener = vi.fn();
    const stop = bridge.onCallLink(listener);
    expect(listener.mock.calls).toEqual([[{ from: '1002', callId: 'c-2' }]]);
    ipc.emit(IPC_CHANNEL.callLink, { sender: 'the raw event' }, { from: '1003' });
    ipc.emit(IPC_CHANNEL.callLink, {}, { from: '1004', extra: 'refused' });
    expect(listener.mock.calls).toEqual([[{ from: '1002', callId: 'c-2' }], [{ from: '1003' }]]);
    stop();
    ipc.emit(IPC_CHANNEL.callLink, {}, { from: '1005' });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('asks main for a store port on its one fixed channel', () => {
    const ipc = fakeIpc();
    createDeskpadBridge(asIpc(ipc), 'darwin', []).requestStorePort();
    expect(ipc.send).toHaveBeenCalledWith(IPC_CHANNEL.storeRequestPort);
  });

  it('hands a store port to the page once it has loaded', () => {
    const ipc = fakeIpc();
    const page = createFakePage(false);
    forwardStorePorts(asIpc(ipc), page);
    const port = fakePort();
    ipc.emit(IPC_CHANNEL.storePort, { ports: [port] });
    expect(page.posted).toHaveLength(0);
    page.load();
    expect(page.posted).toEqual([{ message: { type: 'deskpad:store-port' }, ports: [port] }]);
  });

  it('never hands a port to a page that is not ours; closes it instead', () => {
    const ipc = fakeIpc();
    const page = createFakePage();
    page.appPage = false;
    forwardStorePorts(asIpc(ipc), page);
    const port = fakePort();
    ipc.emit(IPC_CHANNEL.storePort, { ports: [port] });
    expect(page.posted).toHaveLength(0);
    expect(port.closed).toBe(true);
  });

  it('ignores a store port message without a port', () => {
    const ipc = fakeIpc();
    const page = createFakePage();
    forwardStorePorts(asIpc(ipc), page);
    ipc.emit(IPC_CHANNEL.storePort, { ports: [] });
    expect(page.posted).toHaveLength(0);
  });
});
