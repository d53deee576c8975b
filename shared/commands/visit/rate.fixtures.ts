// Fixtures of visit.rate for registry.test.ts: the exit survey on a Done visit; a visit still in
// service cannot be rated yet.

import { commandFixture } from '../testing/fixture';
import { A_DONE_VISIT, A_VISIT_IN_SERVICE } from '../testing/scenes';

const survey = { id: 'vis-1', rating: 5, comment: 'Quick and friendly.' } as const;

export const fixture = commandFixture({
  name: 'visit.rate',
  // The kiosk at the entrance takes the survey.
  as: 'kiosk',
  given: A_DONE_VISIT,
  allowed: survey,
  changes: [{ kind: 'visit', id: 'vis-1' }],
  refused: { given: A_VISIT_IN_SERVICE, input: survey, code: 'rule' },
});
