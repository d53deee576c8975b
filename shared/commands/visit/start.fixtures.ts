// Fixtures of visit.start for registry.test.ts: Start serving someone waiting straight away (it
// becomes interaction ims-1); a visit that left has nobody to serve.

import { commandFixture } from '../testing/fixture';
import { A_VISIT_THAT_LEFT, A_WAITING_VISIT, startInput } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'visit.start',
  // Waiting, not called: the matrix runs it as agents other than the one who set the scene.
  given: A_WAITING_VISIT,
  allowed: startInput(),
  changes: [
    { kind: 'visit', id: 'vis-1' },
    { kind: 'interaction', id: 'ims-1' },
  ],
  refused: { given: A_VISIT_THAT_LEFT, input: startInput(), code: 'rule' },
});
