// Fixtures of interaction.endCall for registry.test.ts: End call on a running call (at the phone
// system's hangup); an interaction with no call running refuses it.

import { commandFixture } from '../testing/fixture';
import { A_CALL_RUNNING, AN_INTERACTION } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'interaction.endCall',
  given: A_CALL_RUNNING,
  allowed: { id: 'ims-1', at: '2026-11-23T09:01:30.000Z' },
  changes: [{ kind: 'interaction', id: 'ims-1' }],
  refused: {
    given: AN_INTERACTION,
    input: { id: 'ims-1' },
    code: 'rule',
  },
});
