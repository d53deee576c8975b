// Tests that IPC from main's point of view answers only trusted senders: the main frame of a
// known window showing app://deskpad. Uses a fake ipcMain (an event emitter).

import { describe, expect, it, vi } from 'vitest';
import type { IpcMain } from 'electron';
import { IPC_CHANNEL } from '../../shared/desktop-bridge';
import { registerIpcRoutes } from './ipc-routes';
import { isTrustedSender, type IpcSenderEvent } from './ipc-sender';
import { FakeEmitter, asFake, silentLog } from './test-support/fakes';

const APP_WINDOW = 7;
const STORE_HOST = 9;

const event = (
  senderId: number,
  frame: { url: string; parent: object | null } | null = {
    url: 'app://deskpad/desktop.html',
    parent: null,
  },
) => asFake<IpcSenderEvent>({ sender: { id: senderId }, senderFrame: frame });

const setup = () => {
  const ipcMain = new FakeEmitter();
  const handlers = {
    isAppWindow: (id: number) => id === APP_WINDOW,
    isStoreHost: (id: number) => id === STORE_HOST,
    requestStorePort: vi.fn(),
    storeHostReady: vi.fn(),
    storeHostFailed: vi.fn(),
  };
  const log = silentLog();
  registerIpcRoutes(asFake<Pick<IpcMain, 'on'>>(ipcMain), handlers, log);
  return { ipcMain, handlers, log };
};

describe('IPC sender checks', () => {
  const known = (id: number) => id === APP_WINDOW;

  it('trusts the main frame of a known window on app://deskpad', () => {
    expect(isTrustedSender(event(APP_WINDOW), known)).toBe(true);
  });

  it('refuses subframes, foreign pages, unknown windows and vanished frames', () => {
    expect(
      isTrustedSender(event(APP_WINDOW, { url: 'app://deskpad/x.html', parent: {} }), known),
    ).toBe(false);
    expect(
      isTrustedSender(event(APP_WINDOW, { url: 'https://example.org/', parent: null }), known),
    ).toBe(false);
    expect(isTrustedSender(event(APP_WINDOW, { url: 'file:///x.html', parent: null }), known)).toBe(
      false,
    );
    expect(isTrustedSender(event(42), known)).toBe(false);
    expect(isTrustedSender(event(APP_WINDOW, null), known)).toBe(false);
  });

  it('routes a store port request from an app window', () => {
    const { ipcMain, handlers } = setup();
    ipcMain.emit(IPC_CHANNEL.storeRequestPort, event(APP_WINDOW));
    expect(handlers.requestStorePort).toHaveBeenCalledWith(APP_WINDOW);
  });

  it('refuses store host messages from an app window, and port requests from the store host', () => {
    const { ipcMain, handlers, log } = setup();
    ipcMain.emit(IPC_CHANNEL.storeHostReady, event(APP_WINDOW));
    ipcMain.emit(IPC_CHANNEL.storeHostFailed, event(APP_WINDOW), 'boom');
    ipcMain.emit(IPC_CHANNEL.storeRequestPort, event(STORE_HOST));
    expect(handlers.storeHostReady).not.toHaveBeenCalled();
    expect(handlers.storeHostFailed).not.toHaveBeenCalled();
    expect(handlers.requestStorePort).not.toHaveBeenCalled();
    expect(log.lines.filter((line) => line.includes('untrusted sender'))).toHaveLength(3);
  });

  it('routes the store host signals, with the failure text capped', () => {
    const { ipcMain, handlers } = setup();
    ipcMain.emit(
      IPC_CHANNEL.storeHostReady,
      event(STORE_HOST, { url: 'app://deskpad/store-host.html', parent: null }),
    );
    ipcMain.emit(IPC_CHANNEL.storeHostFailed, event(STORE_HOST), 'x'.repeat(5000));
    ipcMain.emit(IPC_CHANNEL.storeHostFailed, event(STORE_HOST), { not: 'text' });
    expect(handlers.storeHostReady).toHaveBeenCalledWith(STORE_HOST);
    expect(handlers.storeHostFailed).toHaveBeenNthCalledWith(1, STORE_HOST, 'x'.repeat(2000));
    expect(handlers.storeHostFailed).toHaveBeenNthCalledWith(2, STORE_HOST, 'unknown error');
  });
});
