// visit.noShow: a called person who did not come within the location's grace time. Again changes
// nothing; a person already being served is refused.

import { markNoShow, VisitIdArgs } from '../../domain/visit';
import { changeRecord, named } from '../apply-steps';
import { defineCommand } from '../command-module';
import { anyDeskRole } from '../permission';

export const visitNoShow = defineCommand({
  name: 'visit.noShow',
  kind: 'visit',
  args: VisitIdArgs,
  permission: anyDeskRole('mark no-shows'),
  records: named('visit'),
  apply: (records, args, ctx) =>
    changeRecord(records, 'visit', args.id, (visit) => markNoShow(visit, ctx)),
  output: { kind: 'visit', id: 'id' },
  describe: () => 'No-show',
});
