// Fixtures of incident.reopen for registry.test.ts: Reopen a Resolved incident with a reason; a Canceled
// one cannot be reopened.

import { commandFixture } from '../testing/fixture';
import { A_CANCELED_INCIDENT, A_RESOLVED_INCIDENT } from '../testing/scenes';

const reopen = { id: 'inc-1', noteId: 'r-1', reason: 'Still cannot print.' };

export const fixture = commandFixture({
  name: 'incident.reopen',
  given: A_RESOLVED_INCIDENT,
  allowed: reopen,
  changes: [{ kind: 'incident', id: 'inc-1' }],
  refused: { given: A_CANCELED_INCIDENT, input: reopen, code: 'rule' },
});
