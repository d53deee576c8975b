// The browser build's store host (as web/store-worker.ts), opened on the directory size and
// database the bench page names in the worker's name. Serves; never renders.

import type { Endpoint } from 'comlink';
import { serveStoreHost, startStoreHost } from '../../electron/store/index';
import { parseWorkerName } from './app-options';

interface WorkerScope extends Endpoint {
  name: string;
  onconnect?: unknown;
  addEventListener(type: 'connect', listener: (event: MessageEvent) => void): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject): void;
}

const scope = globalThis as unknown as WorkerScope;
const { api } = startStoreHost(parseWorkerName(scope.name));

if ('onconnect' in scope) {
  scope.addEventListener('connect', (event: MessageEvent) => {
    const [port] = event.ports;
    if (port) serveStoreHost(api, port);
  });
} else {
  serveStoreHost(api, scope);
}
