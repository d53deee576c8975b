// Creates one incarnation of the hidden store host window and reports its fate to the
// supervisor. Never shows the window and never decides about restarts itself.

import type { BrowserWindow, BrowserWindowConstructorOptions, MessagePortMain } from 'electron';
import { IPC_CHANNEL } from '../../shared/desktop-bridge';
import type { StoreHostHandle, StoreHostSignals } from './store-host-supervisor';

export interface StoreHostWindowDeps {
  createWindow(options: BrowserWindowConstructorOptions): BrowserWindow;
  readonly options: BrowserWindowConstructorOptions;
  readonly url: string;
}

export const createStoreHostWindowFactory =
  (deps: StoreHostWindowDeps) =>
  (signals: StoreHostSignals): StoreHostHandle<MessagePortMain> => {
    const window = deps.createWindow(deps.options);
    const contents = window.webContents;
    contents.on('render-process-gone', (_event, details) => signals.gone(details.reason));
    contents.on('unresponsive', () => signals.unresponsive());
    contents.on('responsive', () => signals.responsive());
    contents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
      if (isMainFrame) signals.loadFailed(`${code} ${description}`);
    });
    // A failed load is reported through did-fail-load above; the rejection adds nothing.
    window.loadURL(deps.url).catch(() => undefined);
    return {
      webContentsId: contents.id,
      connect: (windowId, port) =>
        contents.postMessage(IPC_CHANNEL.storeConnect, { windowId }, [port]),
      disconnect: (windowId) => contents.postMessage(IPC_CHANNEL.storeDisconnect, { windowId }),
      destroy: () => {
        if (!window.isDestroyed()) window.destroy();
      },
    };
  };
