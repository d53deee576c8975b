// What the desk page says to its store worker besides the store API itself: "serve this port" and
// "the network changed". Types and a guard only; neither side's behaviour lives here.

/** A new port for the store API (the app's, the probe's); the port travels in the transfer list. */
export interface ConnectMessage {
  type: 'deskpad-connect';
}

/**
 * The window's `online`/`offline` event, relayed: Chromium fires neither in a worker
 * (crbug.com/114475), though the worker's navigator.onLine does change.
 */
export interface ConnectivityMessage {
  type: 'deskpad-connectivity';
  online: boolean;
}

export type DeskWorkerMessage = ConnectMessage | ConnectivityMessage;

export function isDeskWorkerMessage(data: unknown): data is DeskWorkerMessage {
  if (typeof data !== 'object' || data === null || !('type' in data)) return false;
  return data.type === 'deskpad-connect' || data.type === 'deskpad-connectivity';
}
