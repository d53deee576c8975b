// Decides whether a URL belongs to the app's own origin (app://deskpad). One rule, used by the
// navigation guard, the permission policy and the IPC sender check; never widens to file://.

import { APP_HOST, APP_SCHEME } from '../../shared/desktop-bridge';

export const isAppUrl = (raw: string): boolean => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  // Node's URL calls a custom scheme's origin "null", so compare the parts instead.
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
};
