// The desktop store host's sync settings, from the bridge its preload exposes: the desk server
// main named and the token vault over safeStorage. Never reads a token itself.

import type { StoreHostBridge } from '../shared/store-host-bridge';
import { STORE_HOST_BRIDGE_KEY } from '../shared/store-host-bridge';

/** How the sync engine keeps its session token between restarts (SyncOptions.tokenVault). */
export interface TokenVault {
  /** Rejects where the OS cannot encrypt: the desk then keeps no token between restarts. */
  seal(token: string): Promise<string>;
  open(sealed: string): Promise<string | null>;
}

export interface DesktopSync {
  serverUrl: string;
  tokenVault: TokenVault;
}

/** The bridge, when this page runs in the desktop app's store host window with a desk server. */
export function storeHostBridge(win: object): StoreHostBridge | null {
  const bridge = (win as Record<string, unknown>)[STORE_HOST_BRIDGE_KEY];
  return typeof bridge === 'object' && bridge !== null ? (bridge as StoreHostBridge) : null;
}

export function desktopSync(bridge: StoreHostBridge): DesktopSync {
  return {
    serverUrl: bridge.serverUrl,
    tokenVault: {
      seal: (token) => bridge.sealToken(token),
      open: (sealed) => bridge.openToken(sealed),
    },
  };
}
