// incident.addWorkNote: one work note appended to an incident in any state. Idempotent by the note's
// id, which the desk chose: a retried note is written once.

import { addIncidentWorkNote } from '../../domain/incident';
import { AddWorkNoteArgs } from '../../domain/work-note';
import { changeRecord, named } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const incidentAddWorkNote = defineCommand({
  name: 'incident.addWorkNote',
  kind: 'incident',
  args: AddWorkNoteArgs,
  permission: anyDeskRole('add work notes to incidents'),
  records: named('incident'),
  apply: (records, args, ctx) =>
    changeRecord(records, 'incident', args.id, (record) => addIncidentWorkNote(record, args, ctx)),
  output: { kind: 'incident', id: 'id' },
  describe: () => 'Add work note',
});
