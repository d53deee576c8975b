// interaction.associateIncident: links an interaction to an existing open incident; both records
// change together or neither does. Linking them again changes nothing.

import { associateInteraction, AssociateInteractionArgs } from '../../domain/escalation';
import { changes, missing } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const interactionAssociateIncident = defineCommand({
  name: 'interaction.associateIncident',
  kind: 'interaction',
  args: AssociateInteractionArgs,
  permission: anyDeskRole('associate interactions with incidents'),
  records: (args) => [
    { kind: 'interaction', id: args.id },
    { kind: 'incident', id: args.incidentId },
  ],
  apply(records, args, ctx) {
    const interaction = records.get('interaction', args.id);
    if (!interaction) return missing('interaction');
    const incident = records.get('incident', args.incidentId);
    if (!incident) return missing('incident');
    const associated = associateInteraction(incident, interaction, ctx);
    if (!associated.ok) return associated;
    return changes([
      {
        before: interaction,
        after: { kind: 'interaction', record: associated.value.interaction },
      },
      { before: incident, after: { kind: 'incident', record: associated.value.incident } },
    ]);
  },
  output: {
    incident: { kind: 'incident', id: 'incidentId' },
    interaction: { kind: 'interaction', id: 'id' },
  },
  describe: () => 'Associate with the incident',
});
