// Fixtures of visit.markLeft for registry.test.ts: someone waiting went away; a finished visit cannot
// leave the queue.

import { commandFixture } from '../testing/fixture';
import { A_DONE_VISIT, A_WAITING_VISIT } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'visit.markLeft',
  given: A_WAITING_VISIT,
  allowed: { id: 'vis-1' },
  changes: [{ kind: 'visit', id: 'vis-1' }],
  refused: { given: A_DONE_VISIT, input: { id: 'vis-1' }, code: 'rule' },
});
