// incident.setState: any move of the incident state machine, with what the transition requires
// (checked by the mutator) and the form's unsaved edits. The state it already has changes nothing.

import { setIncidentState, SetIncidentStateArgs } from '../../domain/incident';
import { changeRecord, named } from '../apply-steps';
import { defineCommand } from '../command-module';
import { whoWorksTheRecord } from '../permission';

/** Each state as the button that moves an incident there is named. */
const STATE_CHANGES: Readonly<Record<string, string>> = {
  'In Progress': 'Start work',
  'On Hold': 'Put on hold',
  Resolved: 'Resolve',
  Closed: 'Close incident',
  Canceled: 'Cancel incident',
};

export const incidentSetState = defineCommand({
  name: 'incident.setState',
  kind: 'incident',
  args: SetIncidentStateArgs,
  permission: whoWorksTheRecord('change the state of', 'incidents'),
  records: named('incident'),
  apply: (records, args, ctx) =>
    changeRecord(records, 'incident', args.id, (record) => setIncidentState(record, args, ctx)),
  output: { kind: 'incident', id: 'id' },
  describe: ({ state }) =>
    typeof state === 'string'
      ? (STATE_CHANGES[state] ?? `Set the state to ${state}`)
      : 'Change the state',
});
