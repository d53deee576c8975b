// The browser build's store host with sync switched on (`sync: { serverUrl }` = this page's own
// origin, the desk server that served it), in a dedicated Worker. Serves ports; never renders.

import { serveStoreHost, startStoreHost } from '../../electron/store/index';
import { parseWorkerName } from './app-options';
import { isDeskWorkerMessage } from './desk-worker-messages';

interface WorkerScope {
  name: string;
  location: { origin: string };
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  dispatchEvent(event: Event): boolean;
}

const scope = globalThis as unknown as WorkerScope;
const { api } = startStoreHost({
  ...parseWorkerName(scope.name),
  sync: { serverUrl: scope.location.origin },
});

scope.addEventListener('message', (event: MessageEvent) => {
  const message: unknown = event.data;
  if (!isDeskWorkerMessage(message)) return;
  if (message.type === 'deskpad-connect') {
    const [port] = event.ports;
    if (port) serveStoreHost(api, port);
    return;
  }
  // The store host listens on its global scope, as it would if Chromium fired the event there.
  scope.dispatchEvent(new Event(message.online ? 'online' : 'offline'));
});
