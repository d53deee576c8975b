// Listens for deskpad://call links a softphone opened (desktop app only: the browser build has no
// bridge) and hands each to the app. Never decides what a link opens: the app passes the handler.

import { useEffect, useRef } from 'react';
import type { CallLink } from '../../shared/call-link';
import type { DeskpadBridge } from '../../shared/desktop-bridge';

export function useCallLinks(onLink: (link: CallLink) => void): void {
  const current = useRef(onLink);
  useEffect(() => {
    current.current = onLink;
  });
  useEffect(() => {
    const bridge = (window as Window & { deskpad?: DeskpadBridge }).deskpad;
    return bridge?.onCallLink((link) => current.current(link));
  }, []);
}
