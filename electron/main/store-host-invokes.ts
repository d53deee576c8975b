// The store host's answered IPC calls: seal and open a session token with the vault, and take the
// launch token once. Only the current store host's main frame is answered; app windows never are.

import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { STORE_HOST_IPC, readSealedToken, readToken } from '../../shared/store-host-bridge';
import { isTrustedSender } from './ipc-sender';
import type { TokenVault } from './token-vault';

export interface StoreHostInvokeDeps {
  readonly isStoreHost: (webContentsId: number) => boolean;
  readonly vault: TokenVault;
  readonly takeLaunchToken: () => string | null;
}

export interface StoreHostInvokeLog {
  warn(message: string): void;
}

export const registerStoreHostInvokes = (
  ipcMain: Pick<IpcMain, 'handle'>,
  deps: StoreHostInvokeDeps,
  log: StoreHostInvokeLog,
): void => {
  const route = (channel: string, answer: (args: readonly unknown[]) => unknown): void => {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!isTrustedSender(event, deps.isStoreHost)) {
        log.warn(
          `Refused IPC "${channel}" from an untrusted sender (webContents ${event.sender.id})`,
        );
        // The rejection carries no detail: the asker is not ours.
        throw new Error('Refused.');
      }
      return await answer(args);
    });
  };

  route(STORE_HOST_IPC.sealToken, ([token]) => {
    const checked = readToken(token);
    if (checked === null) throw new Error('Not a session token.');
    return deps.vault.seal(checked);
  });
  route(STORE_HOST_IPC.openToken, ([sealed]) => {
    const checked = readSealedToken(sealed);
    return checked === null ? null : deps.vault.open(checked);
  });
  route(STORE_HOST_IPC.takeLaunchToken, () => deps.takeLaunchToken());
};
