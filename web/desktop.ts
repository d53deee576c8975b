// The Electron app window's composition root: mounts the renderer on the store ports main
// brokers to this window. Never opens the store itself; in Electron it lives in its own window.

import { mountDeskpad } from '../renderer/mount';
import { createDesktopStoreSource } from './desktop-store-source';

// Listen before anything else runs, so no port the preload forwards can be missed.
const source = createDesktopStoreSource(window);

const root = document.getElementById('root');
if (root === null) throw new Error('desktop.html has no #root element');
mountDeskpad(root, source);
