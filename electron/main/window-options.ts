// The BrowserWindow options for the two kinds of window main creates: app windows and the
// hidden store host. Never turns off isolation, the sandbox or web security for either.

import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { APP_VERSION_SWITCH } from '../../shared/desktop-bridge';
import { SERVER_URL_SWITCH } from '../../shared/store-host-bridge';
import type { WindowState } from './window-state';

const secureWebPreferences = (preload: string, appVersion: string): WebPreferences => ({
  preload,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  additionalArguments: [`${APP_VERSION_SWITCH}${appVersion}`],
});

export interface AppWindowOptionsInput {
  readonly preload: string;
  readonly appVersion: string;
  readonly state: WindowState;
  readonly icon?: string;
}

export const appWindowOptions = (
  input: AppWindowOptionsInput,
): BrowserWindowConstructorOptions => ({
  width: input.state.width,
  height: input.state.height,
  ...(input.state.x !== undefined && input.state.y !== undefined
    ? { x: input.state.x, y: input.state.y }
    : { center: true }),
  minWidth: 720,
  minHeight: 480,
  title: 'Deskpad',
  // Shown on ready-to-show, so the agent never sees an empty white frame.
  show: false,
  backgroundColor: '#ffffff',
  ...(input.icon !== undefined ? { icon: input.icon } : {}),
  webPreferences: { ...secureWebPreferences(input.preload, input.appVersion), spellcheck: true },
});

export interface StoreHostWindowOptionsInput {
  readonly preload: string;
  readonly appVersion: string;
  /** The desk server to sync with; only this window's preload ever learns it. */
  readonly serverUrl?: string;
}

export const storeHostWindowOptions = (
  input: StoreHostWindowOptionsInput,
): BrowserWindowConstructorOptions => ({
  show: false,
  width: 320,
  height: 240,
  skipTaskbar: true,
  focusable: false,
  paintWhenInitiallyHidden: false,
  title: 'Deskpad store host',
  webPreferences: {
    ...secureWebPreferences(input.preload, input.appVersion),
    additionalArguments: [
      `${APP_VERSION_SWITCH}${input.appVersion}`,
      ...(input.serverUrl !== undefined ? [`${SERVER_URL_SWITCH}${input.serverUrl}`] : []),
    ],
    // A hidden window's timers are throttled by default; the store host's sync and index
    // work must run at full speed although nobody sees it.
    backgroundThrottling: false,
    spellcheck: false,
  },
});
