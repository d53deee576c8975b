// Fixtures of visit.finish for registry.test.ts: Done for a visit in service; a visit still waiting
// cannot be finished.

import { commandFixture } from '../testing/fixture';
import { A_VISIT_IN_SERVICE, A_WAITING_VISIT } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'visit.finish',
  given: A_VISIT_IN_SERVICE,
  allowed: { id: 'vis-1' },
  changes: [{ kind: 'visit', id: 'vis-1' }],
  refused: { given: A_WAITING_VISIT, input: { id: 'vis-1' }, code: 'rule' },
});
