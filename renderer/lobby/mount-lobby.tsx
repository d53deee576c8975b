// The lobby page's entry into React: mounts the lobby board into a page element with what the page
// gives it. Never chooses the platform or reads the address itself: web/lobby.ts does.

import { createRoot } from 'react-dom/client';
import { LobbyApp, type LobbyAppProps } from './lobby-app';
import '../styles/base.css';
import '../styles/lobby.css';

export function mountLobby(root: HTMLElement, props: LobbyAppProps): void {
  createRoot(root).render(<LobbyApp {...props} />);
}
