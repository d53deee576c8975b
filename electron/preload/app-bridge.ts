// Builds the app window's preload: the one `window.deskpad` object and the forwarding of store
// ports to the page. Never exposes ipcRenderer, an IPC event, or a channel the page can choose.

import type { ContextBridge, IpcRenderer } from 'electron';
import {
  DESKPAD_BRIDGE_KEY,
  IPC_CHANNEL,
  PAGE_MESSAGE,
  isMenuCommand,
  readAppVersion,
  toDesktopPlatform,
  type DeskpadBridge,
  type MenuCommand,
} from '../../shared/desktop-bridge';
import { CallLink } from '../../shared/call-link';
import type { PageWindow } from './page-window';

export type BridgeIpc = Pick<IpcRenderer, 'on' | 'removeListener' | 'send'>;

/**
 * Call links from main, kept from the moment the preload runs: the link that launched the app
 * arrives before the page has mounted its listener. Only the newest is kept (an older call is over).
 */
const callLinkInbox = (ipc: BridgeIpc) => {
  let waiting: CallLink | null = null;
  const listeners = new Set<(link: CallLink) => void>();
  ipc.on(IPC_CHANNEL.callLink, (_event: unknown, raw: unknown) => {
    const parsed = CallLink.safeParse(raw);
    if (!parsed.success) return;
    if (listeners.size === 0) waiting = parsed.data;
    for (const listener of listeners) listener(parsed.data);
  });
  return (listener: (link: CallLink) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onCallLink needs a function');
    listeners.add(listener);
    if (waiting !== null) {
      const link = waiting;
      waiting = null;
      listener(link);
    }
    return () => {
      listeners.delete(listener);
    };
  };
};

export const createDeskpadBridge = (
  ipc: BridgeIpc,
  platform: string,
  argv: readonly string[],
): DeskpadBridge => {
  const onCallLink = callLinkInbox(ipc);
  return Object.freeze({
    platform: toDesktopPlatform(platform),
    appVersion: readAppVersion(argv),
    onMenuCommand(listener: (command: MenuCommand) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function');
      // The page gets the command id only, never the IPC event (it reaches ipcRenderer).
      const forward = (_event: unknown, command: unknown): void => {
        if (isMenuCommand(command)) listener(command);
      };
      ipc.on(IPC_CHANNEL.menuCommand, forward);
      return () => {
        ipc.removeListener(IPC_CHANNEL.menuCommand, forward);
      };
    },
    requestStorePort(): void {
      ipc.send(IPC_CHANNEL.storeRequestPort);
    },
    onCallLink,
  } satisfies DeskpadBridge);
};

/** Hands each store port main sends to the page; a MessagePort cannot cross contextBridge. */
export const forwardStorePorts = (ipc: Pick<IpcRenderer, 'on'>, page: PageWindow): void => {
  ipc.on(IPC_CHANNEL.storePort, (event) => {
    const [port] = event.ports;
    if (port === undefined) return;
    page.whenLoaded(() => {
      if (page.isAppPage()) page.post({ type: PAGE_MESSAGE.storePort }, [port]);
      else port.close();
    });
  });
};

export interface AppPreloadDeps {
  readonly contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>;
  readonly ipc: BridgeIpc;
  readonly platform: string;
  readonly argv: readonly string[];
  readonly page: PageWindow;
}

export const installAppPreload = (deps: AppPreloadDeps): void => {
  deps.contextBridge.exposeInMainWorld(
    DESKPAD_BRIDGE_KEY,
    createDeskpadBridge(deps.ipc, deps.platform, deps.argv),
  );
  forwardStorePorts(deps.ipc, deps.page);
};
