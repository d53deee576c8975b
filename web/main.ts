// The browser build's entry: starts the store host in a SharedWorker (one per origin, shared by
// every tab) or, where there is none, a dedicated Worker, and mounts the renderer. No UI here.

// First: the page's CSP forbids eval, and zod would otherwise probe for it.
import './csp-friendly-zod';
import { mountDeskpad, type StorePort } from '../renderer/mount';

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

mountDeskpad(root, { connect: (onPort) => onPort(openStorePort()) });
