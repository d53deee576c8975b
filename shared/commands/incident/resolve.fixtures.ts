// Fixtures of incident.resolve for registry.test.ts: Resolve with code and notes; a Canceled incident
// cannot be resolved.

import { commandFixture } from '../testing/fixture';
import { A_CANCELED_INCIDENT, AN_INCIDENT } from '../testing/scenes';

const resolve = {
  id: 'inc-1',
  resolutionCode: 'Solution provided',
  resolutionNotes: 'Replaced the fuser.',
} as const;

export const fixture = commandFixture({
  name: 'incident.resolve',
  // The record is its group's work, not agent-1's: a technician may change its state.
  as: 'technician',
  given: AN_INCIDENT,
  allowed: resolve,
  changes: [{ kind: 'incident', id: 'inc-1' }],
  refused: { given: A_CANCELED_INCIDENT, input: resolve, code: 'rule' },
});
