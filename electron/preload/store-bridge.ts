// Builds the store host window's preload: relays ports and window-closed notices from main to
// the page, and the page's ready/failed signal back. Exposes nothing on window.

import type { IpcRenderer } from 'electron';
import {
  IPC_CHANNEL,
  PAGE_MESSAGE,
  readPageMessage,
  readStoreWindowRef,
} from '../../shared/desktop-bridge';
import type { PageWindow } from './page-window';

export type StoreIpc = Pick<IpcRenderer, 'on' | 'send'>;

export const installStorePreload = (ipc: StoreIpc, page: PageWindow): void => {
  ipc.on(IPC_CHANNEL.storeConnect, (event, payload: unknown) => {
    const ref = readStoreWindowRef(payload);
    const [port] = event.ports;
    if (ref === null || port === undefined) return;
    page.whenLoaded(() => {
      if (page.isAppPage()) {
        page.post({ type: PAGE_MESSAGE.storeConnect, windowId: ref.windowId }, [port]);
      } else port.close();
    });
  });

  ipc.on(IPC_CHANNEL.storeDisconnect, (_event, payload: unknown) => {
    const ref = readStoreWindowRef(payload);
    if (ref === null) return;
    page.whenLoaded(() => {
      if (page.isAppPage())
        page.post({ type: PAGE_MESSAGE.storeDisconnect, windowId: ref.windowId }, []);
    });
  });

  page.onMessage((data) => {
    if (!page.isAppPage()) return;
    const message = readPageMessage(data);
    if (message?.type === PAGE_MESSAGE.storeHostReady) ipc.send(IPC_CHANNEL.storeHostReady);
    if (message?.type === PAGE_MESSAGE.storeHostFailed) {
      ipc.send(IPC_CHANNEL.storeHostFailed, message.message);
    }
  });
};
