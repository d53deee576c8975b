// The real Deskpad UI on a store host with the bench's directory size (web/main.ts, with the
// size and database taken from the URL), plus the probes the runner reads. No UI of its own.

import { mountDeskpad, type StorePort } from '../../renderer/mount';
import { optionsFromSearch, workerName } from './app-options';
import { installAppProbe } from './app-probe';

function openStorePort(): StorePort {
  const name = workerName(optionsFromSearch(location.search));
  if (typeof SharedWorker === 'function') {
    return new SharedWorker(new URL('./app-store-worker.ts', import.meta.url), {
      type: 'module',
      name,
    }).port;
  }
  return new Worker(new URL('./app-store-worker.ts', import.meta.url), { type: 'module', name });
}

const root = document.getElementById('root');
if (!root) throw new Error('app.html has no #root element.');

installAppProbe(window, openStorePort);
mountDeskpad(root, { connect: (onPort) => onPort(openStorePort()) });
