// incident.update: the fields an agent changed on an open incident; Priority follows Impact and
// Urgency. A field set to the value it has is no change, so the same update again changes nothing.

import { UpdateIncidentArgs, updateIncident } from '../../domain/incident';
import { changeRecord, effectiveChanges, hasChanges, named, nothing } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const incidentUpdate = defineCommand({
  name: 'incident.update',
  kind: 'incident',
  args: UpdateIncidentArgs,
  permission: anyDeskRole('update incidents'),
  records: named('incident'),
  apply(records, args, ctx) {
    const current = records.get('incident', args.id);
    const effective = current ? effectiveChanges(current, args.changes) : args.changes;
    if (current && !hasChanges(effective)) return nothing();
    return changeRecord(records, 'incident', args.id, (record) =>
      updateIncident(record, effective, ctx),
    );
  },
  output: { kind: 'incident', id: 'id' },
  describe: () => 'Save changes',
});
