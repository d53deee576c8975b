// The Electron main process: wires the app:// protocol, the security policy, the store host
// supervisor, the menu and the app windows together. Never holds domain logic or data.

import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  MessageChannelMain,
  protocol,
  safeStorage,
  screen,
  session,
  type MessagePortMain,
} from 'electron';
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CallLink } from '../../shared/call-link';
import { APP_SCHEME, DESKTOP_PAGES, IPC_CHANNEL, appPageUrl } from '../../shared/desktop-bridge';
import { buildAppMenuTemplate } from './app-menu';
import { registerCallLinks, type CallLinks } from './call-links';
import { applyChromiumSwitches } from './chromium-switches';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { openAppWindow } from './app-window';
import { buildContentSecurityPolicy } from './content-security-policy';
import { resolveDeskServer } from './desk-server-url';
import { registerIpcRoutes } from './ipc-routes';
import { createLog } from './log';
import { applyPermissionPolicy } from './permissions';
import { bringToFront, claimSingleInstance } from './single-instance';
import { preventDictionaryDownloads } from './spellcheck';
import { createStoreHostSupervisor } from './store-host-supervisor';
import { registerStoreHostInvokes } from './store-host-invokes';
import { createStoreHostWindowFactory } from './store-host-window';
import { systemClock, systemTimers } from './timers';
import { createTokenVault, takeLaunchTokenFrom } from './token-vault';
import { hardenWebContents } from './web-contents-guard';
import { appWindowOptions, storeHostWindowOptions } from './window-options';
import { createWindowStateSaver, loadWindowState } from './window-state';

const log = createLog(console);
const here = path.dirname(fileURLToPath(import.meta.url));
const preloads = {
  app: path.join(here, '..', 'preload', 'app-preload.cjs'),
  storeHost: path.join(here, '..', 'preload', 'store-preload.cjs'),
};

// The desk server, and the single-use launch code `npm start` may hand over (the store host
// exchanges it for a session): read once, before anything runs, and taken out of the environment
// at once so no child process inherits it. A token is never passed this way any more.
const deskServer = resolveDeskServer(process.env, process.argv);
delete process.env.DESKPAD_SESSION_TOKEN;
const takeLaunchToken = takeLaunchTokenFrom(process.env, 'DESKPAD_LAUNCH_CODE');

// Privileged schemes and Chromium switches must be set before `ready`; this top level runs before it.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
applyChromiumSwitches(app.commandLine);

const appWindows = new Set<BrowserWindow>();
let openWindow: () => void = () => undefined;
let callLinks: CallLinks | null = null;

/** A deskpad://call link goes to the focused app window once its page has loaded. */
const deliverCallLink = (link: CallLink): boolean => {
  const focused = BrowserWindow.getFocusedWindow();
  const target = [...appWindows].find((w) => w === focused) ?? [...appWindows].at(-1);
  if (target === undefined || target.isDestroyed() || target.webContents.isLoading()) return false;
  target.webContents.send(IPC_CHANNEL.callLink, link);
  bringToFront(target);
  return true;
};

const focusOrOpen = (): void => {
  const existing = BrowserWindow.getFocusedWindow() ?? [...appWindows].at(-1);
  if (existing !== undefined && appWindows.has(existing)) bringToFront(existing);
  else openWindow();
};

