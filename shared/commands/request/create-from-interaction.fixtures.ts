// Fixtures of request.createFromInteraction for registry.test.ts: Create Request with the item's answers; answers the
// item does not accept are refused.

import { commandFixture } from '../testing/fixture';
import { AN_INTERACTION, requestInput } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'request.createFromInteraction',
  given: AN_INTERACTION,
  allowed: requestInput(),
  changes: [
    { kind: 'request', id: 'req-1' },
    { kind: 'interaction', id: 'ims-1' },
  ],
  refused: {
    input: requestInput({ answers: { account: 'windows_and_network_sign_in' } }),
    code: 'invalid-input',
  },
});
