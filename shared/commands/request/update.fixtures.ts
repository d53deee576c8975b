// Fixtures of request.update for registry.test.ts: new answers checked against the item; answers it does
// not accept are refused.

import { commandFixture } from '../testing/fixture';
import { A_REQUEST } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'request.update',
  given: A_REQUEST,
  allowed: {
    id: 'req-1',
    changes: { answers: { account: 'sap', identity_verified: true, locked_out: true } },
  },
  changes: [{ kind: 'request', id: 'req-1' }],
  refused: {
    input: { id: 'req-1', changes: { answers: { account: 'nope' } } },
    code: 'invalid-input',
  },
});
