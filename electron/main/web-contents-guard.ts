// Hardens every webContents the app creates: no new windows, no navigation away from the page it
// shows (so an app window can never become a second store host; an export link is downloaded), no <webview>. Applied from
// `web-contents-created`, so no window can be forgotten.

import type { WebContents } from 'electron';
import { isAppUrl } from './app-url';

export type GuardedWebContents = Pick<
  WebContents,
  'on' | 'setWindowOpenHandler' | 'getURL' | 'downloadURL'
>;

export interface GuardLog {
  warn(message: string): void;
}

const describeUrl = (url: string): string => (url.length > 200 ? `${url.slice(0, 200)}…` : url);

/** Our pages are single-page apps: the only navigation they make is to the page they already show. */
const samePage = (target: string, current: string): boolean => {
  if (current === '' || current === 'about:blank') return true;
  try {
    return new URL(target).pathname === new URL(current).pathname;
  } catch {
    return false;
  }
};

const EXPORT_PATH = /^\/api\/v1\/export\/(interactions|incidents|requests)\.csv$/;

/**
 * A CSV export's single-use link on the desk server (Administration → Export): the one address
 * outside the app a window may go to, and only as a download, never as a page.
 */
export function isExportDownload(url: string, deskServerOrigin: string | null): boolean {
  if (deskServerOrigin === null) return false;
  try {
    const target = new URL(url);
    return (
      target.origin === deskServerOrigin &&
      EXPORT_PATH.test(target.pathname) &&
      target.searchParams.has('link')
    );
  } catch {
    return false;
  }
}

export const hardenWebContents = (
  contents: GuardedWebContents,
  log: GuardLog,
  deskServerOrigin: string | null = null,
): void => {
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`Refused to open a new window for ${describeUrl(url)}`);
    return { action: 'deny' };
  });

  const refuseForeignNavigation = (event: { url: string; preventDefault(): void }): void => {
    if (isAppUrl(event.url) && samePage(event.url, contents.getURL())) return;
    event.preventDefault();
    if (isExportDownload(event.url, deskServerOrigin)) {
      contents.downloadURL(event.url);
      return;
    }
    log.warn(`Refused navigation to ${describeUrl(event.url)}`);
  };
  contents.on('will-navigate', refuseForeignNavigation);
  contents.on('will-frame-navigate', refuseForeignNavigation);
  contents.on('will-redirect', refuseForeignNavigation);

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('Refused to attach a <webview>');
  });
};
