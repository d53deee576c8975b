// The banner: the app's name, New interaction, the sync mark, the directory's first-start
// progress, the help button and who is signed in. Never holds data of its own.

import { useLiveValue } from '../hooks/use-live-query';
import { DirectoryProgress } from './directory-progress';
import { SyncMark } from './sync-mark';

interface AppHeaderProps {
  onNewInteraction: () => void;
  onShowShortcuts: () => void;
}

export function AppHeader({ onNewInteraction, onShowShortcuts }: AppHeaderProps) {
  const session = useLiveValue('session.current', {}, null);
  return (
    <header className="app-header">
      <h1 className="app-name">Deskpad</h1>
      <button
        type="button"
        className="button button--primary"
        onClick={onNewInteraction}
        aria-keyshortcuts="Alt+N"
      >
        New interaction
      </button>
      <DirectoryProgress />
      <div className="header-end">
        <SyncMark />
        {session && <span className="agent-name">{session.agent.name}</span>}
        <button
          type="button"
          className="button button--quiet"
          onClick={onShowShortcuts}
          aria-keyshortcuts="F1"
          title="Keyboard shortcuts (? or F1)"
        >
          Shortcuts
        </button>
      </div>
    </header>
  );
}
