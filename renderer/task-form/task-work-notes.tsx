// Work notes on an incident or request: the note's id is fixed while its text is typed, so a
// retried Add work note is one note. Never sends a note to the caller (work-notes-view shows them).

import { useId, useState } from 'react';
import type { StoreResult } from '../../shared/domain/result';
import type { WorkNote } from '../../shared/domain/work-note';
import { WorkNotesView } from '../work-notes/work-notes-view';
import { useDeskpad } from '../app/deskpad-context';

interface TaskWorkNotesProps {
  notes: WorkNote[];
  onAdd: (noteId: string, text: string) => Promise<StoreResult<unknown>>;
}

export function TaskWorkNotes({ notes, onAdd }: TaskWorkNotesProps) {
  const { newId, now } = useDeskpad();
  const baseId = useId();
  const [text, setText] = useState('');
  const [noteId, setNoteId] = useState(newId);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const add = async () => {
    setBusy(true);
    const answer = await onAdd(noteId, text);
    setBusy(false);
    if (answer.ok) {
      setText('');
      setError(undefined);
      setNoteId(newId());
    } else setError(answer.error.fieldErrors?.text ?? answer.error.message);
  };

  return (
    <WorkNotesView
      fieldId={`${baseId}-note`}
      text={text}
      onText={(next) => {
        setText(next);
        setError(undefined);
      }}
      error={error}
      busy={busy}
      onAdd={() => void add()}
      notes={notes}
      now={now()}
    />
  );
}
