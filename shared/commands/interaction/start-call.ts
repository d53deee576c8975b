// interaction.startCall: Start call — the call timer starts (by hand, or when the phone system
// answered). The same start again changes nothing; a second one while a call runs is refused.

import { StartCallArgs } from '../../domain/interaction';
import { startCall } from '../../domain/interaction-call';
import { changeRecord, named } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const interactionStartCall = defineCommand({
  name: 'interaction.startCall',
  kind: 'interaction',
  args: StartCallArgs,
  permission: anyDeskRole('time calls'),
  records: named('interaction'),
  apply: (records, args, ctx) =>
    changeRecord(records, 'interaction', args.id, (current) => startCall(current, args, ctx)),
  output: { kind: 'interaction', id: 'id' },
  describe: () => 'Start call',
});
