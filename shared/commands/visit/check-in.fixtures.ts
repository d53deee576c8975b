// Fixtures of visit.checkIn for registry.test.ts: someone checked in on their behalf; a check-in with
// neither a person nor a guest name is refused.

import { commandFixture } from '../testing/fixture';
import { checkInInput } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'visit.checkIn',
  given: [],
  allowed: checkInInput(),
  changes: [{ kind: 'visit', id: 'vis-1' }],
  refused: { input: checkInInput({ person: null, guestName: '' }), code: 'invalid-input' },
});
