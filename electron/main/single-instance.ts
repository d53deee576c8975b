// One Deskpad per user: a second launch hands over to the running one, which shows its window.
// Never lets two instances open the same store (two writers, two sync runners).

import type { App, BrowserWindow } from 'electron';

export type SingleInstanceApp = Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>;

/** Returns false when another instance already runs; this one then quits. */
export const claimSingleInstance = (
  app: SingleInstanceApp,
  onSecondInstance: () => void,
): boolean => {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => onSecondInstance());
  return true;
};

export type FocusableWindow = Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>;

export const bringToFront = (window: FocusableWindow): void => {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
};
