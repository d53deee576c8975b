// request.setState: Start work, Close Complete, Close Incomplete (with close notes) or Cancel, and
// the form's unsaved edits. The state it already has changes nothing.

import { setRequestState, SetRequestStateArgs } from '../../domain/request';
import { changeRecord, named } from '../apply-steps';
import { defineCommand } from '../command-module';
import { whoWorksTheRecord } from '../permission';

/** Each state as the button that moves a request there is named. */
const STATE_CHANGES: Readonly<Record<string, string>> = {
  'Work in Progress': 'Start work',
  'Closed Complete': 'Close Complete',
  'Closed Incomplete': 'Close Incomplete',
  Canceled: 'Cancel request',
};

export const requestSetState = defineCommand({
  name: 'request.setState',
  kind: 'request',
  args: SetRequestStateArgs,
  permission: whoWorksTheRecord('change the state of', 'requests'),
  records: named('request'),
  apply: (records, args, ctx) =>
    changeRecord(records, 'request', args.id, (record) => setRequestState(record, args, ctx)),
  output: { kind: 'request', id: 'id' },
  describe: ({ state }) =>
    typeof state === 'string'
      ? (STATE_CHANGES[state] ?? `Set the state to ${state}`)
      : 'Change the state',
});
