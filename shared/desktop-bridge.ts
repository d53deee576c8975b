// The contract between Electron main, the preloads and the pages: `window.deskpad`, IPC channels,
// page messages. Types and small guards only: never DOM, Node, Electron, or a port on the bridge.

import type { CallLink } from './call-link';
import { SHORTCUT_IDS, type ShortcutId } from './shortcuts';

/** The custom scheme pages are served from; `app://deskpad/…` replaces `file://`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'deskpad';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The pages the desktop shell loads, relative to the web build's root. */
export const DESKTOP_PAGES = {
  app: 'desktop.html',
  storeHost: 'store-host.html',
} as const;

export const appPageUrl = (page: keyof typeof DESKTOP_PAGES): string =>
  `${APP_ORIGIN}/${DESKTOP_PAGES[page]}`;

/** The app menu sends the same ids the renderer's keyboard handler uses. */
export type MenuCommand = ShortcutId;
export const MENU_COMMANDS: readonly MenuCommand[] = SHORTCUT_IDS;

export const isMenuCommand = (value: unknown): value is MenuCommand =>
  typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);

export type DesktopPlatform = 'darwin' | 'linux' | 'win32' | 'other';

export const toDesktopPlatform = (platform: string): DesktopPlatform =>
  platform === 'darwin' || platform === 'linux' || platform === 'win32' ? platform : 'other';

/**
 * `window.deskpad` in a desktop app window. The store port is not here: a MessagePort cannot
 * cross the context bridge, so it arrives as a window message (see PAGE_MESSAGE).
 */
export interface DeskpadBridge {
  readonly platform: DesktopPlatform;
  readonly appVersion: string;
  /** Listens for app-menu commands; returns the function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Asks main for a fresh store port, e.g. after the page noticed its port went quiet. */
  requestStorePort(): void;
  /**
   * Listens for `deskpad://call?from=…` links a softphone opened, checked; a link that came before
   * the page listened is handed over at once. Returns the function that stops listening.
   */
  onCallLink(listener: (link: CallLink) => void): () => void;
}

export const DESKPAD_BRIDGE_KEY = 'deskpad';

/** Every key of DeskpadBridge, checked both ways at compile time. */
export const DESKPAD_BRIDGE_KEYS = [
  'platform',
  'appVersion',
  'onMenuCommand',
  'requestStorePort',
  'onCallLink',
] as const satisfies readonly (keyof DeskpadBridge)[];
type MissingBridgeKeys = Exclude<keyof DeskpadBridge, (typeof DESKPAD_BRIDGE_KEYS)[number]>;
export const bridgeKeysAreComplete: [MissingBridgeKeys] extends [never] ? true : never = true;

/** The app version reaches the sandboxed preload as a command-line switch. */
export const APP_VERSION_SWITCH = '--deskpad-app-version=';

export const readAppVersion = (argv: readonly string[]): string => {
  const found = argv.find((arg) => arg.startsWith(APP_VERSION_SWITCH));
  const version = found?.slice(APP_VERSION_SWITCH.length) ?? '';
  return /^[0-9A-Za-z.+-]{1,64}$/.test(version) ? version : 'unknown';
};

/** IPC channels; each is one-directional and checked by sender in main. */
export const IPC_CHANNEL = {
  /** main → app preload: one MessagePort to the store host. */
  storePort: 'store:port',
  /** app preload → main: please broker a fresh store port for me. */
  storeRequestPort: 'store:request-port',
  /** main → app preload: an app-menu command. */
  menuCommand: 'menu:command',
  /** main → app preload: a deskpad://call link a softphone opened. */
  callLink: 'call:link',
  /** main → store preload: a port for app window `windowId`. */
  storeConnect: 'store:connect',
  /** main → store preload: app window `windowId` closed. */
  storeDisconnect: 'store:disconnect',
  /** store preload → main: the store host opened its database and serves ports. */
  storeHostReady: 'store:host-ready',
  /** store preload → main: the store host cannot open (e.g. database newer than the app). */
  storeHostFailed: 'store:host-failed',
} as const;

/** Messages between a preload and its own page, sent with window.postMessage. */
export const PAGE_MESSAGE = {
  storePort: 'deskpad:store-port',
  storeConnect: 'deskpad:store-connect',
  storeDisconnect: 'deskpad:store-disconnect',
  storeHostReady: 'deskpad:store-host-ready',
  storeHostFailed: 'deskpad:store-host-failed',
} as const;

export type PageMessage =
  | { readonly type: typeof PAGE_MESSAGE.storePort }
  | { readonly type: typeof PAGE_MESSAGE.storeConnect; readonly windowId: number }
  | { readonly type: typeof PAGE_MESSAGE.storeDisconnect; readonly windowId: number }
  | { readonly type: typeof PAGE_MESSAGE.storeHostReady }
  | { readonly type: typeof PAGE_MESSAGE.storeHostFailed; readonly message: string };

const MAX_FAILURE_MESSAGE = 2000;

const isWindowId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Reads a page message; anything else, including look-alikes with bad fields, is null. */
export const readPageMessage = (data: unknown): PageMessage | null => {
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  switch (record.type) {
    case PAGE_MESSAGE.storePort:
      return { type: PAGE_MESSAGE.storePort };
    case PAGE_MESSAGE.storeHostReady:
      return { type: PAGE_MESSAGE.storeHostReady };
    case PAGE_MESSAGE.storeConnect:
    case PAGE_MESSAGE.storeDisconnect:
      return isWindowId(record.windowId) ? { type: record.type, windowId: record.windowId } : null;
    case PAGE_MESSAGE.storeHostFailed:
      return typeof record.message === 'string'
        ? {
            type: PAGE_MESSAGE.storeHostFailed,
            message: record.message.slice(0, MAX_FAILURE_MESSAGE),
          }
        : null;
    default:
      return null;
  }
};

/** The payload main sends with storeConnect / storeDisconnect. */
export interface StoreWindowRef {
  readonly windowId: number;
}

export const readStoreWindowRef = (value: unknown): StoreWindowRef | null => {
  if (typeof value !== 'object' || value === null) return null;
  const windowId = (value as Record<string, unknown>).windowId;
  return isWindowId(windowId) ? { windowId } : null;
};

export const readFailureMessage = (value: unknown): string | null =>
  typeof value === 'string' ? value.slice(0, MAX_FAILURE_MESSAGE) : null;
