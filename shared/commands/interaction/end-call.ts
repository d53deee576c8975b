// interaction.endCall: End call — the interaction goes to Wrap Up and the wrap-up timer starts (by
// hand, or at the phone system's hangup). The same end again changes nothing.

import { EndCallArgs } from '../../domain/interaction';
import { endCall } from '../../domain/interaction-call';
import { changeRecord, named } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const interactionEndCall = defineCommand({
  name: 'interaction.endCall',
  kind: 'interaction',
  args: EndCallArgs,
  permission: anyDeskRole('time calls'),
  records: named('interaction'),
  apply: (records, args, ctx) =>
    changeRecord(records, 'interaction', args.id, (current) => endCall(current, args, ctx)),
  output: { kind: 'interaction', id: 'id' },
  describe: () => 'End call',
});
