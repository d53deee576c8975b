// The session-token vault behind the store host: seals tokens with Electron's safeStorage (the OS
// key store) as base64, and opens them again. Never writes a token in clear, never logs one.

import type { SafeStorage } from 'electron';

/**
 * The async safeStorage calls (the sync ones are deprecated since Electron 45), and on Linux the
 * backend it chose.
 */
export type SafeStorageLike = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'
> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export interface VaultLog {
  warn(message: string): void;
}

export interface TokenVault {
  /** Whether a sealed token can be kept between restarts on this computer (logs once if not). */
  available(): Promise<boolean>;
  /** base64 of the sealed token; rejects where safeStorage cannot encrypt. */
  seal(token: string): Promise<string>;
  /** The token, or null when `sealed` cannot be opened (another user, a new key, damage). */
  open(sealed: string): Promise<string | null>;
}

export const NO_VAULT_MESSAGE =
  'safeStorage cannot encrypt on this computer, so the desk keeps no session between restarts: the agent signs in again after each start.';

export const BASIC_TEXT_MESSAGE =
  'safeStorage on this Linux desktop has no keyring (GNOME Keyring, KWallet…) and would seal tokens with a fixed key anyone can read (basic_text), so the desk keeps no session between restarts: the agent signs in again after each start. Install and unlock a keyring to keep sessions.';

/**
 * On Linux without a keyring, safeStorage "encrypts" with a key built into Chromium: a token
 * sealed that way is a token in clear. Asked only on Linux (the call exists only there).
 */
const sealsWithFixedKey = (safeStorage: SafeStorageLike, platform: string): boolean => {
  if (platform !== 'linux' || !safeStorage.getSelectedStorageBackend) return false;
  try {
    return safeStorage.getSelectedStorageBackend() === 'basic_text';
  } catch {
    return false;
  }
};

export const createTokenVault = (
  safeStorage: SafeStorageLike,
  log: VaultLog,
  platform: string = process.platform,
): TokenVault => {
  let warned = false;
  const available = async (): Promise<boolean> => {
    const fixedKey = sealsWithFixedKey(safeStorage, platform);
    const yes = !fixedKey && (await safeStorage.isAsyncEncryptionAvailable().catch(() => false));
    if (!yes && !warned) {
      warned = true;
      log.warn(fixedKey ? BASIC_TEXT_MESSAGE : NO_VAULT_MESSAGE);
    }
    return yes;
  };
  return {
    available,
    async seal(token) {
      // Never fall back to plain text: a token on disk in clear is a password on disk in clear.
      if (!(await available())) throw new Error(NO_VAULT_MESSAGE);
      return (await safeStorage.encryptStringAsync(token)).toString('base64');
    },
    async open(sealed) {
      if (!(await available())) return null;
      try {
        return (await safeStorage.decryptStringAsync(Buffer.from(sealed, 'base64'))).result;
      } catch {
        log.warn('A kept session could not be opened on this computer; the agent signs in again.');
        return null;
      }
    },
  };
};

/**
 * A session token handed to the app at launch (`npm start` signs the demo agent in), given to the
 * store host once. It is taken out of the environment at once, so no child process inherits it.
 */
export const takeLaunchTokenFrom = (
  env: Record<string, string | undefined>,
  name = 'DESKPAD_SESSION_TOKEN',
): (() => string | null) => {
  let token = env[name] || null;
  delete env[name];
  return () => {
    const once = token;
    token = null;
    return once;
  };
};
