// request.update: Requested for, the answers (checked against the item) and the assignment of an
// open request. A field set to the value it has is no change: the same update again changes nothing.

import { UpdateRequestArgs, updateRequest } from '../../domain/request';
import { changeRecord, effectiveChanges, hasChanges, named, nothing } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const requestUpdate = defineCommand({
  name: 'request.update',
  kind: 'request',
  args: UpdateRequestArgs,
  permission: anyDeskRole('update requests'),
  records: named('request'),
  apply(records, args, ctx) {
    const current = records.get('request', args.id);
    const effective = current ? effectiveChanges(current, args.changes) : args.changes;
    if (current && !hasChanges(effective)) return nothing();
    return changeRecord(records, 'request', args.id, (record) =>
      updateRequest(record, effective, ctx),
    );
  },
  output: { kind: 'request', id: 'id' },
  describe: () => 'Save changes',
});
