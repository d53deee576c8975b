// Listens for the shared keyboard shortcuts on the window and for the same commands from the
// desktop app menu (window.deskpad). Never decides what a command does: the app passes handlers.

import { useEffect, useRef } from 'react';
import type { DeskpadBridge } from '../../shared/desktop-bridge';
import type { ShortcutId } from '../../shared/shortcuts';
import { isTypingIn, matchShortcut } from './match-shortcut';

export type ShortcutHandlers = Record<ShortcutId, () => void>;

function desktopBridge(): DeskpadBridge | undefined {
  return (window as Window & { deskpad?: DeskpadBridge }).deskpad;
}

export function useShortcuts(handlers: ShortcutHandlers, enabled: boolean): void {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });

  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing) return;
      const id = matchShortcut(event, isTypingIn(document.activeElement));
      if (!id) return;
      // Ctrl+S would save the page, Ctrl+K focus the browser's search, F1 open its help.
      event.preventDefault();
      current.current[id]();
    };
    window.addEventListener('keydown', onKeyDown);
    const stopMenu = desktopBridge()?.onMenuCommand((id) => current.current[id]());
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      stopMenu?.();
    };
  }, [enabled]);
}
