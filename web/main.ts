// The browser build's entry: takes a launcher's launch code out of the address, starts the store
// host in a SharedWorker (one per origin, shared by every tab) or, where there is none, a dedicated
// Worker, and mounts the renderer. No UI here.

import { mountDeskpad, type StorePort } from '../renderer/mount';
import { takeSessionFragment } from './session-fragment';
import { keepLastScreen } from './last-screen';
import { browserStoragePersistence } from './storage-persistence';

// Before anything else: the code must not stay in the address bar, the history or a bookmark.
const { launch: launchCode, setup: setupCode } = takeSessionFragment(window);

const WORKER_NAME = 'deskpad-store';

function openStorePort(): StorePort {
  if (typeof SharedWorker === 'function') {
    const worker = new SharedWorker(new URL('./store-worker.ts', import.meta.url), {
      type: 'module',
      name: WORKER_NAME,
    });
    return worker.port;
  }
  // A dedicated Worker speaks postMessage itself, so it is its own port.
  return new Worker(new URL('./store-worker.ts', import.meta.url), {
    type: 'module',
    name: WORKER_NAME,
  });
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// Keep the app for offline reloads and the next start (see vite.config.ts); not needed to work.
// After the first screen is drawn: the service worker fetches every file of the app to keep, and
// on a slow link that must not compete with the first screen's scripts (for a signed-in desk, the
// workspace's, asked for after the page's load event).
const registerServiceWorker = (): void => {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('./sw.js').catch((error: unknown) => {
    console.warn('Deskpad: offline reloads are unavailable:', error);
  });
};

// The outbox lives in IndexedDB: the browser is asked to keep it, and the agent is told (with the
// fix) when it will not, rather than losing unsynced work silently (renderer/storage).
// The launch code is exchanged by the store host before the first screen is decided (renderer/app).
mountDeskpad(
  root,
  { connect: (onPort) => onPort(openStorePort()) },
  {
    storage: browserStoragePersistence(navigator.storage),
    ...(launchCode !== null ? { launchCode } : {}),
    ...(setupCode !== null ? { setupCode } : {}),
    onFirstScreenDrawn: registerServiceWorker,
    onScreenShown: (screen) => keepLastScreen(() => localStorage, screen),
  },
);
