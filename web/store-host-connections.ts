// The store host page's side of the desktop shell: serves each app window's port, ends it when the
// window goes, reports ready/failed to the preload. Never accepts messages from other windows.

import { PAGE_MESSAGE, readPageMessage, type PageMessage } from '../shared/desktop-bridge';

export interface Closable {
  close(): void;
}

export interface PortMessage<Port> {
  readonly source: unknown;
  readonly data: unknown;
  readonly ports: readonly Port[];
}

export interface StoreHostPageWindow<Port> {
  addEventListener(type: 'message', listener: (event: PortMessage<Port>) => void): void;
  postMessage(message: PageMessage, targetOrigin: string): void;
}

export interface StoreHostConnectionsDeps<Api, Port extends Closable> {
  readonly win: StoreHostPageWindow<Port>;
  open(): Promise<Api>;
  /** What to serve when opening failed: an API that answers every call with the reason. */
  fallback(error: unknown): { readonly api: Api; readonly reason: string };
  /** Serves the API on one window's port; closing the result ends that window's service. */
  serve(api: Api, port: Port): Closable;
}

/** Starts listening at once, then opens the store; resolves once ready or failed. */
export const runStoreHostConnections = async <Api, Port extends Closable>(
  deps: StoreHostConnectionsDeps<Api, Port>,
): Promise<void> => {
  const { win } = deps;
  // A window's port waits here until the store is open, then its service replaces it.
  const connections = new Map<number, Closable>();
  const waiting = new Map<number, Port>();
  let api: Api | null = null;

  const end = (windowId: number): void => {
    connections.get(windowId)?.close();
    connections.delete(windowId);
    waiting.get(windowId)?.close();
    waiting.delete(windowId);
  };

  win.addEventListener('message', (event) => {
    if (event.source !== win) return;
    const message = readPageMessage(event.data);
    if (message?.type === PAGE_MESSAGE.storeConnect) {
      const [port] = event.ports;
      if (port === undefined) return;
      // A window that reloaded gets a new port; its old one leads nowhere now.
      end(message.windowId);
      if (api === null) waiting.set(message.windowId, port);
      else connections.set(message.windowId, deps.serve(api, port));
    }
    if (message?.type === PAGE_MESSAGE.storeDisconnect) end(message.windowId);
  });

  let report: PageMessage;
  try {
    api = await deps.open();
    report = { type: PAGE_MESSAGE.storeHostReady };
  } catch (error) {
    const failed = deps.fallback(error);
    api = failed.api;
    report = { type: PAGE_MESSAGE.storeHostFailed, message: failed.reason };
  }
  for (const [windowId, port] of waiting) connections.set(windowId, deps.serve(api, port));
  waiting.clear();
  win.postMessage(report, '*');
};
