// "Close the interaction?" after Submit: the seed says escalating never closes the interaction by
// itself, so the agent chooses. Keep it open is where focus starts and what Escape means.

import { useId, useRef, useState } from 'react';
import type { InteractionView } from '../../shared/store-api/contract';
import { ModalDialog } from '../dialog/modal-dialog';
import { useDeskpad } from '../app/deskpad-context';

interface CloseInteractionQuestionProps {
  interaction: Pick<InteractionView, 'id' | 'number' | 'visit'>;
  /** What was made, in words: "Incident INC-P0001 was created." */
  made: string;
  /** Why keeping it open may be the better choice (a callback is coming). */
  note?: string;
  onDone: (closed: boolean) => void;
}

export function CloseInteractionQuestion({
  interaction,
  made,
  note,
  onDone,
}: CloseInteractionQuestionProps) {
  const { store } = useDeskpad();
  const textId = useId();
  const keepRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = async () => {
    if (busy) return;
    setBusy(true);
    const answer = await store.command('interaction.close', {
      id: interaction.id,
      state: 'Closed Complete',
      ...(interaction.visit ? { visit: interaction.visit } : {}),
    });
    setBusy(false);
    if (answer.ok) onDone(true);
    else setError(answer.error.message);
  };

  return (
    <ModalDialog
      title="Close the interaction?"
      onCancel={() => onDone(false)}
      initialFocus={keepRef}
      describedBy={textId}
    >
      <p id={textId}>
        {made} Interaction {interaction.number} stays open until you close it.
        {note ? ` ${note}` : ''}
      </p>
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
          onClick={() => void close()}
        >
          Close interaction
        </button>
        <button type="button" className="button" ref={keepRef} onClick={() => onDone(false)}>
          Keep it open
        </button>
      </div>
    </ModalDialog>
  );
}
