// The desktop page's StoreSource: hands the renderer each store port the preload posts to this
// window. Never accepts a message from another window or frame, or one without a port.

import { PAGE_MESSAGE, readPageMessage } from '../shared/desktop-bridge';
import type { StorePort, StoreSource } from '../renderer/mount';

/** The parts of a MessageEvent this source reads; a real event satisfies it. */
export interface PortMessage {
  readonly source: unknown;
  readonly data: unknown;
  readonly ports: readonly StorePort[];
}

export interface MessageTarget {
  addEventListener(type: 'message', listener: (event: PortMessage) => void): void;
}

/**
 * Listens at once, so a port that arrives before the renderer connects is kept (the newest
 * one only: an older port belongs to a store host incarnation that is gone).
 */
export const createDesktopStoreSource = (win: MessageTarget): StoreSource => {
  let latest: StorePort | null = null;
  let deliver: ((port: StorePort) => void) | null = null;

  win.addEventListener('message', (event) => {
    if (event.source !== win) return;
    if (readPageMessage(event.data)?.type !== PAGE_MESSAGE.storePort) return;
    const [port] = event.ports;
    if (port === undefined) return;
    if (deliver === null) latest = port;
    else deliver(port);
  });

  return {
    connect(onPort) {
      deliver = onPort;
      if (latest !== null) {
        const port = latest;
        latest = null;
        onPort(port);
      }
    },
  };
};
