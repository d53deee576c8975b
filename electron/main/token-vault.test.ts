// Tests the token vault's refusals: no sealing where safeStorage cannot encrypt, and none on Linux
// where it would use its fixed built-in key (basic_text), each said once in the log.

import type { SafeStorage } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  BASIC_TEXT_MESSAGE,
  createTokenVault,
  NO_VAULT_MESSAGE,
  takeLaunchTokenFrom,
  type SafeStorageLike,
} from './token-vault';

type Backend = ReturnType<SafeStorage['getSelectedStorageBackend']>;

const fakeSafeStorage = (backend: Backend, encrypts = true): SafeStorageLike => ({
  isAsyncEncryptionAvailable: () => Promise.resolve(encrypts),
  encryptStringAsync: (text: string) => Promise.resolve(Buffer.from(`sealed:${text}`)),
  decryptStringAsync: (data: Buffer) =>
    Promise.resolve({ result: data.toString().slice(7), shouldReEncrypt: false }),
  getSelectedStorageBackend: () => backend,
});

const recordingLog = () => {
  const lines: string[] = [];
  return { lines, warn: (message: string) => lines.push(message) };
};

describe('the token vault', () => {
  it('keeps no token on Linux where safeStorage would use its fixed key (basic_text), and says so once', async () => {
    const log = recordingLog();
    const vault = createTokenVault(fakeSafeStorage('basic_text'), log, 'linux');
    expect(await vault.available()).toBe(false);
    await expect(vault.seal('token-1234567890')).rejects.toThrow();
    expect(await vault.open(Buffer.from('sealed:x').toString('base64'))).toBeNull();
    expect(log.lines).toEqual([BASIC_TEXT_MESSAGE]);
  });

  it('seals with a keyring on Linux, and elsewhere whatever the backend call says', async () => {
    for (const [backend, platform] of [
      ['gnome_libsecret', 'linux'],
      ['kwallet5', 'linux'],
      ['basic_text', 'win32'],
    ] as const) {
      const log = recordingLog();
      const vault = createTokenVault(fakeSafeStorage(backend), log, platform);
      expect(await vault.available(), backend).toBe(true);
      expect(await vault.open(await vault.seal('token-1234567890'))).toBe('token-1234567890');
      expect(log.lines).toEqual([]);
    }
  });

  it('says so when safeStorage cannot encrypt at all', async () => {
    const log = recordingLog();
    const vault = createTokenVault(fakeSafeStorage('unknown', false), log, 'linux');
    expect(await vault.available()).toBe(false);
    expect(log.lines).toEqual([NO_VAULT_MESSAGE]);
  });

  it('takes the launch token out of the process environment as soon as it is read', () => {
    const env: Record<string, string | undefined> = { DESKPAD_SESSION_TOKEN: 'launch-1234567890' };
    const take = takeLaunchTokenFrom(env);
    expect('DESKPAD_SESSION_TOKEN' in env).toBe(false);
    expect(take()).toBe('launch-1234567890');
    expect(take()).toBeNull();
  });
});
