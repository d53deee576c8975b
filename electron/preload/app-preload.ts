// The app window's preload (bundled to CommonJS: sandboxed preloads cannot be ES modules).
// Exposes `window.deskpad` and forwards store ports; never anything else.

import { contextBridge, ipcRenderer } from 'electron';
import { installAppPreload } from './app-bridge';
import { browserPageWindow } from './page-window';

installAppPreload({
  contextBridge,
  ipc: ipcRenderer,
  platform: process.platform,
  argv: process.argv,
  page: browserPageWindow(window),
});
