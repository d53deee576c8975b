// Tests the desktop bridge contract's guards: what a page or preload accepts as a message.
// Never reaches Electron or the DOM; the guards are pure.

import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  APP_VERSION_SWITCH,
  DESKPAD_BRIDGE_KEYS,
  MENU_COMMANDS,
  PAGE_MESSAGE,
  appPageUrl,
  isMenuCommand,
  readAppVersion,
  readFailureMessage,
  readPageMessage,
  readStoreWindowRef,
  toDesktopPlatform,
} from './desktop-bridge';
import { SHORTCUTS } from './shortcuts';

describe('desktop bridge contract', () => {
  it('serves pages from the app origin, never file://', () => {
    expect(APP_ORIGIN).toBe('app://deskpad');
    expect(appPageUrl('app')).toBe('app://deskpad/desktop.html');
    expect(appPageUrl('storeHost')).toBe('app://deskpad/store-host.html');
  });

  it('names one menu command per keyboard shortcut', () => {
    expect([...MENU_COMMANDS].sort()).toEqual(SHORTCUTS.map((s) => s.id).sort());
    expect(isMenuCommand('save')).toBe(true);
    expect(isMenuCommand('format-disk')).toBe(false);
    expect(isMenuCommand(42)).toBe(false);
  });

  it('lists the five bridge keys and nothing else', () => {
    expect([...DESKPAD_BRIDGE_KEYS].sort()).toEqual(
      ['appVersion', 'onCallLink', 'onMenuCommand', 'platform', 'requestStorePort'].sort(),
    );
  });

  it('maps unknown platforms to other', () => {
    expect(toDesktopPlatform('linux')).toBe('linux');
    expect(toDesktopPlatform('freebsd')).toBe('other');
  });

  it('reads the app version switch and refuses odd values', () => {
    expect(readAppVersion(['electron', `${APP_VERSION_SWITCH}0.1.0`])).toBe('0.1.0');
    expect(readAppVersion(['electron'])).toBe('unknown');
    expect(readAppVersion([`${APP_VERSION_SWITCH}<script>`])).toBe('unknown');
  });

  it('accepts well-formed page messages and refuses look-alikes', () => {
    expect(readPageMessage({ type: PAGE_MESSAGE.storePort })).toEqual({
      type: 'deskpad:store-port',
    });
    expect(readPageMessage({ type: PAGE_MESSAGE.storeConnect, windowId: 3 })).toEqual({
      type: 'deskpad:store-connect',
      windowId: 3,
    });
    expect(readPageMessage({ type: PAGE_MESSAGE.storeConnect, windowId: '3' })).toBeNull();
    expect(readPageMessage({ type: PAGE_MESSAGE.storeDisconnect, windowId: -1 })).toBeNull();
    expect(readPageMessage({ type: PAGE_MESSAGE.storeHostFailed, message: 7 })).toBeNull();
    expect(readPageMessage({ type: 'something-else' })).toBeNull();
    expect(readPageMessage('deskpad:store-port')).toBeNull();
    expect(readPageMessage(null)).toBeNull();
  });

  it('caps failure messages so a page cannot flood main', () => {
    const long = 'x'.repeat(10_000);
    expect(readFailureMessage(long)).toHaveLength(2000);
    expect(readFailureMessage({})).toBeNull();
    const message = readPageMessage({ type: PAGE_MESSAGE.storeHostFailed, message: long });
    expect(message?.type === PAGE_MESSAGE.storeHostFailed && message.message.length).toBe(2000);
  });

  it('reads a store window reference', () => {
    expect(readStoreWindowRef({ windowId: 2 })).toEqual({ windowId: 2 });
    expect(readStoreWindowRef({ windowId: 1.5 })).toBeNull();
    expect(readStoreWindowRef(undefined)).toBeNull();
  });
});
