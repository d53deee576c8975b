// Decides whether an IPC message may be trusted: it must come from the main frame of a window
// main itself created, showing an app:// page. Never trusts subframes or unknown webContents.

import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { isAppUrl } from './app-url';

export type IpcSenderEvent = Pick<IpcMainEvent | IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

export const isTrustedSender = (
  event: IpcSenderEvent,
  isKnownWebContents: (webContentsId: number) => boolean,
): boolean => {
  const frame = event.senderFrame;
  if (frame === null) return false;
  if (frame.parent !== null) return false;
  if (!isAppUrl(frame.url)) return false;
  return isKnownWebContents(event.sender.id);
};
