// Tests the store host window adapter: it loads the store host page, reports its fate, and
// posts ports on the store channels. Uses a fake BrowserWindow.

import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, MessagePortMain } from 'electron';
import { IPC_CHANNEL, appPageUrl } from '../../shared/desktop-bridge';
import { createStoreHostWindowFactory } from './store-host-window';
import { FakeEmitter, asFake } from './test-support/fakes';

const fakeWindow = () => {
  const contents = Object.assign(new FakeEmitter(), { id: 31, postMessage: vi.fn() });
  const window = {
    webContents: contents,
    loadURL: vi.fn(() => Promise.reject(new Error('ERR_FILE_NOT_FOUND'))),
    isDestroyed: vi.fn(() => false),
    destroy: vi.fn(),
  };
  return { window, contents };
};

describe('store host window', () => {
  it('loads the store host page and relays what happens to it', () => {
    const { window, contents } = fakeWindow();
    const signals = {
      gone: vi.fn(),
      loadFailed: vi.fn(),
      unresponsive: vi.fn(),
      responsive: vi.fn(),
    };
    const handle = createStoreHostWindowFactory({
      createWindow: () => asFake<BrowserWindow>(window),
      options: { show: false },
      url: appPageUrl('storeHost'),
    })(signals);

    expect(window.loadURL).toHaveBeenCalledWith('app://deskpad/store-host.html');
    expect(handle.webContentsId).toBe(31);
    contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    contents.emit('unresponsive');
    contents.emit('responsive');
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://deskpad/x', false);
    contents.emit(
      'did-fail-load',
      {},
      -6,
      'ERR_FILE_NOT_FOUND',
      'app://deskpad/store-host.html',
      true,
    );
    expect(signals.gone).toHaveBeenCalledWith('oom');
    expect(signals.unresponsive).toHaveBeenCalledTimes(1);
    expect(signals.responsive).toHaveBeenCalledTimes(1);
    expect(signals.loadFailed).toHaveBeenCalledTimes(1);

    const port = asFake<MessagePortMain>({});
    handle.connect(4, port);
    handle.disconnect(4);
    expect(contents.postMessage).toHaveBeenNthCalledWith(
      1,
      IPC_CHANNEL.storeConnect,
      { windowId: 4 },
      [port],
    );
    expect(contents.postMessage).toHaveBeenNthCalledWith(2, IPC_CHANNEL.storeDisconnect, {
      windowId: 4,
    });

    handle.destroy();
    expect(window.destroy).toHaveBeenCalledTimes(1);
  });
});
