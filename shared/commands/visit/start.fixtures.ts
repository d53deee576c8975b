// Fixtures of visit.start for registry.test.ts: Start a called visit (it becomes interaction ims-1);
// a visit that left has nobody to serve.

import { commandFixture } from '../testing/fixture';
import { A_CALLED_VISIT, A_VISIT_THAT_LEFT, startInput } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'visit.start',
  given: A_CALLED_VISIT,
  allowed: startInput(),
  changes: [
    { kind: 'visit', id: 'vis-1' },
    { kind: 'interaction', id: 'ims-1' },
  ],
  refused: { given: A_VISIT_THAT_LEFT, input: startInput(), code: 'rule' },
});
