// The page's first script, a file of its own so that it runs as soon as it arrives, while the app's
// larger scripts still download (on a slow link the window's main thread is idle then).

// The first use of the browser's international data (the time zone, the locale's clock and
// collation) costs the main thread about 30 ms: paid here, not in the middle of the desk's start.
new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(0);
'a'.localeCompare('b');

// A window that was on the desk when it closed (web/last-screen.ts) asks now for the desk's
// scripts, which the app would otherwise ask for only once its own have run and the store host has
// said the desk is signed in. Prefetched, at the lowest priority: they never hold back the page's
// own scripts, and the browser keeps them for the app's import (tooling/desk-ahead.ts). A window
// whose storage is off, or that was on Sign in, fetches nothing ahead.
try {
  if (localStorage.getItem('deskpad.lastScreen') === 'desk') {
    const ahead = document.querySelector('meta[name="deskpad-desk-ahead"]');
    for (const href of (ahead?.getAttribute('content') ?? '').split(' ')) {
      if (href === '') continue;
      const link = document.createElement('link');
      link.rel = 'prefetch';
      link.href = href;
      document.head.append(link);
    }
  }
} catch {
  // No storage (a browser's setting): the desk's scripts come when the app asks for them.
}
