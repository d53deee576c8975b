// The kiosk page's entry (kiosk.html?location=ID, served by the desk server): mounts the kiosk with
// the page's fetch, localStorage and address. No store host, no service worker, no UI here.

import { mountKiosk } from '../renderer/kiosk/mount-kiosk';

const root = document.getElementById('root');
if (!root) throw new Error('kiosk.html has no #root element.');

mountKiosk(root, {
  fetch: (input, init) => fetch(input, init),
  storage: window.localStorage,
  search: window.location.search,
});
