// The Unsaved changes dialog: asked when the agent leaves a form holding typing not saved yet.
// Keep editing is the default and Escape's choice; never saves or discards by itself.

import { useId, useRef } from 'react';
import { ModalDialog } from '../dialog/modal-dialog';
import type { UnsavedForm } from './ui-state';

interface UnsavedChangesDialogProps {
  unsaved: UnsavedForm | null;
  onSave: () => void;
  onDiscard: () => void;
  onKeepEditing: () => void;
}

export function UnsavedChangesDialog({
  unsaved,
  onSave,
  onDiscard,
  onKeepEditing,
}: UnsavedChangesDialogProps) {
  const textId = useId();
  const keepRef = useRef<HTMLButtonElement>(null);
  const text = unsaved?.number
    ? `${unsaved.number} has changes that are not saved.`
    : 'This new interaction is not saved.';
  return (
    <ModalDialog
      title="Unsaved changes"
      onCancel={onKeepEditing}
      initialFocus={keepRef}
      describedBy={textId}
    >
      <p id={textId}>{text}</p>
      <div className="actions actions--end">
        <button type="button" className="button button--primary" onClick={onSave}>
          Save and continue
        </button>
        <button type="button" className="button button--danger" onClick={onDiscard}>
          Discard changes
        </button>
        <button type="button" className="button" ref={keepRef} onClick={onKeepEditing}>
          Keep editing
        </button>
      </div>
    </ModalDialog>
  );
}
