// How the page reaches the store host: a source hands over a message endpoint, and a fresh one
// whenever the host restarts. Types only; the composition root (web/ or Electron) implements it.

import type { Endpoint } from 'comlink';

/** A MessagePort (SharedWorker, MessageChannelMain) or anything that talks like one (a Worker). */
export type StorePort = Endpoint;

export interface StoreSource {
  /**
   * Calls `onPort` with the first endpoint as soon as it exists, and again with a new one each
   * time the store host was restarted; the client drops the old endpoint when that happens.
   */
  connect(onPort: (port: StorePort) => void): void;
}
