// Fixtures of interaction.close for registry.test.ts: Close on an open interaction; Abandon after it was
// closed complete is refused.

import { commandFixture } from '../testing/fixture';
import { A_CLOSED_INTERACTION, AN_INTERACTION } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'interaction.close',
  given: AN_INTERACTION,
  allowed: { id: 'ims-1', state: 'Closed Complete' },
  changes: [{ kind: 'interaction', id: 'ims-1' }],
  refused: {
    given: A_CLOSED_INTERACTION,
    input: { id: 'ims-1', state: 'Closed Abandoned' },
    code: 'rule',
  },
});
