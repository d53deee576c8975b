// Tests the permission policy: requests and checks are denied, durable storage for our origin
// is the one exception. Uses a fake session that records the handlers.

import { describe, expect, it } from 'vitest';
import { asFake } from './test-support/fakes';
import { applyPermissionPolicy, isPermissionGranted, type PermissionSession } from './permissions';

type RequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string) => boolean;

const install = () => {
  const handlers: { request?: RequestHandler; check?: CheckHandler; device?: () => boolean } = {};
  applyPermissionPolicy(
    asFake<PermissionSession>({
      setPermissionRequestHandler: (handler: RequestHandler) => (handlers.request = handler),
      setPermissionCheckHandler: (handler: CheckHandler) => (handlers.check = handler),
      setDevicePermissionHandler: (handler: () => boolean) => (handlers.device = handler),
    }),
  );
  return handlers;
};

const request = (handler: RequestHandler | undefined, permission: string, url: string) => {
  let answer: boolean | undefined;
  handler?.(null, permission, (granted) => (answer = granted), { requestingUrl: url });
  return answer;
};

describe('permission policy', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid'])(
    'denies %s even to our own pages',
    (permission) => {
      const handlers = install();
      expect(request(handlers.request, permission, 'app://deskpad/desktop.html')).toBe(false);
      expect(handlers.check?.(null, permission, 'app://deskpad')).toBe(false);
    },
  );

  it('grants durable storage to app://deskpad only', () => {
    const handlers = install();
    expect(request(handlers.request, 'persistent-storage', 'app://deskpad/store-host.html')).toBe(
      true,
    );
    expect(handlers.check?.(null, 'persistent-storage', 'app://deskpad')).toBe(true);
    expect(request(handlers.request, 'persistent-storage', 'https://example.org/')).toBe(false);
    expect(isPermissionGranted('persistent-storage', 'file:///tmp/x.html')).toBe(false);
  });

  it('denies every device', () => {
    expect(install().device?.()).toBe(false);
  });
});
