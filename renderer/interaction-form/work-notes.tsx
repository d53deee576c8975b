// The Work notes field and its journal, newest first. Work notes are internal to fulfillers:
// this part never offers to send them to the caller, and never edits or removes an entry.

import { useId } from 'react';
import { INTERACTION_LABELS as L } from '../../shared/domain/interaction';
import { WORK_NOTE_MAX } from '../../shared/domain/work-note';
import type { WorkNote } from '../../shared/domain/work-note';
import { useDeskpad } from '../app/deskpad-context';
import { formatFullTime, formatShortTime } from '../format/format-time';
import { FormField } from './form-field';
import type { InteractionFormModel } from './use-interaction-form';

export const WORK_NOTES_INTERNAL = 'Work notes are internal: the caller never sees them.';

function Journal({ notes }: { notes: WorkNote[] }) {
  const { now } = useDeskpad();
  const newestFirst = [...notes].reverse();
  const today = now();
  const headingId = useId();
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

export function WorkNotes({ model }: { model: InteractionFormModel }) {
  const { fieldId, errors, noteText, busy, record } = model;
  return (
    <div className="work-notes">
      <FormField
        id={fieldId('workNote')}
        label={L.workNotes}
        error={errors.workNote}
        hint={
          <>
            <strong>{WORK_NOTES_INTERNAL}</strong>{' '}
            {record
              ? 'Add work note adds it now; Save adds it too.'
              : 'Saved with the interaction.'}
          </>
        }
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={WORK_NOTE_MAX}
            value={noteText}
            onChange={(e) => model.setNoteText(e.target.value)}
          />
        )}
      </FormField>
      <div className="actions actions--end">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void model.addWorkNote()}
        >
          Add work note
        </button>
      </div>
      <Journal notes={record?.workNotes ?? []} />
    </div>
  );
}
