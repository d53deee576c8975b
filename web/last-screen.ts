// The screen the window showed last, Sign in or the desk, kept for its next start: a window that
// was on the desk will likely open on it, and the page's first script then fetches the desk's
// scripts ahead (web/public/start-ahead.js reads the same key).

import type { ShownScreen } from '../renderer/app/deskpad-context';

export const LAST_SCREEN_KEY = 'deskpad.lastScreen';

/**
 * Keeps `screen` in the storage `storage` answers; without storage (a browser's setting: reading
 * `localStorage` then throws) or room in it, keeps nothing.
 */
export function keepLastScreen(storage: () => Pick<Storage, 'setItem'>, screen: ShownScreen): void {
  try {
    storage().setItem(LAST_SCREEN_KEY, screen);
  } catch {
    // Every start then fetches the desk's scripts when the app asks for them.
  }
}
