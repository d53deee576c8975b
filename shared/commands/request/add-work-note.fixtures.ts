// Fixtures of request.addWorkNote for registry.test.ts: a note on a request; a note on one this desk does
// not have is refused.

import { commandFixture } from '../testing/fixture';
import { A_REQUEST } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'request.addWorkNote',
  given: A_REQUEST,
  allowed: { id: 'req-1', noteId: 'n-1', text: 'Reset done.' },
  changes: [{ kind: 'request', id: 'req-1' }],
  refused: { input: { id: 'req-9', noteId: 'n-1', text: 'Lost.' }, code: 'not-found' },
});
