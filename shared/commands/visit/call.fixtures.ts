// Fixtures of visit.call for registry.test.ts: Call someone waiting; someone who already left is
// refused.

import { commandFixture } from '../testing/fixture';
import { A_VISIT_THAT_LEFT, A_WAITING_VISIT } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'visit.call',
  given: A_WAITING_VISIT,
  allowed: { id: 'vis-1', station: 'Counter 1' },
  changes: [{ kind: 'visit', id: 'vis-1' }],
  refused: { given: A_VISIT_THAT_LEFT, input: { id: 'vis-1', station: 'Counter 1' }, code: 'rule' },
});
