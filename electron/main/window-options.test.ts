// Tests that both kinds of window are created isolated, sandboxed and without Node, and that
// the hidden store host is never throttled or shown. Pure option checks.

import { describe, expect, it } from 'vitest';
import { APP_VERSION_SWITCH } from '../../shared/desktop-bridge';
import { SERVER_URL_SWITCH } from '../../shared/store-host-bridge';
import { appWindowOptions, storeHostWindowOptions } from './window-options';

const appOptions = appWindowOptions({
  preload: '/app/preload.cjs',
  appVersion: '0.1.0',
  state: { width: 1000, height: 700, x: 5, y: 6, maximized: false },
});
const storeOptions = storeHostWindowOptions({ preload: '/app/store.cjs', appVersion: '0.1.0' });

describe('window options', () => {
  it.each([
    ['app window', appOptions],
    ['store host', storeOptions],
  ])('%s: context isolation, sandbox, no Node, web security', (_name, options) => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      additionalArguments: [`${APP_VERSION_SWITCH}0.1.0`],
    });
  });

  it('opens the app window at the remembered bounds, hidden until ready', () => {
    expect(appOptions).toMatchObject({ width: 1000, height: 700, x: 5, y: 6, show: false });
    expect(appOptions.webPreferences?.preload).toBe('/app/preload.cjs');
  });

  it('centres the app window when no position is remembered', () => {
    const centred = appWindowOptions({
      preload: 'p',
      appVersion: '0.1.0',
      state: { width: 900, height: 600, maximized: false },
    });
    expect(centred.center).toBe(true);
    expect(centred).not.toHaveProperty('x');
  });

  it('keeps the store host hidden, out of the taskbar and unthrottled', () => {
    expect(storeOptions).toMatchObject({ show: false, skipTaskbar: true, focusable: false });
    expect(storeOptions.webPreferences?.backgroundThrottling).toBe(false);
    expect(storeOptions.webPreferences?.preload).toBe('/app/store.cjs');
  });

  it('tells the store host, and only the store host, which desk server to sync with', () => {
    const withServer = storeHostWindowOptions({
      preload: '/app/store.cjs',
      appVersion: '0.1.0',
      serverUrl: 'http://127.0.0.1:8787',
    });
    expect(withServer.webPreferences?.additionalArguments).toEqual([
      `${APP_VERSION_SWITCH}0.1.0`,
      `${SERVER_URL_SWITCH}http://127.0.0.1:8787`,
    ]);
    expect(JSON.stringify(appOptions)).not.toContain(SERVER_URL_SWITCH);
  });
});
