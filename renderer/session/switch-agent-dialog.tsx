// "Switch from A to B?": asked when a launch link or an adopted session brings another agent than the
// one signed in. Cancel (and Escape) keeps A; A's unsynced changes wait for A either way. Never signs out A itself.

import { useId, useRef, useState } from 'react';
import type { SwitchAsked } from '../../shared/store-api/contract';
import { useStoreHost } from '../app/deskpad-context';
import { ModalDialog } from '../dialog/modal-dialog';
import { switchWords } from './waiting-words';

export function SwitchAgentDialog({ asked }: { asked: SwitchAsked }) {
  const store = useStoreHost();
  const textId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { from, to } = asked;

  const answer = async (accept: boolean): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const done = await store.act('session.switch', { accept });
    setBusy(false);
    if (!done.ok) setError(`That did not work: ${done.error.message}`);
  };

  return (
    <ModalDialog
      title={`Switch from ${from.name} to ${to.name}?`}
      onCancel={() => void answer(false)}
      initialFocus={cancelRef}
      describedBy={textId}
    >
      <p id={textId}>{switchWords(from.name, to.name, asked.unsynced)}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions actions--end">
        <button
          type="button"
          className="button button--primary"
          aria-disabled={busy}
          onClick={() => void answer(true)}
        >
          Switch to {to.name}
        </button>
        <button
          type="button"
          className="button"
          ref={cancelRef}
          aria-disabled={busy}
          onClick={() => void answer(false)}
        >
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}
