// Builds the store host window's preload: relays ports and window-closed notices from main to
// the page, the page's ready/failed signal back, and exposes `window.deskpadStoreHost` (the desk
// server's address and the token vault). Never exposes ipcRenderer or a channel the page chooses.

import type { ContextBridge, IpcRenderer } from 'electron';
import {
  IPC_CHANNEL,
  PAGE_MESSAGE,
  readPageMessage,
  readStoreWindowRef,
} from '../../shared/desktop-bridge';
import {
  STORE_HOST_BRIDGE_KEY,
  STORE_HOST_IPC,
  readServerUrlSwitch,
  readToken,
  type StoreHostBridge,
} from '../../shared/store-host-bridge';
import type { PageWindow } from './page-window';

export type StoreIpc = Pick<IpcRenderer, 'on' | 'send'>;
export type StoreHostInvoke = Pick<IpcRenderer, 'invoke'>;

/** The store host's bridge; null without a desk server address from main (nothing to sync with). */
export const createStoreHostBridge = (
  ipc: StoreHostInvoke,
  argv: readonly string[],
): StoreHostBridge | null => {
  const serverUrl = readServerUrlSwitch(argv);
  if (serverUrl === null) return null;
  return Object.freeze({
    serverUrl,
    async sealToken(token: string): Promise<string> {
      const sealed: unknown = await ipc.invoke(STORE_HOST_IPC.sealToken, token);
      if (typeof sealed !== 'string') throw new Error('The token could not be sealed.');
      return sealed;
    },
    async openToken(sealed: string): Promise<string | null> {
      return readToken(await ipc.invoke(STORE_HOST_IPC.openToken, sealed));
    },
    async takeLaunchToken(): Promise<string | null> {
      return readToken(await ipc.invoke(STORE_HOST_IPC.takeLaunchToken));
    },
  } satisfies StoreHostBridge);
};

export const exposeStoreHostBridge = (
  contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>,
  ipc: StoreHostInvoke,
  argv: readonly string[],
): void => {
  const bridge = createStoreHostBridge(ipc, argv);
  if (bridge !== null) contextBridge.exposeInMainWorld(STORE_HOST_BRIDGE_KEY, bridge);
};

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
