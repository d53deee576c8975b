// Fixtures of call.link for registry.test.ts: a ringing call becomes interaction ims-1; a call
// already logged as another interaction is refused.

import { A_LOGGED_CALL, A_RINGING_CALL } from '../testing/call-scenes';
import { commandFixture } from '../testing/fixture';

export const fixture = commandFixture({
  name: 'call.link',
  records: A_RINGING_CALL,
  given: [],
  allowed: { id: 'cal-1', interaction: 'ims-1' },
  changes: [{ kind: 'call', id: 'cal-1' }],
  refused: {
    records: A_LOGGED_CALL,
    input: { id: 'cal-1', interaction: 'ims-1' },
    code: 'conflict',
  },
});
