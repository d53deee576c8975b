// The browser build's store host: one per origin in a SharedWorker (every tab connects to it),
// or one per tab in a dedicated Worker where SharedWorker is missing, syncing with the page's own
// origin. Serves; never renders.

import type { Endpoint } from 'comlink';
import {
  FIRST_SYNC_WAIT_MS,
  consoleSink,
  createLogger,
  serveStoreHost,
  startStoreHost,
} from '../electron/store/index';

/** The two worker scopes, as far as this file needs them (the DOM lib has no worker types). */
interface WorkerScope extends Endpoint {
  onconnect?: unknown;
  readonly location: { readonly origin: string };
  addEventListener(type: 'connect', listener: (event: MessageEvent) => void): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject): void;
}

const scope = globalThis as unknown as WorkerScope;

// Opened once; served at once, so no request is lost while the database opens (calls wait for
// it), and if it cannot open (a newer database) every request is answered with the reason.
// It syncs with the origin that served the page: the desk server serves the app at `/`. A plain
// file server (`npm run web`) is no desk server, and the desk then works on its own as before.
const { api } = startStoreHost({
  // A tab's first screen goes before the first sync (it says when it has drawn it).
  sync: { serverUrl: scope.location.origin, firstSyncWaitMs: FIRST_SYNC_WAIT_MS },
  logger: createLogger({ sink: consoleSink }),
});

if ('onconnect' in scope) {
  scope.addEventListener('connect', (event: MessageEvent) => {
    const [port] = event.ports;
    if (port) serveStoreHost(api, port);
  });
} else {
  serveStoreHost(api, scope);
}
