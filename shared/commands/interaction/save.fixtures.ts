// Fixtures of interaction.save for registry.test.ts: a first Save with a work note; a Save whose Assigned to
// is not in its group is refused.

import { commandFixture } from '../testing/fixture';
import { interactionInput } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'interaction.save',
  given: [],
  allowed: { ...interactionInput(), noteId: 'n-1', workNote: 'Restarted the spooler.' },
  changes: [{ kind: 'interaction', id: 'ims-1' }],
  refused: { input: interactionInput({ assignedTo: 'tech-1' }), code: 'rule' },
});
