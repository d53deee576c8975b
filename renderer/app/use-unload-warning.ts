// The browser's own "leave site?" prompt while the form holds unsaved typing. Browser build only:
// in the desktop app a cancelled unload would silently keep the window from closing.

import { useEffect } from 'react';
import { DESKPAD_BRIDGE_KEY } from '../../shared/desktop-bridge';

const inDesktopApp = (): boolean => DESKPAD_BRIDGE_KEY in window;

export function useUnloadWarning(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved || inDesktopApp()) return undefined;
    // Listening only while something is unsaved keeps the page eligible for the back/forward cache.
    const warn = (event: BeforeUnloadEvent): void => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
}
