// The Keyboard shortcuts help overlay: a modal dialog listing shared/shortcuts.ts. Escape or Close
// ends it and focus goes back where it was. Never handles the shortcuts themselves.

import { useRef } from 'react';
import { SHORTCUTS, shortcutOf } from '../../shared/shortcuts';
import { ModalDialog } from '../dialog/modal-dialog';

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog title="Keyboard shortcuts" onCancel={onClose} initialFocus={closeRef}>
      <table className="shortcut-table">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What it does</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.id}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        In the lookups, Up and Down move through the matches and Enter picks one.
      </p>
      <p className="muted">
        In the Calls section, Up and Down move between the calls and Enter opens the interaction a
        call became, or logs the call as one. An incoming call never takes the focus: Tab reaches
        its banner at the top, or {shortcutOf('answer-call').keys} answers the newest.
      </p>
      <div className="actions actions--end">
        <button type="button" className="button" ref={closeRef} onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
