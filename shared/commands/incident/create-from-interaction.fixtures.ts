// Fixtures of incident.createFromInteraction for registry.test.ts: Create Incident on an assigned interaction; an
// unassigned one is refused (Assign to me first).

import { step } from '../testing/command-desk';
import { commandFixture } from '../testing/fixture';
import { AN_INTERACTION, incidentInput, interactionInput } from '../testing/scenes';

export const fixture = commandFixture({
  name: 'incident.createFromInteraction',
  given: AN_INTERACTION,
  allowed: incidentInput(),
  changes: [
    { kind: 'incident', id: 'inc-1' },
    { kind: 'interaction', id: 'ims-1' },
  ],
  refused: {
    given: [step('interaction.create', interactionInput({ id: 'ims-2', assignedTo: null }))],
    input: incidentInput({ interactionId: 'ims-2' }),
    code: 'rule',
  },
});
