// The real Deskpad UI on a store host that syncs with the desk server serving this page, in a
// dedicated Worker, plus the probe the runner reads. No UI of its own.

import { mountDeskpad, type StorePort } from '../../renderer/mount';
import { optionsFromSearch, workerName } from './app-options';
import { installDeskProbe } from './desk-probe';
import type { DeskWorkerMessage } from './desk-worker-messages';

const worker = new Worker(new URL('./desk-store-worker.ts', import.meta.url), {
  type: 'module',
  name: workerName(optionsFromSearch(location.search)),
});

const post = (message: DeskWorkerMessage, transfer: Transferable[] = []): void =>
  worker.postMessage(message, transfer);

/** One port per caller (the app, the probe), each served by the same store host. */
function openStorePort(): StorePort {
  const channel = new MessageChannel();
  post({ type: 'deskpad-connect' }, [channel.port2]);
  return channel.port1;
}

// `?relay=0` leaves the worker to Chromium alone, to show what the store host then misses.
if (new URLSearchParams(location.search).get('relay') !== '0') {
  for (const type of ['online', 'offline'] as const)
    window.addEventListener(type, () =>
      post({ type: 'deskpad-connectivity', online: navigator.onLine }),
    );
}

const root = document.getElementById('root');
if (!root) throw new Error('desk.html has no #root element.');

installDeskProbe(window, openStorePort);
mountDeskpad(root, { connect: (onPort) => onPort(openStorePort()) });
