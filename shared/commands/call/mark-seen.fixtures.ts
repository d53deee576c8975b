// Fixtures of call.markSeen for registry.test.ts: Mark all missed as seen over two missed calls and
// an answered one (only the missed ones change); a call this desk does not have is refused.

import { MISSED_CALLS } from '../testing/call-scenes';
import { commandFixture } from '../testing/fixture';

export const fixture = commandFixture({
  name: 'call.markSeen',
  records: MISSED_CALLS,
  given: [],
  allowed: { id: 'cal-1', ids: ['cal-1', 'cal-2', 'cal-3'] },
  changes: [
    { kind: 'call', id: 'cal-1' },
    { kind: 'call', id: 'cal-2' },
  ],
  refused: { input: { id: 'cal-1', ids: ['cal-1', 'cal-404'] }, code: 'not-found' },
});
