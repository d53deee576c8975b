// interaction.addWorkNote: one work note appended to an interaction, open or closed. Idempotent by
// the note's id, which the desk chose: a retried note is written once.

import { AddWorkNoteArgs, addWorkNote } from '../../domain/interaction';
import { changeRecord, named } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const interactionAddWorkNote = defineCommand({
  name: 'interaction.addWorkNote',
  kind: 'interaction',
  args: AddWorkNoteArgs,
  permission: anyDeskRole('add work notes to interactions'),
  records: named('interaction'),
  apply: (records, args, ctx) =>
    changeRecord(records, 'interaction', args.id, (record) => addWorkNote(record, args, ctx)),
  output: { kind: 'interaction', id: 'id' },
  describe: () => 'Add work note',
});
