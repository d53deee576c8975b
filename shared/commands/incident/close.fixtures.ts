// Fixtures of incident.close for registry.test.ts: Close a Resolved incident; closing one not resolved is
// refused (Resolve the incident first).

import { commandFixture } from '../testing/fixture';
import { A_RESOLVED_INCIDENT, AN_INCIDENT } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'incident.close',
  // The record is its group's work, not agent-1's: a technician may change its state.
  as: 'technician',
  given: A_RESOLVED_INCIDENT,
  allowed: { id: 'inc-1' },
  changes: [{ kind: 'incident', id: 'inc-1' }],
  refused: { given: AN_INCIDENT, input: { id: 'inc-1' }, code: 'rule' },
});
