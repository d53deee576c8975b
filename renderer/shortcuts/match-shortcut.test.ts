// Checks which key presses are Deskpad's shortcuts and which stay text.
// Table-driven: each row is a key an agent presses.

import { describe, expect, it } from 'vitest';
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
    [press('l', 'KeyL', { altKey: true }), 'focus-list'],
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

  it('ignores ordinary letters and other combinations', () => {
    expect(matchShortcut(press('n', 'KeyN'), false)).toBeNull();
    expect(matchShortcut(press('S', 'KeyS', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(matchShortcut(press('x', 'KeyX', { altKey: true }), false)).toBeNull();
  });
});
