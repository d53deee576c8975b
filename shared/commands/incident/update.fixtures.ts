// Fixtures of incident.update for registry.test.ts: Impact and Urgency raised (Priority follows); a
// Resolved incident refuses edits until reopened.

import { commandFixture } from '../testing/fixture';
import { A_RESOLVED_INCIDENT, AN_INCIDENT } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'incident.update',
  given: AN_INCIDENT,
  allowed: { id: 'inc-1', changes: { impact: 1, urgency: 1 } },
  changes: [{ kind: 'incident', id: 'inc-1' }],
  refused: {
    given: A_RESOLVED_INCIDENT,
    input: { id: 'inc-1', changes: { impact: 1 } },
    code: 'rule',
  },
});
