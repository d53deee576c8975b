// The application menu: the keyboard shortcuts from shared/shortcuts.ts as menu items that
// send their command to the focused app window. Never handles keys itself: the page does.

import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/desktop-bridge';
import { SHORTCUTS } from '../../shared/shortcuts';

export interface AppMenuOptions {
  readonly platform: string;
  /** Shows the developer tools items; off in packaged builds. */
  readonly developerTools: boolean;
  sendCommand(command: MenuCommand, focusedWindow: BaseWindow | undefined): void;
}

const SEPARATOR: MenuItemConstructorOptions = { type: 'separator' };

export const buildAppMenuTemplate = (options: AppMenuOptions): MenuItemConstructorOptions[] => {
  const command = (id: MenuCommand): MenuItemConstructorOptions => {
    const shortcut = SHORTCUTS.find((s) => s.id === id);
    if (shortcut === undefined) throw new Error(`No shortcut for menu command ${id}`);
    return {
      id,
      label: shortcut.label,
      accelerator: shortcut.accelerator,
      // The page's key handler owns the keys (it also runs in the browser build); the menu
      // shows them and offers the commands to the mouse. Registering them too would run
      // each command twice on Linux and Windows.
      registerAccelerator: false,
      click: (_item, focusedWindow) => options.sendCommand(id, focusedWindow),
    };
  };
  const isMac = options.platform === 'darwin';
  const developer: MenuItemConstructorOptions[] = options.developerTools
    ? [SEPARATOR, { role: 'reload' }, { role: 'toggleDevTools' }]
    : [];

  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        command('new-interaction'),
        command('templates'),
        command('save'),
        command('save-and-close'),
        SEPARATOR,
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        command('go-to-anything'),
        command('caller-lookup'),
        command('focus-list'),
        SEPARATOR,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        SEPARATOR,
        { role: 'togglefullscreen' },
        ...developer,
      ],
    },
    {
      // Acts on the interaction in the focused window's form, as the form's own buttons do.
      label: 'Escalate',
      submenu: [
        command('create-incident'),
        command('create-request'),
        command('find-existing-incidents'),
      ],
    },
    {
      // Acts on the interaction in the focused window's form, as its call timer's button does.
      label: 'Phone',
      submenu: [command('call-timer')],
    },
    {
      // Acts on the Walk-up section's location and station, as its own buttons do.
      label: 'Walk-up',
      submenu: [command('call-next'), command('start-visit')],
    },
    {
      // Acts on the incoming-call banners, as their own Answer buttons do.
      label: 'Phone',
      submenu: [command('answer-call')],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [command('show-shortcuts')] },
  ];
};
