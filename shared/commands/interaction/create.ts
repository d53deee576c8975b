// interaction.create: a new interaction with the fields of the form and an optional first work
// note. Kept for outboxes written before interaction.save; the form now sends Save.

import { createInteraction, CreateInteractionArgs } from '../../domain/interaction';
import { changes, named, nothing } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const interactionCreate = defineCommand({
  name: 'interaction.create',
  kind: 'interaction',
  args: CreateInteractionArgs,
  permission: anyDeskRole('log interactions'),
  creates: true,
  records: named('interaction'),
  apply(records, args, ctx) {
    // The desk chose the id when the form opened: a create seen before is the same record.
    if (records.get('interaction', args.id)) return nothing();
    const { number, provisional } = ctx.numberFor('interaction', args.id);
    const created = createInteraction(args, number, provisional, ctx);
    if (!created.ok) return created;
    return changes(
      [{ before: undefined, after: { kind: 'interaction', record: created.value } }],
      'interaction',
    );
  },
  output: { kind: 'interaction', id: 'id' },
  describe: () => 'Create interaction',
});
