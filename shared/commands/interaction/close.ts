// interaction.close: Close (Closed Complete) or Abandon (Closed Abandoned), with the form's unsaved
// edits in the same change. Closing it the same way again changes nothing.

import { CloseInteractionArgs, closeInteraction } from '../../domain/interaction';
import { changeRecord, named } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const interactionClose = defineCommand({
  name: 'interaction.close',
  kind: 'interaction',
  args: CloseInteractionArgs,
  permission: anyDeskRole('close interactions'),
  records: named('interaction'),
  apply: (records, args, ctx) =>
    changeRecord(records, 'interaction', args.id, (record) => closeInteraction(record, args, ctx)),
  output: { kind: 'interaction', id: 'id' },
  describe: (args) =>
    args.state === 'Closed Abandoned' ? 'Abandon interaction' : 'Close interaction',
});
