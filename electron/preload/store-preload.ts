// The store host window's preload (bundled to CommonJS for the sandbox). Relays ports and
// lifecycle messages between main and the store host page; exposes nothing to the page.

import { ipcRenderer } from 'electron';
import { browserPageWindow } from './page-window';
import { installStorePreload } from './store-bridge';

installStorePreload(ipcRenderer, browserPageWindow(window));
