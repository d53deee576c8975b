// Asked when Back to the articles would drop an article's unsaved edits: Keep editing (the
// default, and Escape's) or Discard changes. Never saves or discards by itself.

import { useId, useRef } from 'react';
import { ModalDialog } from '../../dialog/modal-dialog';

export function LeaveArticleDialog({
  onDiscard,
  onKeepEditing,
}: {
  onDiscard: () => void;
  onKeepEditing: () => void;
}) {
  const textId = useId();
  const keepRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog
      title="Unsaved changes"
      onCancel={onKeepEditing}
      initialFocus={keepRef}
      describedBy={textId}
    >
      <p id={textId}>This article has changes that are not saved.</p>
      <div className="actions actions--end">
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
