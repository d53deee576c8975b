// Fixtures of visit.returnToQueue for registry.test.ts: a called person back to Waiting; someone in
// service cannot go back to the queue.

import { commandFixture } from '../testing/fixture';
import { A_CALLED_VISIT, A_VISIT_IN_SERVICE } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'visit.returnToQueue',
  given: A_CALLED_VISIT,
  allowed: { id: 'vis-1' },
  changes: [{ kind: 'visit', id: 'vis-1' }],
  refused: { given: A_VISIT_IN_SERVICE, input: { id: 'vis-1' }, code: 'rule' },
});
