// The preload's view of its own page: post a message (with ports) to the page, hear messages
// the page posted to itself, and wait for load. Never posts anything to a page not on app://.

import { APP_HOST, APP_SCHEME, type PageMessage } from '../../shared/desktop-bridge';

export interface PageWindow {
  /** True only while the page is ours; ports are never handed to anything else. */
  isAppPage(): boolean;
  /** Runs callback once the page's scripts have installed their listeners. */
  whenLoaded(callback: () => void): void;
  post(message: PageMessage, ports: readonly MessagePort[]): void;
  /** Hears only messages the page posted to its own window, never from other frames. */
  onMessage(listener: (data: unknown) => void): void;
}

export const browserPageWindow = (win: Window): PageWindow => ({
  isAppPage: () => win.location.protocol === `${APP_SCHEME}:` && win.location.host === APP_HOST,
  whenLoaded: (callback) => {
    if (win.document.readyState === 'complete') callback();
    else win.addEventListener('load', () => callback(), { once: true });
  },
  // The message goes to this same window (guarded by isAppPage), so '*' leaks nothing; the
  // page checks event.source === window.
  post: (message, ports) => win.postMessage(message, '*', [...ports]),
  onMessage: (listener) => {
    win.addEventListener('message', (event) => {
      if (event.source === win) listener(event.data);
    });
  },
});
