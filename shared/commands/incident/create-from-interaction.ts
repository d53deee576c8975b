// incident.createFromInteraction: Create Incident on an open, assigned interaction; the incident and
// the interaction's link to it are one change. The same create again changes nothing.

import {
  createIncidentFromInteraction,
  CreateIncidentFromInteractionArgs,
} from '../../domain/escalation';
import { changes, missing, nothing } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const incidentCreateFromInteraction = defineCommand({
  name: 'incident.createFromInteraction',
  kind: 'incident',
  args: CreateIncidentFromInteractionArgs,
  permission: anyDeskRole('create incidents'),
  creates: true,
  records: (args) => [
    { kind: 'incident', id: args.id },
    { kind: 'interaction', id: args.interactionId },
  ],
  apply(records, args, ctx) {
    if (records.get('incident', args.id)) return nothing();
    const interaction = records.get('interaction', args.interactionId);
    if (!interaction) return missing('interaction');
    const { number, provisional } = ctx.numberFor('incident', args.id);
    const escalated = createIncidentFromInteraction(interaction, args, number, provisional, ctx);
    if (!escalated.ok) return escalated;
    return changes(
      [
        { before: undefined, after: { kind: 'incident', record: escalated.value.record } },
        {
          before: interaction,
          after: { kind: 'interaction', record: escalated.value.interaction },
        },
      ],
      'incident',
    );
  },
  output: {
    incident: { kind: 'incident', id: 'id' },
    interaction: { kind: 'interaction', id: 'interactionId' },
  },
  describe: () => 'Create Incident',
});
