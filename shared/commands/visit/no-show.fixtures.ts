// Fixtures of visit.noShow for registry.test.ts: a called person who did not come; someone still
// waiting (never called) cannot be a no-show.

import { commandFixture } from '../testing/fixture';
import { A_CALLED_VISIT, A_WAITING_VISIT } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'visit.noShow',
  given: A_CALLED_VISIT,
  allowed: { id: 'vis-1' },
  changes: [{ kind: 'visit', id: 'vis-1' }],
  refused: { given: A_WAITING_VISIT, input: { id: 'vis-1' }, code: 'rule' },
});
