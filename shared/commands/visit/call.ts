// visit.call: Call next, or call anyone in the queue, to this agent's station. A person another desk
// already called is a conflict (two desks calling one person offline: one lands in Needs attention).

import { callVisit, CallVisitArgs } from '../../domain/visit';
import { changeRecord, named } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const visitCall = defineCommand({
  name: 'visit.call',
  kind: 'visit',
  args: CallVisitArgs,
  permission: anyDeskRole('call visitors'),
  records: named('visit'),
  apply: (records, args, ctx) =>
    changeRecord(records, 'visit', args.id, (visit) => callVisit(visit, args, ctx)),
  output: { kind: 'visit', id: 'id' },
  describe: () => 'Call',
});
