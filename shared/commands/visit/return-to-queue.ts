// visit.returnToQueue: a called person goes back to Waiting with their place kept (called by
// mistake, or asked to wait). Again changes nothing.

import { returnToQueue, VisitIdArgs } from '../../domain/visit';
import { changeRecord, named } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const visitReturnToQueue = defineCommand({
  name: 'visit.returnToQueue',
  kind: 'visit',
  args: VisitIdArgs,
  permission: anyDeskRole('put visitors back in the queue'),
  records: named('visit'),
  apply: (records, args, ctx) =>
    changeRecord(records, 'visit', args.id, (visit) => returnToQueue(visit, ctx)),
  output: { kind: 'visit', id: 'id' },
  describe: () => 'Back to the queue',
});
