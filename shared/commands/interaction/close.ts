// interaction.close: Close (Closed Complete) or Abandon (Closed Abandoned), with the form's unsaved
// edits in the same change, and the walk-up visit it was started from finished (Done) with it.
// Closing it the same way again changes nothing.

import { CloseInteractionArgs, closeInteraction } from '../../domain/interaction';
import { finishVisit } from '../../domain/visit';
import { changes, missing } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';
import type { KindedRecord } from '../record-set';

export const interactionClose = defineCommand({
  name: 'interaction.close',
  kind: 'interaction',
  args: CloseInteractionArgs,
  permission: anyDeskRole('close interactions'),
  records: (args) => [
    { kind: 'interaction', id: args.id },
    ...(args.visit === undefined ? [] : [{ kind: 'visit' as const, id: args.visit }]),
  ],
  apply(records, args, ctx) {
    const current = records.get('interaction', args.id);
    if (!current) return missing('interaction');
    const closed = closeInteraction(current, args, ctx);
    if (!closed.ok) return closed;
    const list: { before: object | undefined; after: KindedRecord }[] = [
      { before: current, after: { kind: 'interaction', record: closed.value } },
    ];
    // Only the visit this interaction was started from, and only while it is being served.
    const visit = args.visit === undefined ? undefined : records.get('visit', args.visit);
    if (visit && visit.interaction === current.id && visit.state === 'In service') {
      const finished = finishVisit(visit, ctx);
      if (finished.ok)
        list.push({ before: visit, after: { kind: 'visit', record: finished.value } });
    }
    return changes(list);
  },
  output: { kind: 'interaction', id: 'id' },
  describe: (args) =>
    args.state === 'Closed Abandoned' ? 'Abandon interaction' : 'Close interaction',
});
