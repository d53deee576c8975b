// Turns a key press into one of the shared shortcut ids (shared/shortcuts.ts), or null. Pure: the
// caller listens for keys and decides what "typing in a field" means for its DOM.

import type { ShortcutId } from '../../shared/shortcuts';

export interface KeyPress {
  key: string;
  /** The physical key: Alt+N on a Mac types "˜", but its code is still KeyN. */
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export function matchShortcut(press: KeyPress, typingInField: boolean): ShortcutId | null {
  const command = press.ctrlKey || press.metaKey;
  const key = press.key.toLowerCase();
  if (command && !press.altKey && !press.shiftKey) {
    if (press.code === 'KeyS' || key === 's') return 'save';
    if (press.code === 'KeyK' || key === 'k') return 'caller-lookup';
    if (press.code === 'KeyG' || key === 'g') return 'go-to-anything';
    if (press.key === 'Enter') return 'save-and-close';
    return null;
  }
  if (press.altKey && !command && !press.shiftKey) {
    if (press.code === 'KeyN') return 'new-interaction';
    if (press.code === 'KeyL') return 'focus-list';
    if (press.code === 'KeyI') return 'create-incident';
    if (press.code === 'KeyR') return 'create-request';
    if (press.code === 'KeyX') return 'find-existing-incidents';
    if (press.code === 'KeyC') return 'call-next';
    if (press.code === 'KeyS') return 'start-visit';
    if (press.code === 'KeyA') return 'answer-call';
    if (press.code === 'KeyT') return 'call-timer';
    if (press.code === 'KeyP') return 'templates';
    return null;
  }
  if (press.key === 'F1' && !command && !press.altKey) return 'show-shortcuts';
  // "?" is a character: in a field it is text, not a command.
  if (press.key === '?' && !command && !press.altKey && !typingInField) return 'show-shortcuts';
  return null;
}

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'tel',
  'url',
  'password',
  'number',
  '',
]);

/** Whether keys pressed in `element` are the agent's text (so "?" must stay a question mark). */
export function isTypingIn(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(element.type);
  return element instanceof HTMLElement && element.isContentEditable;
}
