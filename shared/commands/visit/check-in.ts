// visit.checkIn: someone joins a location's queue — checked in by an agent on their behalf, at the
// kiosk, or online. The same check-in again (a retry) changes nothing.

import { checkIn, CheckInArgs } from '../../domain/visit';
import { changes, named, nothing } from '../apply-steps';
import { defineCommand } from '../command-module';
import { WALK_UP_CHECK_IN } from '../permission';

export const visitCheckIn = defineCommand({
  name: 'visit.checkIn',
  kind: 'visit',
  args: CheckInArgs,
  permission: WALK_UP_CHECK_IN,
  creates: true,
  records: named('visit'),
  apply(records, args, ctx) {
    if (records.get('visit', args.id)) return nothing();
    const { number, provisional } = ctx.numberFor('visit', args.id);
    const created = checkIn(args, number, provisional, ctx);
    if (!created.ok) return created;
    return changes(
      [{ before: undefined, after: { kind: 'visit', record: created.value } }],
      'visit',
    );
  },
  output: { kind: 'visit', id: 'id' },
  describe: () => 'Check in',
});
