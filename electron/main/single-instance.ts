// One Deskpad per user: a second launch hands over to the running one, which shows its window.
// Never lets two instances open the same store (two writers, two sync runners).

import type { App, BrowserWindow } from 'electron';

export type SingleInstanceApp = Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>;

/** Returns false when another instance already runs; this one then quits. */
export const claimSingleInstance = (
  app: SingleInstanceApp,
  /** With the second launch's arguments: a deskpad:// link arrives that way on Windows and Linux. */
  onSecondInstance: (argv: readonly string[]) => void,
): boolean => {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv) => onSecondInstance(Array.isArray(argv) ? argv : []));
  return true;
};

export type FocusableWindow = Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>;

export const bringToFront = (window: FocusableWindow): void => {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
};
