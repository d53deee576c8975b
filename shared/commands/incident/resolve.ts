// incident.resolve: Resolve with a resolution code and notes (and the form's unsaved edits). The
// same resolve again changes nothing; another desk's different resolution is refused.

import { resolveIncident, ResolveIncidentArgs } from '../../domain/incident';
import { changeRecord, named } from '../apply-steps';
import { defineCommand } from '../command-module';
import { whoWorksTheRecord } from '../permission';

export const incidentResolve = defineCommand({
  name: 'incident.resolve',
  kind: 'incident',
  args: ResolveIncidentArgs,
  permission: whoWorksTheRecord('resolve', 'incidents'),
  records: named('incident'),
  apply: (records, args, ctx) =>
    changeRecord(records, 'incident', args.id, (record) => resolveIncident(record, args, ctx)),
  output: { kind: 'incident', id: 'id' },
  describe: () => 'Resolve',
});
