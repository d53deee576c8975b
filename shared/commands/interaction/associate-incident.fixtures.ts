// Fixtures of interaction.associateIncident for registry.test.ts: a second caller's interaction linked to an open
// incident; a Resolved incident refuses it.

import { step } from '../testing/command-desk';
import { commandFixture } from '../testing/fixture';
import { A_RESOLVED_INCIDENT, AN_INCIDENT, interactionInput } from '../testing/scenes';

const secondCaller = step(
  'interaction.create',
  interactionInput({ id: 'ims-2', openedFor: 'user-7' }),
);

export const fixture = commandFixture({
  name: 'interaction.associateIncident',
  given: [...AN_INCIDENT, secondCaller],
  allowed: { id: 'ims-2', incidentId: 'inc-1' },
  changes: [
    { kind: 'interaction', id: 'ims-2' },
    { kind: 'incident', id: 'inc-1' },
  ],
  refused: {
    given: [...A_RESOLVED_INCIDENT, secondCaller],
    input: { id: 'ims-2', incidentId: 'inc-1' },
    code: 'rule',
  },
});
