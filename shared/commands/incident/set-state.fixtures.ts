// Fixtures of incident.setState for registry.test.ts: On Hold with its reason; On Hold without one is
// refused (the machine requires it).

import { commandFixture } from '../testing/fixture';
import { AN_INCIDENT } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'incident.setState',
  // The record is its group's work, not agent-1's: a technician may change its state.
  as: 'technician',
  given: AN_INCIDENT,
  allowed: { id: 'inc-1', state: 'On Hold', onHoldReason: 'Awaiting Vendor' },
  changes: [{ kind: 'incident', id: 'inc-1' }],
  refused: { input: { id: 'inc-1', state: 'On Hold' }, code: 'rule' },
});
