// Fixtures of request.setState for registry.test.ts: Start work on an Open request; a Canceled request never
// goes back to Open.

import { commandFixture } from '../testing/fixture';
import { A_CANCELED_REQUEST, A_REQUEST } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'request.setState',
  // The record is its group's work, not agent-1's: a technician may change its state.
  as: 'technician',
  given: A_REQUEST,
  allowed: { id: 'req-1', state: 'Work in Progress' },
  changes: [{ kind: 'request', id: 'req-1' }],
  refused: { given: A_CANCELED_REQUEST, input: { id: 'req-1', state: 'Open' }, code: 'rule' },
});
