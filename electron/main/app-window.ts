// Opens one app window: secure options, remembered bounds, and a store port each time its page
// (re)loads. Never loads anything but the app:// page and never touches the store itself.

import type { BrowserWindow, BrowserWindowConstructorOptions, MessagePortMain } from 'electron';
import { IPC_CHANNEL } from '../../shared/desktop-bridge';
import type { Log } from './log';
import type { StoreHostSupervisor } from './store-host-supervisor';
import { trackWindowState, type WindowStateSaver } from './window-state';

export interface AppWindowDeps {
  createWindow(options: BrowserWindowConstructorOptions): BrowserWindow;
  readonly options: BrowserWindowConstructorOptions;
  readonly url: string;
  readonly maximized: boolean;
  readonly saver: WindowStateSaver;
  readonly supervisor: Pick<
    StoreHostSupervisor<MessagePortMain>,
    'addAppWindow' | 'removeAppWindow' | 'requestPort'
  >;
  readonly log: Log;
  onClosed(window: BrowserWindow): void;
  /**
   * The page holds unsaved typing and refused to unload (its `beforeunload`): ask the agent.
   * True means leave anyway and lose it.
   */
  confirmLeave(window: BrowserWindow): boolean;
}

export const openAppWindow = (deps: AppWindowDeps): BrowserWindow => {
  const window = deps.createWindow(deps.options);
  const contents = window.webContents;
  // webContents.id is stable for the window's life and unknown to the page.
  const windowId = contents.id;

  trackWindowState(window, deps.saver);
  deps.supervisor.addAppWindow({
    windowId,
    sendStorePort: (port) => {
      if (!contents.isDestroyed()) contents.postMessage(IPC_CHANNEL.storePort, null, [port]);
    },
  });
  // Electron shows no prompt of its own for a refused unload: without this, closing a window
  // with unsaved typing would silently do nothing.
  contents.on('will-prevent-unload', (event: { preventDefault(): void }) => {
    if (deps.confirmLeave(window)) event.preventDefault();
  });
  // Every load, the first and any reload, starts a page without a port.
  contents.on('did-finish-load', () => deps.supervisor.requestPort(windowId));
  window.once('ready-to-show', () => {
    if (deps.maximized) window.maximize();
    window.show();
  });
  window.on('closed', () => {
    deps.supervisor.removeAppWindow(windowId);
    deps.onClosed(window);
  });
  window.loadURL(deps.url).catch((error: unknown) => {
    deps.log.error(`Could not load ${deps.url}: ${String(error)}`);
  });
  return window;
};
