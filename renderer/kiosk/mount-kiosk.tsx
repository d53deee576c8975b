// The kiosk page's entry into React: builds the page's calls and memory from what the page hands
// over (fetch, localStorage, its address) and mounts the kiosk. Never chooses the server itself.

import { createRoot } from 'react-dom/client';
import '../styles/base.css';
import '../styles/kiosk.css';
import { createKioskApi, type Fetch } from './kiosk-api';
import { KioskApp } from './kiosk-app';
import { kioskMemory, type KioskStorage } from './kiosk-storage';

export interface KioskPage {
  fetch: Fetch;
  storage: KioskStorage;
  /** The page's address: `?location=ID` names the location. */
  search: string;
  now?: () => Date;
  newId?: () => string;
}

export function mountKiosk(root: HTMLElement, page: KioskPage): () => void {
  const now = page.now ?? (() => new Date());
  const memory = kioskMemory(page.storage, now);
  const api = createKioskApi(page.fetch, memory.token);
  const locationId = new URLSearchParams(page.search).get('location')?.trim() || null;
  const reactRoot = createRoot(root);
  reactRoot.render(
    <KioskApp
      api={api}
      memory={memory}
      locationId={locationId}
      newId={page.newId ?? (() => crypto.randomUUID())}
    />,
  );
  return () => reactRoot.unmount();
}
