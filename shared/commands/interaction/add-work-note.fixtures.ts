// Fixtures of interaction.addWorkNote for registry.test.ts: a note on an open interaction; a note on one this
// desk does not have is refused.

import { commandFixture } from '../testing/fixture';
import { AN_INTERACTION } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'interaction.addWorkNote',
  given: AN_INTERACTION,
  allowed: { id: 'ims-1', noteId: 'n-1', text: 'Called the caller back.' },
  changes: [{ kind: 'interaction', id: 'ims-1' }],
  refused: { input: { id: 'ims-9', noteId: 'n-1', text: 'Lost.' }, code: 'not-found' },
});
