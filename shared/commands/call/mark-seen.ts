// call.markSeen: Mark all missed as seen — the agent joins seenBy of every missed call listed (the
// list they saw, up to 500). One command touches them all, as a linking command touches two: the
// push locks and writes them together, and a replay of the same list changes nothing.

import { callsToMarkSeen, MarkCallsSeenArgs, markCallSeen } from '../../domain/call';
import { changes, missing } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const callMarkSeen = defineCommand({
  name: 'call.markSeen',
  kind: 'call',
  args: MarkCallsSeenArgs,
  permission: anyDeskRole('mark missed calls seen'),
  records: (args) => callsToMarkSeen(args).map((id) => ({ kind: 'call' as const, id })),
  apply(records, args, ctx) {
    const list = [];
    for (const id of callsToMarkSeen(args)) {
      const call = records.get('call', id);
      if (!call) return missing('call');
      list.push({
        before: call,
        after: { kind: 'call' as const, record: markCallSeen(call, ctx) },
      });
    }
    return changes(list);
  },
  output: { kind: 'call', id: 'id' },
  describe: (args) =>
    Array.isArray(args.ids) && args.ids.length > 1 ? 'Mark all missed as seen' : 'Mark as seen',
});
