// The store host window's preload (bundled to CommonJS for the sandbox). Relays ports and
// lifecycle messages between main and the store host page, and exposes window.deskpadStoreHost only.

import { contextBridge, ipcRenderer } from 'electron';
import { browserPageWindow } from './page-window';
import { exposeStoreHostBridge, installStorePreload } from './store-bridge';

exposeStoreHostBridge(contextBridge, ipcRenderer, process.argv);
installStorePreload(ipcRenderer, browserPageWindow(window));
