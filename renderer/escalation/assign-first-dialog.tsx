// The first seed's rule before Create Incident or Create Request: the interaction must be assigned
// to a fulfiller. Says so and offers Assign to me; never escalates an unassigned interaction.

import { useId, useRef, useState } from 'react';
import type { Group } from '../../shared/domain/directory';
import type { InteractionView } from '../../shared/store-api/contract';
import { ModalDialog } from '../dialog/modal-dialog';
import { groupForAgent } from '../assignment/assignment-picker';
import { useDeskpad } from '../app/deskpad-context';
import { useLiveValue } from '../hooks/use-live-query';

const NO_GROUPS: Group[] = [];

interface AssignFirstDialogProps {
  interaction: InteractionView;
  /** The reason in words (escalationBlocker). */
  reason: string;
  /** Null when nothing but closing this message can help (a closed interaction). */
  onAssigned: ((interaction: InteractionView) => void) | null;
  onCancel: () => void;
}

export function AssignFirstDialog({
  interaction,
  reason,
  onAssigned,
  onCancel,
}: AssignFirstDialogProps) {
  const { store } = useDeskpad();
  const textId = useId();
  const assignRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const session = useLiveValue('session.current', {}, null);
  const groups = useLiveValue('directory.listGroups', {}, NO_GROUPS);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const agentId = session?.agent.id ?? null;

  const assign = async () => {
    if (busy || !onAssigned) return;
    const group = agentId ? groupForAgent(groups, interaction.assignmentGroup, agentId) : null;
    if (!agentId || !group) {
      setError('You are in no assignment group, so you cannot be Assigned to this interaction.');
      return;
    }
    setBusy(true);
    const answer = await store.command('interaction.update', {
      id: interaction.id,
      changes: { assignmentGroup: group, assignedTo: agentId },
    });
    setBusy(false);
    if (answer.ok) onAssigned(answer.value);
    else setError(answer.error.message);
  };

  return (
    <ModalDialog
      title="Assign the interaction first"
      onCancel={onCancel}
      initialFocus={onAssigned ? assignRef : cancelRef}
      describedBy={textId}
    >
      <p id={textId}>{reason}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions actions--end">
        {onAssigned && (
          <button
            type="button"
            className="button button--primary"
            ref={assignRef}
            aria-disabled={busy || !session}
            onClick={() => void assign()}
          >
            Assign to me
          </button>
        )}
        <button type="button" className="button" ref={cancelRef} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}
