// Hardens every webContents the app creates: no new windows, no navigation away from app://,
// no <webview>. Applied from `web-contents-created`, so no window can be forgotten.

import type { WebContents } from 'electron';
import { isAppUrl } from './app-url';

export type GuardedWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export interface GuardLog {
  warn(message: string): void;
}

const describeUrl = (url: string): string => (url.length > 200 ? `${url.slice(0, 200)}…` : url);

export const hardenWebContents = (contents: GuardedWebContents, log: GuardLog): void => {
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`Refused to open a new window for ${describeUrl(url)}`);
    return { action: 'deny' };
  });

  const refuseForeignNavigation = (event: { url: string; preventDefault(): void }): void => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
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
