// Fixtures of incident.addWorkNote for registry.test.ts: a note on an incident; a note on one this desk does
// not have is refused.

import { commandFixture } from '../testing/fixture';
import { AN_INCIDENT } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'incident.addWorkNote',
  given: AN_INCIDENT,
  allowed: { id: 'inc-1', noteId: 'n-1', text: 'On site at 10.' },
  changes: [{ kind: 'incident', id: 'inc-1' }],
  refused: { input: { id: 'inc-9', noteId: 'n-1', text: 'Lost.' }, code: 'not-found' },
});
