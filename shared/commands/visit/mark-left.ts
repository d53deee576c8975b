// visit.markLeft: someone waiting or called went away before being served. Again changes nothing.

import { markLeft, VisitIdArgs } from '../../domain/visit';
import { changeRecord, named } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const visitMarkLeft = defineCommand({
  name: 'visit.markLeft',
  kind: 'visit',
  args: VisitIdArgs,
  permission: anyDeskRole('mark visitors as left'),
  records: named('visit'),
  apply: (records, args, ctx) =>
    changeRecord(records, 'visit', args.id, (visit) => markLeft(visit, ctx)),
  output: { kind: 'visit', id: 'id' },
  describe: () => 'Left',
});
