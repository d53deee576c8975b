// The interaction's Work notes: the text is the form model's, saved with Save or added at once
// with Add work note. Never edits or removes an entry (work-notes-view shows them).

import { useDeskpad } from '../app/deskpad-context';
import { WorkNotesView } from '../work-notes/work-notes-view';
import type { InteractionFormModel } from './use-interaction-form';

export function WorkNotes({ model }: { model: InteractionFormModel }) {
  const { now } = useDeskpad();
  const { fieldId, errors, noteText, busy, record } = model;
  return (
    <WorkNotesView
      fieldId={fieldId('workNote')}
      text={noteText}
      onText={model.setNoteText}
      error={errors.workNote}
      when={record ? 'Add work note adds it now; Save adds it too.' : 'Saved with the interaction.'}
      busy={busy}
      onAdd={() => void model.addWorkNote()}
      notes={record?.workNotes ?? []}
      now={now()}
    />
  );
}
