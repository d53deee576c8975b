// Asks before a refused change is discarded, because its data leaves the desk for good.
// Keep it is the default and Escape's choice; never discards without the agent's click.

import { useId, useRef, useState } from 'react';
import type { NeedsAttentionItem } from '../../shared/store-api/contract';
import { useStoreHost } from '../app/deskpad-context';
import { ModalDialog } from '../dialog/modal-dialog';
import { describeChange, describeTarget } from './describe-change';

export function DiscardChangeDialog({
  item,
  onClose,
}: {
  item: NeedsAttentionItem;
  onClose: () => void;
}) {
  const store = useStoreHost();
  const textId = useId();
  const keepRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const discard = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const answer = await store.act('sync.discard', { id: item.id });
    setBusy(false);
    if (answer.ok) onClose();
    else setError(`Discard did not work: ${answer.error.message}`);
  };

  return (
    <ModalDialog
      title="Discard this change?"
      onCancel={onClose}
      initialFocus={keepRef}
      describedBy={textId}
    >
      <p id={textId}>
        “{describeChange(item)}” on {describeTarget(item)} is dropped from this desk for good. It
        never reaches the desk server.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions actions--end">
        <button
          type="button"
          className="button button--danger"
          aria-disabled={busy}
          onClick={() => void discard()}
        >
          Discard
        </button>
        <button type="button" className="button" ref={keepRef} onClick={onClose}>
          Keep it
        </button>
      </div>
    </ModalDialog>
  );
}
