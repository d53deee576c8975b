// The contract between Electron main, the store host window's preload and the store host page: the
// desk server's address, the session-token vault (safeStorage, in main) and a token the launcher got.
// Types, names and small guards only: never DOM, Node or Electron. App windows never get any of it.

/** `window.deskpadStoreHost`, exposed by the store host window's preload only. */
export interface StoreHostBridge {
  /** The desk server this desk syncs with, e.g. `http://127.0.0.1:8787` (no trailing slash). */
  readonly serverUrl: string;
  /** Seals a session token with the OS's key store; rejects where that is unavailable. */
  sealToken(token: string): Promise<string>;
  /** Opens what sealToken made; null when it cannot be opened (another machine, a new key). */
  openToken(sealed: string): Promise<string | null>;
  /** A session token the launcher obtained (`npm start`), handed out once; null afterwards. */
  takeLaunchToken(): Promise<string | null>;
}

export const STORE_HOST_BRIDGE_KEY = 'deskpadStoreHost';

/** Every key of StoreHostBridge, checked both ways at compile time. */
export const STORE_HOST_BRIDGE_KEYS = [
  'serverUrl',
  'sealToken',
  'openToken',
  'takeLaunchToken',
] as const satisfies readonly (keyof StoreHostBridge)[];
type MissingStoreHostKeys = Exclude<keyof StoreHostBridge, (typeof STORE_HOST_BRIDGE_KEYS)[number]>;
export const storeHostKeysAreComplete: [MissingStoreHostKeys] extends [never] ? true : never = true;

/** Invoke channels (store host preload → main, answered); main answers the store host only. */
export const STORE_HOST_IPC = {
  sealToken: 'vault:seal',
  openToken: 'vault:open',
  takeLaunchToken: 'session:take-launch-token',
} as const;

/** The desk server's address reaches the sandboxed store host preload as a command-line switch. */
export const SERVER_URL_SWITCH = '--deskpad-server-url=';

/** Where a desk looks for its desk server when nothing else is said (`npm run server`'s default). */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

const MAX_SERVER_URL = 2048;
const MAX_TOKEN = 512;
const MAX_SEALED = 4096;

/** The switch's value; main checked it before passing it, this only refuses what is not one. */
export const readServerUrlSwitch = (argv: readonly string[]): string | null => {
  const found = argv.find((arg) => arg.startsWith(SERVER_URL_SWITCH));
  const value = found?.slice(SERVER_URL_SWITCH.length) ?? '';
  return /^https?:\/\/[^\s]+$/i.test(value) && value.length <= MAX_SERVER_URL ? value : null;
};

/** A token as it may cross IPC: text of a sane length, else null. */
export const readToken = (value: unknown): string | null =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_TOKEN ? value : null;

/** A sealed token as it may cross IPC: base64 of a sane length, else null. */
export const readSealedToken = (value: unknown): string | null =>
  typeof value === 'string' &&
  value.length > 0 &&
  value.length <= MAX_SEALED &&
  /^[A-Za-z0-9+/]+=*$/.test(value)
    ? value
    : null;
