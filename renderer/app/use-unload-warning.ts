// Refuses to unload while the form holds unsaved typing: the browser shows its own "leave site?"
// prompt, and the desktop app's main process asks with a native "Unsaved changes" box.

import { useEffect } from 'react';

export function useUnloadWarning(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return undefined;
    // Listening only while something is unsaved keeps the page eligible for the back/forward cache.
    const warn = (event: BeforeUnloadEvent): void => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
}
