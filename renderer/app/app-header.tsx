// The banner: the app's name, New interaction, the directory's and a first sync's progress, how many
// wait at the walk-up desk, Needs attention, the sync mark, who is signed in, Sign out and help.
// Never holds data of its own.

import type { SessionState } from '../../shared/store-api/contract';
import { useLiveValue } from '../hooks/use-live-query';
import { NEEDS_ATTENTION_PANEL_ID } from '../needs-attention/needs-attention-panel';
import { SessionControls } from '../session/session-controls';
import { WalkUpWaiting } from '../walk-up/walk-up-waiting';
import { useUi } from './deskpad-context';
import { DirectoryProgress } from './directory-progress';
import { SnapshotProgress } from './snapshot-progress';
import { SyncMark } from './sync-mark';

interface AppHeaderProps {
  session: SessionState | null;
  onNewInteraction: () => void;
  onShowShortcuts: () => void;
}

function NeedsAttentionButton() {
  const status = useLiveValue('sync.status', {}, null);
  const open = useUi((s) => s.attentionOpen);
  const setOpen = useUi((s) => s.setAttentionOpen);
  const count = status?.needsAttention ?? 0;
  if (count === 0) return null;
  return (
    <button
      type="button"
      className="button button--warn"
      aria-expanded={open}
      aria-controls={open ? NEEDS_ATTENTION_PANEL_ID : undefined}
      onClick={() => setOpen(!open)}
    >
      Needs attention ({count})
    </button>
  );
}

export function AppHeader({ session, onNewInteraction, onShowShortcuts }: AppHeaderProps) {
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
      <SnapshotProgress />
      <div className="header-end">
        <WalkUpWaiting />
        <NeedsAttentionButton />
        <SyncMark session={session} />
        <SessionControls session={session} />
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
