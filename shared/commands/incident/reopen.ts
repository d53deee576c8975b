// incident.reopen: Reopen incident, only from Resolved, with the reason in a work note whose id the
// desk chose: the same reopen again changes nothing.

import { reopenIncident, ReopenIncidentArgs } from '../../domain/incident';
import { changeRecord, named } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const incidentReopen = defineCommand({
  name: 'incident.reopen',
  kind: 'incident',
  args: ReopenIncidentArgs,
  permission: anyDeskRole('reopen incidents'),
  records: named('incident'),
  apply: (records, args, ctx) =>
    changeRecord(records, 'incident', args.id, (record) => reopenIncident(record, args, ctx)),
  output: { kind: 'incident', id: 'id' },
  describe: () => 'Reopen incident',
});
