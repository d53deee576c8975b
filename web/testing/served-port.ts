// A store host served over a real MessageChannel exactly as a window's port is (serveStoreHost),
// for tests of the renderer's store client against the real wire protocol.

import { serveStoreHost } from '../../electron/store/serve';
import type { StoreHostApi } from '../../shared/store-api/contract';
import type { StorePort } from '../../renderer/store-source';

export function servedPort(api: StoreHostApi): { port: StorePort; close: () => void } {
  const { port1, port2 } = new MessageChannel();
  const served = serveStoreHost(api, port1);
  return {
    port: port2,
    close: () => {
      served.close();
      port2.close();
    },
  };
}
