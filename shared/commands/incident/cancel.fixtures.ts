// Fixtures of incident.cancel for registry.test.ts: Cancel an open incident; a Resolved one cannot be
// canceled.

import { commandFixture } from '../testing/fixture';
import { A_RESOLVED_INCIDENT, AN_INCIDENT } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'incident.cancel',
  // The record is its group's work, not agent-1's: a technician may change its state.
  as: 'technician',
  given: AN_INCIDENT,
  allowed: { id: 'inc-1' },
  changes: [{ kind: 'incident', id: 'inc-1' }],
  refused: { given: A_RESOLVED_INCIDENT, input: { id: 'inc-1' }, code: 'rule' },
});
