// visit.start: Start serving — the visit goes In service and becomes a new interaction of Type
// Walk-in with Opened for and the reason filled in, linked both ways. The same start again changes nothing.

import { createInteraction } from '../../domain/interaction';
import { fail } from '../../domain/result';
import { StartVisitArgs, startVisit } from '../../domain/visit';
import { changes, missing, nothing } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const visitStart = defineCommand({
  name: 'visit.start',
  kind: 'visit',
  args: StartVisitArgs,
  permission: anyDeskRole('serve visitors'),
  records: (args) => [
    { kind: 'visit', id: args.id },
    { kind: 'interaction', id: args.interactionId },
  ],
  apply(records, args, ctx) {
    const visit = records.get('visit', args.id);
    if (!visit) return missing('visit');
    const existing = records.get('interaction', args.interactionId);
    if (existing && visit.interaction === args.interactionId) return nothing();
    if (existing) return fail('conflict', `${existing.number} is already another interaction.`);
    const started = startVisit(visit, args.interactionId, args.station, ctx);
    if (!started.ok) return started;
    const { number, provisional } = ctx.numberFor('interaction', args.interactionId);
    const interaction = createInteraction(
      {
        id: args.interactionId,
        openedFor: visit.person,
        contactEmail: args.contactEmail,
        contactPhone: args.contactPhone,
        type: 'Walk-in',
        component: null,
        assignmentGroup: null,
        assignedTo: null,
        shortDescription: visit.reason,
        description: visit.reasonDetail,
      },
      number,
      provisional,
      ctx,
    );
    if (!interaction.ok) return interaction;
    return changes(
      [
        { before: visit, after: { kind: 'visit', record: started.value } },
        {
          before: undefined,
          after: { kind: 'interaction', record: { ...interaction.value, visit: visit.id } },
        },
      ],
      'interaction',
    );
  },
  output: {
    visit: { kind: 'visit', id: 'id' },
    interaction: { kind: 'interaction', id: 'interactionId' },
  },
  describe: () => 'Start',
});
