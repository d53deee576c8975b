// call.link: the call became this interaction (the answering agent's, or a missed call logged
// afterwards with Log as interaction). A call already logged as another interaction keeps it.

import { LinkCallArgs, linkCall } from '../../domain/call';
import { fail, ok } from '../../domain/result';
import { changeRecord, named } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const callLink = defineCommand({
  name: 'call.link',
  kind: 'call',
  args: LinkCallArgs,
  permission: anyDeskRole('log calls as interactions'),
  records: named('call'),
  apply: (records, args, ctx) =>
    changeRecord(records, 'call', args.id, (call) => {
      const linked = linkCall(call, args, ctx);
      return linked.ok ? ok(linked.value) : fail('conflict', linked.message);
    }),
  output: { kind: 'call', id: 'id' },
  describe: () => 'Log as interaction',
});
