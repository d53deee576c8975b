// The session's permission policy: every request and check is denied, except durable storage
// for our own origin. Never grant anything to an origin that is not app://deskpad.

import type { Session } from 'electron';
import { isAppUrl } from './app-url';

/**
 * The single exception: persistent storage keeps Chromium from evicting the store host's
 * IndexedDB under disk pressure, which would lose interactions not yet synced.
 */
export const isPermissionGranted = (permission: string, requestingUrl: string): boolean =>
  permission === 'persistent-storage' && isAppUrl(requestingUrl);

export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

export const applyPermissionPolicy = (session: PermissionSession): void => {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
};
