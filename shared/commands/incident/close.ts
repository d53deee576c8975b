// incident.close: Close a Resolved incident. Closing it again changes nothing; the state machine
// refuses it from any other state.

import { closeIncident, CloseIncidentArgs } from '../../domain/incident';
import { changeRecord, named } from '../apply-steps';
import { defineCommand } from '../command-module';
import { whoWorksTheRecord } from '../permission';

export const incidentClose = defineCommand({
  name: 'incident.close',
  kind: 'incident',
  args: CloseIncidentArgs,
  permission: whoWorksTheRecord('close', 'incidents'),
  records: named('incident'),
  apply: (records, args, ctx) =>
    changeRecord(records, 'incident', args.id, (record) => closeIncident(record, args, ctx)),
  output: { kind: 'incident', id: 'id' },
  describe: () => 'Close incident',
});
