// The IPC channels main listens on, each tied to the one kind of window allowed to use it.
// Never answers a sender that fails the check, and never hands the IPC event to anyone.

import type { IpcMain, IpcMainEvent } from 'electron';
import { IPC_CHANNEL, readFailureMessage } from '../../shared/desktop-bridge';
import { isTrustedSender } from './ipc-sender';

export interface IpcRouteHandlers {
  readonly isAppWindow: (webContentsId: number) => boolean;
  readonly isStoreHost: (webContentsId: number) => boolean;
  readonly requestStorePort: (webContentsId: number) => void;
  readonly storeHostReady: (webContentsId: number) => void;
  readonly storeHostFailed: (webContentsId: number, message: string) => void;
}

export interface IpcRouteLog {
  warn(message: string): void;
}

export const registerIpcRoutes = (
  ipcMain: Pick<IpcMain, 'on'>,
  handlers: IpcRouteHandlers,
  log: IpcRouteLog,
): void => {
  const route = (
    channel: string,
    isAllowed: (webContentsId: number) => boolean,
    handle: (event: IpcMainEvent, args: readonly unknown[]) => void,
  ): void => {
    ipcMain.on(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, isAllowed)) {
        log.warn(
          `Refused IPC "${channel}" from an untrusted sender (webContents ${event.sender.id})`,
        );
        return;
      }
      handle(event, args);
    });
  };

  route(IPC_CHANNEL.storeRequestPort, handlers.isAppWindow, (event) => {
    handlers.requestStorePort(event.sender.id);
  });
  route(IPC_CHANNEL.storeHostReady, handlers.isStoreHost, (event) => {
    handlers.storeHostReady(event.sender.id);
  });
  route(IPC_CHANNEL.storeHostFailed, handlers.isStoreHost, (event, args) => {
    handlers.storeHostFailed(event.sender.id, readFailureMessage(args[0]) ?? 'unknown error');
  });
};
