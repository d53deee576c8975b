// request.createFromInteraction: Create Request on an open, assigned interaction, the answers
// checked against the catalog item; both records change together. The same create again: nothing.

import {
  createRequestFromInteraction,
  CreateRequestFromInteractionArgs,
} from '../../domain/escalation';
import { changes, missing, nothing } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const requestCreateFromInteraction = defineCommand({
  name: 'request.createFromInteraction',
  kind: 'request',
  args: CreateRequestFromInteractionArgs,
  permission: anyDeskRole('create requests'),
  creates: true,
  records: (args) => [
    { kind: 'request', id: args.id },
    { kind: 'interaction', id: args.interactionId },
  ],
  apply(records, args, ctx) {
    if (records.get('request', args.id)) return nothing();
    const interaction = records.get('interaction', args.interactionId);
    if (!interaction) return missing('interaction');
    const { number, provisional } = ctx.numberFor('request', args.id);
    const escalated = createRequestFromInteraction(interaction, args, number, provisional, ctx);
    if (!escalated.ok) return escalated;
    return changes(
      [
        { before: undefined, after: { kind: 'request', record: escalated.value.record } },
        {
          before: interaction,
          after: { kind: 'interaction', record: escalated.value.interaction },
        },
      ],
      'request',
    );
  },
  output: {
    request: { kind: 'request', id: 'id' },
    interaction: { kind: 'interaction', id: 'interactionId' },
  },
  describe: () => 'Create Request',
});
