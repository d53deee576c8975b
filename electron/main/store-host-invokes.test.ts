// Tests the store host's answered IPC: the vault seals and opens through safeStorage, refuses to
// keep a token in clear, hands the launch token out once, and answers nobody but the store host.

import { describe, expect, it } from 'vitest';
import type { IpcMain } from 'electron';
import { STORE_HOST_IPC } from '../../shared/store-host-bridge';
import type { IpcSenderEvent } from './ipc-sender';
import { registerStoreHostInvokes } from './store-host-invokes';
import { asFake, silentLog } from './test-support/fakes';
import {
  NO_VAULT_MESSAGE,
  createTokenVault,
  takeLaunchTokenFrom,
  type SafeStorageLike,
} from './token-vault';

const STORE_HOST = 9;
const APP_WINDOW = 7;

/** safeStorage as Electron's: "encrypts" by reversing and tagging, so a test can see it happened. */
const fakeSafeStorage = (available = true): SafeStorageLike & { available: boolean } => {
  const fake = {
    available,
    isAsyncEncryptionAvailable: () => Promise.resolve(fake.available),
    encryptStringAsync: (text: string) =>
      Promise.resolve(Buffer.from(`sealed:${[...text].reverse().join('')}`)),
    decryptStringAsync: (data: Buffer) => {
      const text = data.toString();
      if (!text.startsWith('sealed:'))
        return Promise.reject(new Error('Error while decrypting the ciphertext'));
      return Promise.resolve({
        result: [...text.slice('sealed:'.length)].reverse().join(''),
        shouldReEncrypt: false,
      });
    },
  };
  return fake;
};

class FakeIpcMain {
  readonly handlers = new Map<string, (event: IpcSenderEvent, ...args: unknown[]) => unknown>();
  handle(channel: string, handler: (event: IpcSenderEvent, ...args: unknown[]) => unknown): void {
    this.handlers.set(channel, handler);
  }
  async invoke(channel: string, senderId: number, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`nothing handles ${channel}`);
    const event = asFake<IpcSenderEvent>({
      sender: { id: senderId },
      senderFrame: { url: 'app://deskpad/store-host.html', parent: null },
    });
    return await handler(event, ...args);
  }
}

const setup = (available = true, env: Record<string, string | undefined> = {}) => {
  const ipcMain = new FakeIpcMain();
  const log = silentLog();
  const safeStorage = fakeSafeStorage(available);
  registerStoreHostInvokes(
    asFake<Pick<IpcMain, 'handle'>>(ipcMain),
    {
      isStoreHost: (id) => id === STORE_HOST,
      vault: createTokenVault(safeStorage, log),
      takeLaunchToken: takeLaunchTokenFrom(env),
    },
    log,
  );
  return { ipcMain, log, safeStorage };
};

describe('the store host’s token vault over IPC', () => {
  it('seals a token as base64 through safeStorage and opens it again', async () => {
    const { ipcMain } = setup();
    const sealed = await ipcMain.invoke(
      STORE_HOST_IPC.sealToken,
      STORE_HOST,
      'token-abcdefghijklmnop',
    );
    expect(typeof sealed).toBe('string');
    expect(sealed).not.toContain('token-abcdefghijklmnop');
    expect(Buffer.from(sealed as string, 'base64').toString()).toMatch(/^sealed:/);
    expect(await ipcMain.invoke(STORE_HOST_IPC.openToken, STORE_HOST, sealed)).toBe(
      'token-abcdefghijklmnop',
    );
  });

  it('answers null for something it cannot open, and refuses what is not a token', async () => {
    const { ipcMain, log } = setup();
    expect(
      await ipcMain.invoke(
        STORE_HOST_IPC.openToken,
        STORE_HOST,
        Buffer.from('junk').toString('base64'),
      ),
    ).toBeNull();
    expect(await ipcMain.invoke(STORE_HOST_IPC.openToken, STORE_HOST, 'not base64!')).toBeNull();
    expect(log.lines.some((l) => l.includes('could not be opened'))).toBe(true);
    await expect(
      ipcMain.invoke(STORE_HOST_IPC.sealToken, STORE_HOST, { token: 'x' }),
    ).rejects.toThrow();
    await expect(
      ipcMain.invoke(STORE_HOST_IPC.sealToken, STORE_HOST, 'x'.repeat(600)),
    ).rejects.toThrow();
  });

  it('refuses to seal where safeStorage cannot encrypt, and says so once in the log', async () => {
    const { ipcMain, log } = setup(false);
    await expect(
      ipcMain.invoke(STORE_HOST_IPC.sealToken, STORE_HOST, 'token-1234567890abcdef'),
    ).rejects.toThrow(NO_VAULT_MESSAGE);
    expect(await ipcMain.invoke(STORE_HOST_IPC.openToken, STORE_HOST, 'c2VhbGVk')).toBeNull();
    expect(log.lines.filter((l) => l.includes('keeps no session between restarts'))).toHaveLength(
      1,
    );
  });

  it('answers only the store host', async () => {
    const { ipcMain, log } = setup(true, { DESKPAD_SESSION_TOKEN: 'launch-token-1234567890' });
    await expect(
      ipcMain.invoke(STORE_HOST_IPC.sealToken, APP_WINDOW, 'token-1234567890abcdef'),
    ).rejects.toThrow('Refused.');
    await expect(ipcMain.invoke(STORE_HOST_IPC.takeLaunchToken, APP_WINDOW)).rejects.toThrow(
      'Refused.',
    );
    expect(log.lines.filter((l) => l.includes('untrusted sender'))).toHaveLength(2);
    // The refused ask did not use the launch token up.
    expect(await ipcMain.invoke(STORE_HOST_IPC.takeLaunchToken, STORE_HOST)).toBe(
      'launch-token-1234567890',
    );
  });

  it('hands the launch token out once and takes it out of the environment at once', async () => {
    const env: Record<string, string | undefined> = {
      DESKPAD_SESSION_TOKEN: 'launch-token-1234567890',
    };
    const { ipcMain } = setup(true, env);
    expect(env.DESKPAD_SESSION_TOKEN).toBeUndefined();
    expect(await ipcMain.invoke(STORE_HOST_IPC.takeLaunchToken, STORE_HOST)).toBe(
      'launch-token-1234567890',
    );
    expect(await ipcMain.invoke(STORE_HOST_IPC.takeLaunchToken, STORE_HOST)).toBeNull();
  });
});
