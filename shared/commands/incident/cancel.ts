// incident.cancel: Cancel an open incident. Canceling it again changes nothing; a Resolved or
// Closed one is refused by the state machine.

import { cancelIncident, CancelIncidentArgs } from '../../domain/incident';
import { changeRecord, named } from '../apply-steps';
import { defineCommand } from '../command-module';
import { whoWorksTheRecord } from '../permission';

export const incidentCancel = defineCommand({
  name: 'incident.cancel',
  kind: 'incident',
  args: CancelIncidentArgs,
  permission: whoWorksTheRecord('cancel', 'incidents'),
  records: named('incident'),
  apply: (records, args, ctx) =>
    changeRecord(records, 'incident', args.id, (record) => cancelIncident(record, args, ctx)),
  output: { kind: 'incident', id: 'id' },
  describe: () => 'Cancel incident',
});
