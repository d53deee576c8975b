// Fixtures of knowledge.rate for registry.test.ts: Helpful on a published revision; a comment on
// anything but an Outdated flag is refused.

import { commandFixture } from '../testing/fixture';

export const fixture = commandFixture({
  name: 'knowledge.rate',
  given: [],
  allowed: { id: 'kb-1', revision: 1, verdict: 'helpful' },
  changes: [],
  refused: {
    input: { id: 'kb-1', revision: 1, verdict: 'helpful', comment: 'Great' },
    code: 'invalid-input',
  },
});
