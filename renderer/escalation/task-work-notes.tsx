// Work notes on an incident or request: add one (its id fixed when typed, so a retry is one note)
// and the journal, newest first. Internal to fulfillers: never offers to send a note to the caller.

import { useId, useState } from 'react';
import type { StoreResult } from '../../shared/domain/result';
import { WORK_NOTE_MAX, type WorkNote } from '../../shared/domain/work-note';
import { formatFullTime, formatShortTime } from '../format/format-time';
import { FormField } from '../interaction-form/form-field';
import { WORK_NOTES_INTERNAL } from '../interaction-form/work-notes';
import { useEscalation } from './escalation-context';

interface TaskWorkNotesProps {
  notes: WorkNote[];
  onAdd: (noteId: string, text: string) => Promise<StoreResult<unknown>>;
}

export function TaskWorkNotes({ notes, onAdd }: TaskWorkNotesProps) {
  const { newId, now } = useEscalation();
  const baseId = useId();
  const [text, setText] = useState('');
  const [noteId, setNoteId] = useState(newId);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const today = now();

  const add = async () => {
    if (busy) return;
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
    <div className="work-notes">
      <FormField
        id={`${baseId}-note`}
        label="Work notes"
        error={error}
        hint={<strong>{WORK_NOTES_INTERNAL}</strong>}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={WORK_NOTE_MAX}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </FormField>
      <div className="actions actions--end">
        <button type="button" className="button" aria-disabled={busy} onClick={() => void add()}>
          Add work note
        </button>
      </div>
      {notes.length === 0 ? (
        <p className="muted">No work notes yet.</p>
      ) : (
        <ol className="journal-list" aria-label="Journal">
          {[...notes].reverse().map((note) => (
            <li key={note.id} className="journal-entry">
              <p className="journal-meta">
                <span className="journal-author">{note.authorName}</span>{' '}
                <time dateTime={note.at} title={formatFullTime(note.at)}>
                  {formatShortTime(note.at, today)}
                </time>
              </p>
              <p className="journal-text">{note.text}</p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
