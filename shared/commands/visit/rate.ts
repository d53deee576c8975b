// visit.rate: the exit survey — one tap and an optional comment on a Done visit, from the kiosk or a
// desk. Once; the same answer again changes nothing.

import { rateVisit, RateVisitArgs } from '../../domain/visit';
import { changeRecord, named } from '../apply-steps';
import { defineCommand } from '../command-module';
import { WALK_UP_SURVEY } from '../permission';

export const visitRate = defineCommand({
  name: 'visit.rate',
  kind: 'visit',
  args: RateVisitArgs,
  permission: WALK_UP_SURVEY,
  records: named('visit'),
  apply: (records, args, ctx) =>
    changeRecord(records, 'visit', args.id, (visit) => rateVisit(visit, args, ctx)),
  output: { kind: 'visit', id: 'id' },
  describe: () => 'Rate the visit',
});
