// Checks which key presses are Deskpad's shortcuts and which stay text.
// Table-driven: each row is a key an agent presses.

import { describe, expect, it } from 'vitest';
import { SHORTCUTS } from '../../shared/shortcuts';
import { matchShortcut, type KeyPress } from './match-shortcut';

const press = (key: string, code: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('matchShortcut', () => {
  it.each([
    [press('n', 'KeyN', { altKey: true }), 'new-interaction'],
    [press('˜', 'KeyN', { altKey: true }), 'new-interaction'],
    [press('s', 'KeyS', { ctrlKey: true }), 'save'],
    [press('s', 'KeyS', { metaKey: true }), 'save'],
    [press('k', 'KeyK', { ctrlKey: true }), 'caller-lookup'],
    [press('g', 'KeyG', { ctrlKey: true }), 'go-to-anything'],
    [press('Enter', 'Enter', { ctrlKey: true }), 'save-and-close'],
    [press('Enter', 'NumpadEnter', { metaKey: true }), 'save-and-close'],
    [press('l', 'KeyL', { altKey: true }), 'focus-list'],
    [press('i', 'KeyI', { altKey: true }), 'create-incident'],
    // Alt+I on a Mac is a dead key (ˆ): the physical key still says which shortcut it is.
    [press('Dead', 'KeyI', { altKey: true }), 'create-incident'],
    [press('r', 'KeyR', { altKey: true }), 'create-request'],
    [press('®', 'KeyR', { altKey: true }), 'create-request'],
    [press('x', 'KeyX', { altKey: true }), 'find-existing-incidents'],
    // Alt+A on a Mac types "å": the physical key answers the newest incoming call.
    [press('å', 'KeyA', { altKey: true }), 'answer-call'],
    // Start call / End call; on a Mac Alt+T types "†".
    [press('t', 'KeyT', { altKey: true }), 'call-timer'],
    [press('†', 'KeyT', { altKey: true }), 'call-timer'],
    [press('p', 'KeyP', { altKey: true }), 'templates'],
    [press('F1', 'F1'), 'show-shortcuts'],
    [press('?', 'Slash', { shiftKey: true }), 'show-shortcuts'],
  ] as const)('%o is %s', (key, id) => {
    expect(matchShortcut(key, false)).toBe(id);
  });

  it('keeps "?" as text while the agent types in a field, but F1 still helps', () => {
    expect(matchShortcut(press('?', 'Slash', { shiftKey: true }), true)).toBeNull();
    expect(matchShortcut(press('F1', 'F1'), true)).toBe('show-shortcuts');
    expect(matchShortcut(press('s', 'KeyS', { ctrlKey: true }), true)).toBe('save');
  });

  it('escalates from inside a field too: Alt+letter is never text on Windows or Linux', () => {
    expect(matchShortcut(press('i', 'KeyI', { altKey: true }), true)).toBe('create-incident');
    expect(matchShortcut(press('x', 'KeyX', { altKey: true }), true)).toBe(
      'find-existing-incidents',
    );
  });

  it('matches every Alt+letter the table shows with the key it names', () => {
    for (const shortcut of SHORTCUTS) {
      const letter = /^Alt\+([A-Z])$/.exec(shortcut.keys)?.[1];
      if (letter === undefined) continue;
      const key = press(letter.toLowerCase(), `Key${letter}`, { altKey: true });
      expect(matchShortcut(key, false), shortcut.keys).toBe(shortcut.id);
    }
  });

  it('ignores ordinary letters and other combinations', () => {
    expect(matchShortcut(press('n', 'KeyN'), false)).toBeNull();
    expect(matchShortcut(press('S', 'KeyS', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(matchShortcut(press('q', 'KeyQ', { altKey: true }), false)).toBeNull();
    // Ctrl+R reloads and Ctrl+I belongs to the browser: only Alt escalates.
    expect(matchShortcut(press('i', 'KeyI', { ctrlKey: true }), false)).toBeNull();
    expect(matchShortcut(press('I', 'KeyI', { altKey: true, shiftKey: true }), false)).toBeNull();
    // AltGr is Ctrl+Alt on Windows: it types characters (AltGr+X, AltGr+R), never a shortcut.
    expect(matchShortcut(press('»', 'KeyX', { altKey: true, ctrlKey: true }), false)).toBeNull();
  });
});
