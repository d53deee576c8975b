// Fixtures of interaction.update for registry.test.ts: a changed description; a closed interaction refuses
// any change but a work note.

import { commandFixture } from '../testing/fixture';
import { A_CLOSED_INTERACTION, AN_INTERACTION } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'interaction.update',
  given: AN_INTERACTION,
  allowed: { id: 'ims-1', changes: { description: 'Still stuck after a restart.' } },
  changes: [{ kind: 'interaction', id: 'ims-1' }],
  refused: {
    given: A_CLOSED_INTERACTION,
    input: { id: 'ims-1', changes: { description: 'Too late.' } },
    code: 'rule',
  },
});
