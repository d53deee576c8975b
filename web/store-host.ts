// The Electron store host window's entry: the store host module the browser build runs in a Worker,
// served to each app window over the ports main brokers. Never renders UI.

import './csp-friendly-zod';
import {
  failedStoreHost,
  openFailure,
  openStoreHost,
  serveStoreHost,
} from '../electron/store/index';
import type { StoreHostApi } from '../shared/store-api/contract';
import { runStoreHostConnections } from './store-host-connections';

// Asks Chromium not to evict the database under disk pressure (main grants this to app://
// only); unsynced interactions live there. Best effort: the answer changes nothing here.
void navigator.storage?.persist?.().catch(() => false);

void runStoreHostConnections<StoreHostApi, MessagePort>({
  win: window,
  open: () => openStoreHost(),
  fallback: (error) => {
    const failure = openFailure(error);
    return { api: failedStoreHost(failure), reason: failure.message };
  },
  serve: (api, port) => serveStoreHost(api, port),
});
