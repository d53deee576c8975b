// The renderer's entry: mounts Deskpad into a page element, talking to the store host through the
// ports a StoreSource hands over. Never chooses the platform: web/ and Electron pages call this.

import { createRoot } from 'react-dom/client';
import { DeskpadApp } from './app/app';
import type { DeskpadDeps, ShownScreen } from './app/deskpad-context';
import { createUiState } from './app/ui-state';
import { createStoreClient } from './store-client';
import type { StoragePersistenceSource } from './storage/storage-persistence';
import type { StoreSource } from './store-source';
import type { StoreHostApi } from '../shared/store-api/contract';
// One stylesheet per subject, in the cascade's order.
import './styles/base.css';
import './styles/shell.css';
import './styles/controls.css';
import './styles/interaction-list.css';
import './styles/interaction-form.css';
// With the desk's others, not the workspace's script: one more stylesheet is one more request
// and a restyle of the whole page when the desk opens (decision 0016).
import './styles/templates.css';
import './styles/lookups.css';
import './styles/help-sign-in-attention.css';
import './styles/navigation.css';
import './styles/administration.css';
import './styles/admin-agents.css';
import './styles/walk-up.css';
import './styles/phone.css';
import './styles/dashboard.css';
import './styles/organization.css';
import './styles/escalation.css';
import './styles/sync-details.css';

export type { StorePort, StoreSource } from './store-source';

export interface MountOptions {
  now?: () => Date;
  newId?: () => string;
  /** The browser build's answer on persistent storage (renderer/storage); Electron grants it. */
  storage?: StoragePersistenceSource;
  /** A launcher's single-use code from the address (`/#launch=`), exchanged once for a session. */
  launchCode?: string;
  /** An empty server's setup code from the address (`/#setup=`): "Create the first administrator". */
  setupCode?: string;
  /** Once, after the frame that drew the first screen (Sign in or the desk). */
  onFirstScreenDrawn?: () => void;
  /** With each screen shown: Sign in, or the desk. */
  onScreenShown?: (screen: ShownScreen) => void;
}

export interface MountedDeskpad {
  /** The window's client of the store host, for what the page itself must tell it (a launch token). */
  store: StoreHostApi;
  unmount(): void;
}

export function mountDeskpad(
  root: HTMLElement,
  source: StoreSource,
  options: MountOptions = {},
): MountedDeskpad {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const store = createStoreClient(source);
  const deps: DeskpadDeps = {
    store,
    ui: createUiState(newId),
    now: options.now ?? (() => new Date()),
    newId,
    ...(options.storage ? { storage: options.storage } : {}),
    // Started here, once, not in an effect: a code works only once, and StrictMode runs effects twice.
    ...(options.setupCode ? { setupCode: options.setupCode } : {}),
    ...(options.onFirstScreenDrawn ? { onFirstScreenDrawn: options.onFirstScreenDrawn } : {}),
    ...(options.onScreenShown ? { onScreenShown: options.onScreenShown } : {}),
    ...(options.launchCode
      ? { launch: store.act('session.launch', { code: options.launchCode }) }
      : {}),
  };
  const reactRoot = createRoot(root);
  reactRoot.render(<DeskpadApp deps={deps} />);
  return { store: deps.store, unmount: () => reactRoot.unmount() };
}
