// request.addWorkNote: one work note appended to a request in any state. Idempotent by the note's
// id, which the desk chose: a retried note is written once.

import { addRequestWorkNote } from '../../domain/request';
import { AddWorkNoteArgs } from '../../domain/work-note';
import { changeRecord, named } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const requestAddWorkNote = defineCommand({
  name: 'request.addWorkNote',
  kind: 'request',
  args: AddWorkNoteArgs,
  permission: anyDeskRole('add work notes to requests'),
  records: named('request'),
  apply: (records, args, ctx) =>
    changeRecord(records, 'request', args.id, (record) => addRequestWorkNote(record, args, ctx)),
  output: { kind: 'request', id: 'id' },
  describe: () => 'Add work note',
});
