// Tests the app menu: every shortcut appears with its accelerator and sends its command to the
// focused window; the page keeps the keys. Pure template checks; no Menu is built.

import { describe, expect, it, vi } from 'vitest';
import type { BaseWindow, KeyboardEvent, MenuItem, MenuItemConstructorOptions } from 'electron';
import { SHORTCUTS } from '../../shared/shortcuts';
import { buildAppMenuTemplate } from './app-menu';
import { asFake } from './test-support/fakes';

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);

const build = (platform = 'linux', developerTools = false) => {
  const sendCommand = vi.fn();
  const items = flatten(buildAppMenuTemplate({ platform, developerTools, sendCommand }));
  return { items, sendCommand };
};

describe('app menu', () => {
  it('offers every keyboard shortcut with its label and accelerator', () => {
    const { items } = build();
    for (const shortcut of SHORTCUTS) {
      const item = items.find((i) => i.id === shortcut.id);
      expect(item?.label).toBe(shortcut.label);
      expect(item?.accelerator).toBe(shortcut.accelerator);
      // The page handles the keys; the menu only shows them, so nothing runs twice.
      expect(item?.registerAccelerator).toBe(false);
    }
  });

  it('sends the command to the focused window', () => {
    const { items, sendCommand } = build();
    const focused = asFake<BaseWindow>({ id: 3 });
    items
      .find((i) => i.id === 'new-interaction')
      ?.click?.(asFake<MenuItem>({}), focused, asFake<KeyboardEvent>({}));
    expect(sendCommand).toHaveBeenCalledWith('new-interaction', focused);
  });

  it('has an Escalate menu with Create Incident, Create Request and Find existing incidents', () => {
    const sendCommand = vi.fn();
    const menus = buildAppMenuTemplate({ platform: 'linux', developerTools: false, sendCommand });
    const escalate = menus.find((m) => m.label === 'Escalate');
    const submenu = Array.isArray(escalate?.submenu) ? escalate.submenu : [];
    expect(submenu.map((i) => [i.label, i.accelerator])).toEqual([
      ['Create Incident', 'Alt+I'],
      ['Create Request', 'Alt+R'],
      ['Find existing incidents', 'Alt+X'],
    ]);
    const focused = asFake<BaseWindow>({ id: 4 });
    for (const item of submenu)
      item.click?.(asFake<MenuItem>({}), focused, asFake<KeyboardEvent>({}));
    expect(sendCommand.mock.calls).toEqual([
      ['create-incident', focused],
      ['create-request', focused],
      ['find-existing-incidents', focused],
    ]);
  });

  it('hides reload and developer tools in a packaged build', () => {
    expect(
      build('linux', false).items.some((i) => i.role === 'toggleDevTools' || i.role === 'reload'),
    ).toBe(false);
    expect(build('linux', true).items.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('follows each platform’s conventions for quitting', () => {
    expect(build('darwin').items.some((i) => i.role === 'appMenu')).toBe(true);
    expect(build('linux').items.some((i) => i.role === 'quit')).toBe(true);
    expect(build('linux').items.some((i) => i.role === 'appMenu')).toBe(false);
  });
});
