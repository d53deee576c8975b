// Work notes as every record shows them (interaction, incident, request): the field to write one,
// Add work note, and the Journal, newest first. Work notes are internal to fulfillers: this never
// offers to send one to the caller, and never edits or removes an entry. Holds no state itself.

import { useId, type ReactNode } from 'react';
import { WORK_NOTE_MAX, type WorkNote } from '../../shared/domain/work-note';
import { formatFullTime, formatShortTime } from '../format/format-time';
import { FormField } from '../interaction-form/form-field';

export const WORK_NOTES_INTERNAL = 'Work notes are internal: the caller never sees them.';

export function Journal({ notes, now }: { notes: readonly WorkNote[]; now: Date }) {
  const headingId = useId();
  const newestFirst = [...notes].reverse();
  return (
    <div className="journal">
      <h3 id={headingId}>Journal</h3>
      {newestFirst.length === 0 ? (
        <p className="muted">No work notes yet.</p>
      ) : (
        <ol className="journal-list" aria-labelledby={headingId}>
          {newestFirst.map((note) => (
            <li key={note.id} className="journal-entry">
              <p className="journal-meta">
                <span className="journal-author">{note.authorName}</span>{' '}
                <time dateTime={note.at} title={formatFullTime(note.at)}>
                  {formatShortTime(note.at, now)}
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

interface WorkNotesViewProps {
  /** The text box's id (the form's field id, so a refused save can put focus there). */
  fieldId: string;
  text: string;
  onText: (text: string) => void;
  error: string | undefined;
  /** Said after the internal-notes warning: when the note is saved. */
  when?: ReactNode;
  busy: boolean;
  onAdd: () => void;
  notes: readonly WorkNote[];
  now: Date;
}

export function WorkNotesView(props: WorkNotesViewProps) {
  return (
    <div className="work-notes">
      <FormField
        id={props.fieldId}
        label="Work notes"
        error={props.error}
        hint={
          <>
            <strong>{WORK_NOTES_INTERNAL}</strong>
            {props.when ? <> {props.when}</> : null}
          </>
        }
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={WORK_NOTE_MAX}
            value={props.text}
            onChange={(e) => props.onText(e.target.value)}
          />
        )}
      </FormField>
      <div className="actions actions--end">
        <button
          type="button"
          className="button"
          aria-disabled={props.busy}
          onClick={() => {
            if (!props.busy) props.onAdd();
          }}
        >
          Add work note
        </button>
      </div>
      <Journal notes={props.notes} now={props.now} />
    </div>
  );
}
