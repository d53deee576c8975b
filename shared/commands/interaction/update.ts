// interaction.update: the fields an agent changed on an open interaction. Pure; a field set to the
// value it has is no change, so the same update again changes nothing.

import { UpdateInteractionArgs, updateInteraction } from '../../domain/interaction';
import { changeRecord, effectiveChanges, hasChanges, named, nothing } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const interactionUpdate = defineCommand({
  name: 'interaction.update',
  kind: 'interaction',
  args: UpdateInteractionArgs,
  permission: anyDeskRole('work interactions'),
  records: named('interaction'),
  apply(records, args, ctx) {
    const current = records.get('interaction', args.id);
    const effective = current ? effectiveChanges(current, args.changes) : args.changes;
    // Saving an unchanged form is not a change: nothing to record or to sync.
    if (current && !hasChanges(effective)) return nothing();
    return changeRecord(records, 'interaction', args.id, (record) =>
      updateInteraction(record, effective, ctx),
    );
  },
  output: { kind: 'interaction', id: 'id' },
  describe: () => 'Save changes',
});
