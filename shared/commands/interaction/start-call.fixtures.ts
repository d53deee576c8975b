// Fixtures of interaction.startCall for registry.test.ts: Start call on an open interaction (at the
// time the phone system answered); a closed interaction refuses it.

import { commandFixture } from '../testing/fixture';
import { A_CLOSED_INTERACTION, AN_INTERACTION } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'interaction.startCall',
  given: AN_INTERACTION,
  allowed: { id: 'ims-1', at: '2026-11-23T09:00:30.000Z' },
  changes: [{ kind: 'interaction', id: 'ims-1' }],
  refused: {
    given: A_CLOSED_INTERACTION,
    input: { id: 'ims-1' },
    code: 'rule',
  },
});
