// The Electron store host window's entry: the store host module the browser build runs in a Worker,
// served to each app window over the ports main brokers, syncing with the desk server main named
// and keeping its session token sealed by safeStorage. Never renders UI.

import {
  FIRST_SYNC_WAIT_MS,
  consoleSink,
  createLogger,
  failedStoreHost,
  openFailure,
  openStoreHost,
  serveStoreHost,
  type StoreHostOptions,
} from '../electron/store/index';
import type { StoreHostApi } from '../shared/store-api/contract';
import { launchSession } from './adopt-session';
import { desktopSync, storeHostBridge } from './desktop-sync';
import { runStoreHostConnections } from './store-host-connections';

// Asks Chromium not to evict the database under disk pressure (main grants this to app://
// only); unsynced interactions live there. Best effort: the answer changes nothing here.
void navigator.storage?.persist?.().catch(() => false);

const bridge = storeHostBridge(window);
// Warnings and errors also reach this window's console, where a field engineer looks first.
const options: StoreHostOptions = { logger: createLogger({ sink: consoleSink }) };
if (bridge !== null) {
  // The session is kept sealed across restarts; the windows' first screens go before the first
  // sync (each says when it has drawn it).
  options.sync = { ...desktopSync(bridge), firstSyncWaitMs: FIRST_SYNC_WAIT_MS };
}

void runStoreHostConnections<StoreHostApi, MessagePort>({
  win: window,
  open: async () => {
    const host = await openStoreHost(options);
    // `npm start` hands a single-use launch code; the host exchanges it for a session (asking
    // first if another agent is signed in). Windows get their ports meanwhile.
    void bridge
      ?.takeLaunchToken()
      .then((token) => (token === null ? false : launchSession(host, token, console.warn)))
      .catch((error: unknown) => console.warn('Deskpad: no launch session:', error));
    return host;
  },
  fallback: (error) => {
    const failure = openFailure(error);
    return { api: failedStoreHost(failure), reason: failure.message };
  },
  serve: (api, port) => serveStoreHost(api, port),
});