const atomicWriter =
  (file: string) =>
  (text: string): void => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.tmp`;
    fs.writeFileSync(temporary, text, 'utf8');
    fs.renameSync(temporary, file);
  };

const readTextOrNull = (file: string) => (): string | null => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

const start = (): void => {
  const appVersion = app.getVersion();
  const webRoot = path.join(app.getAppPath(), 'dist', 'web');

  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      root: webRoot,
      indexFile: 'desktop.html',
      readFile: (file) => readFile(file),
      contentSecurityPolicy: buildContentSecurityPolicy(),
      // Only the store host syncs, so only its page may reach the desk server.
      pagePolicies: {
        [DESKTOP_PAGES.storeHost]: buildContentSecurityPolicy({
          connectSources: [deskServer.address.origin],
        }),
      },
    }),
  );
  for (const reason of deskServer.refused) log.warn(reason);
  for (const warning of deskServer.warnings) log.warn(warning);
  log.info(`Desk server: ${deskServer.address.url} (${deskServer.address.source})`);
  const vault = createTokenVault(safeStorage, log);
  // Said at start, not at the first sign-in: whoever reads the log learns it before it matters.
  void vault.available();
  applyPermissionPolicy(session.defaultSession);
  preventDictionaryDownloads(session.defaultSession);

  const supervisor = createStoreHostSupervisor<MessagePortMain>({
    createStoreHost: createStoreHostWindowFactory({
      createWindow: (options) => new BrowserWindow(options),
      options: storeHostWindowOptions({
        preload: preloads.storeHost,
        appVersion,
        serverUrl: deskServer.address.url,
      }),
      url: appPageUrl('storeHost'),
    }),
    createChannel: () => new MessageChannelMain(),
    clock: systemClock,
    timers: systemTimers,
    log,
    onGaveUp: (reason) => {
      void dialog.showMessageBox({
        type: 'error',
        title: 'Deskpad',
        message: 'Deskpad cannot open its local store.',
        detail: `${reason}\n\nInteractions already saved stay on this computer. Quit and start Deskpad again; if this message returns, send the log to your administrator.`,
      });
    },
  });

  const isAppWindow = (webContentsId: number): boolean =>
    [...appWindows].some((w) => !w.isDestroyed() && w.webContents.id === webContentsId);

  registerIpcRoutes(
    ipcMain,
    {
      isAppWindow,
      isStoreHost: (id) => supervisor.isStoreHost(id),
      requestStorePort: (id) => supervisor.requestPort(id),
      storeHostReady: (id) => supervisor.storeHostReady(id),
      storeHostFailed: (id, message) => supervisor.storeHostFailed(id, message),
    },
    log,
  );
  registerStoreHostInvokes(
    ipcMain,
    { isStoreHost: (id) => supervisor.isStoreHost(id), vault, takeLaunchToken },
    log,
  );

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildAppMenuTemplate({
        platform: process.platform,
        developerTools: !app.isPackaged,
        sendCommand: (command, focused) => {
          const target = [...appWindows].find((w) => w === focused) ?? [...appWindows].at(-1);
          if (target !== undefined && !target.isDestroyed()) {
            target.webContents.send(IPC_CHANNEL.menuCommand, command);
          }
        },
      }),
    ),
  );

  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const saver = createWindowStateSaver(atomicWriter(stateFile), systemTimers, 500, (error) =>
    log.warn(`Could not remember the window size: ${String(error)}`),
  );

  openWindow = () => {
    const state = loadWindowState(
      readTextOrNull(stateFile),
      screen.getAllDisplays().map((display) => display.workArea),
    );
    const window = openAppWindow({
      createWindow: (options) => new BrowserWindow(options),
      options: appWindowOptions({ preload: preloads.app, appVersion, state }),
      url: appPageUrl('app'),
      maximized: state.maximized,
      saver,
      supervisor,
      log,
      confirmLeave: (asking) =>
        dialog.showMessageBoxSync(asking, {
          type: 'warning',
          title: 'Unsaved changes',
          message: 'This interaction has changes that are not saved.',
          detail: 'Leave and lose them, or stay and save them.',
          buttons: ['Stay', 'Leave without saving'],
          defaultId: 0,
          cancelId: 0,
          noLink: true,
        }) === 1,
      onClosed: (closed) => {
        appWindows.delete(closed);
        // The hidden store host keeps `window-all-closed` from firing, so decide here.
        if (appWindows.size === 0 && process.platform !== 'darwin') app.quit();
      },
    });
    appWindows.add(window);
    window.webContents.on('did-finish-load', () => callLinks?.windowReady());
  };

  app.on('before-quit', () => supervisor.stop());
  app.on('activate', () => {
    if (appWindows.size === 0) openWindow();
  });

  supervisor.start();
  openWindow();
};

if (
  claimSingleInstance(app, (argv) => {
    focusOrOpen();
    callLinks?.fromArgv(argv);
  })
) {
  // Before `ready`: macOS sends the link that launched the app as open-url early.
  callLinks = registerCallLinks({
    app,
    launch: { defaultApp: process.defaultApp, execPath: process.execPath, argv: process.argv },
    deliver: deliverCallLink,
    log,
  });
  app.setAppUserModelId('org.deskpad.desktop');
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, log, deskServer.address.origin),
  );
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error(`Could not start: ${String(error)}`);
      app.exit(1);
    });
}
