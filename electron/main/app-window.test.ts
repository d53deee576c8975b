// Tests the app window adapter: it asks for a store port on every page load, delivers ports on
// the store channel, and forgets the window when it closes. Uses a fake BrowserWindow.

import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, MessagePortMain } from 'electron';
import { IPC_CHANNEL } from '../../shared/desktop-bridge';
import { openAppWindow } from './app-window';
import { FakeEmitter, ManualTime, asFake, silentLog } from './test-support/fakes';
import type { AppWindowLink } from './store-host-supervisor';
import { createWindowStateSaver } from './window-state';

const setup = (maximized: boolean, leave = false) => {
  const contents = Object.assign(new FakeEmitter(), {
    id: 12,
    postMessage: vi.fn(),
    isDestroyed: () => false,
  });
  const window = Object.assign(new FakeEmitter(), {
    webContents: contents,
    loadURL: vi.fn(() => Promise.resolve()),
    maximize: vi.fn(),
    show: vi.fn(),
    getNormalBounds: () => ({ x: 0, y: 0, width: 1000, height: 700 }),
    isMaximized: () => false,
  });
  const links: AppWindowLink<MessagePortMain>[] = [];
  const supervisor = {
    addAppWindow: vi.fn((link: AppWindowLink<MessagePortMain>) => links.push(link)),
    removeAppWindow: vi.fn(),
    requestPort: vi.fn(),
  };
  const onClosed = vi.fn();
  const confirmLeave = vi.fn(() => leave);
  openAppWindow({
    createWindow: () => asFake<BrowserWindow>(window),
    options: {},
    url: 'app://deskpad/desktop.html',
    maximized,
    saver: createWindowStateSaver(() => undefined, new ManualTime()),
    supervisor,
    log: silentLog(),
    onClosed,
    confirmLeave,
  });
  return { window, contents, supervisor, links, onClosed, confirmLeave };
};

describe('app window', () => {
  it('loads the app page and asks for a store port on each load', () => {
    const { window, contents, supervisor } = setup(false);
    expect(window.loadURL).toHaveBeenCalledWith('app://deskpad/desktop.html');
    expect(supervisor.addAppWindow).toHaveBeenCalledTimes(1);
    contents.emit('did-finish-load');
    contents.emit('did-finish-load');
    expect(supervisor.requestPort).toHaveBeenCalledTimes(2);
    expect(supervisor.requestPort).toHaveBeenCalledWith(12);
  });

  it('delivers ports on the store port channel', () => {
    const { contents, links } = setup(false);
    const port = asFake<MessagePortMain>({});
    links[0]?.sendStorePort(port);
    expect(contents.postMessage).toHaveBeenCalledWith(IPC_CHANNEL.storePort, null, [port]);
  });

  it('shows when ready, maximized if it was', () => {
    const { window } = setup(true);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.maximize).toHaveBeenCalledTimes(1);
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('leaves the supervisor when closed', () => {
    const { window, supervisor, onClosed } = setup(false);
    window.emit('closed');
    expect(supervisor.removeAppWindow).toHaveBeenCalledWith(12);
    expect(onClosed).toHaveBeenCalledTimes(1);
  });

  it('asks before a page with unsaved typing unloads, and stays unless the agent says leave', () => {
    const stay = setup(false, false);
    expect(stay.contents.emitPreventable('will-prevent-unload').prevented).toBe(false);
    expect(stay.confirmLeave).toHaveBeenCalledTimes(1);
    const leave = setup(false, true);
    // preventDefault on will-prevent-unload means: ignore the page's refusal and unload.
    expect(leave.contents.emitPreventable('will-prevent-unload').prevented).toBe(true);
  });
});
