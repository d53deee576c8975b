// visit.finish: Done for a visit in service without closing its interaction from the form (closing
// the interaction with its visit does the same). Again changes nothing.

import { finishVisit, VisitIdArgs } from '../../domain/visit';
import { changeRecord, named } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const visitFinish = defineCommand({
  name: 'visit.finish',
  kind: 'visit',
  args: VisitIdArgs,
  permission: anyDeskRole('finish visits'),
  records: named('visit'),
  apply: (records, args, ctx) =>
    changeRecord(records, 'visit', args.id, (visit) => finishVisit(visit, ctx)),
  output: { kind: 'visit', id: 'id' },
  describe: () => 'Finish visit',
});
