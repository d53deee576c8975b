// Fixtures of interaction.create for registry.test.ts: a new interaction; one whose Assigned to is not in
// its group is refused.

import { commandFixture } from '../testing/fixture';
import { interactionInput } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'interaction.create',
  given: [],
  allowed: interactionInput(),
  changes: [{ kind: 'interaction', id: 'ims-1' }],
  refused: { input: interactionInput({ assignedTo: 'tech-1' }), code: 'rule' },
});
