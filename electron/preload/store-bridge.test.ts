// Tests the store host preload: ports and closed-window notices reach the page, the page's
// ready/failed signal reaches main, and nothing is exposed on window.

import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL, PAGE_MESSAGE } from '../../shared/desktop-bridge';
import { createFakePage, fakePort } from './fake-page';
import { installStorePreload, type StoreIpc } from './store-bridge';

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
