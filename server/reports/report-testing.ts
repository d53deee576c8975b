// Test support for the reports: stores hand-built records through the stores' upserts (so the
// typed columns of migration 0013 and report_hourly are written as push writes them), and a small
// data set whose figures report-queries.test.ts works out by hand.

import type { Kysely } from 'kysely';
import type { DeskRecords } from '../../shared/domain/desk-figures';
import type { Incident } from '../../shared/domain/incident';
import {
  at,
  call,
  closed,
  DAY,
  incident,
  interaction,
  link,
  MIN,
  rated,
  visit,
} from '../../shared/domain/testing/desk-records';
import type { Database } from '../db/schema';
import { upsertInteractions } from '../interactions/interaction-store';
import { upsertCalls } from '../phone/call-store';
import { upsertIncidents } from '../tasks/task-store';
import { upsertVisits } from '../walk-up/visit-store';

let nextSeq = 1001;

/** Writes the records as push does: visits and calls first, then incidents and interactions. */
export async function storeRecords(db: Kysely<Database>, records: DeskRecords): Promise<void> {
  const numbered = <T>(list: readonly T[]) => list.map((record) => ({ record, seq: nextSeq++ }));
  await db.transaction().execute(async (trx) => {
    await upsertVisits(trx, numbered(records.visits));
    await upsertCalls(trx, numbered(records.calls));
    await upsertIncidents(trx, numbered(records.incidents));
    await upsertInteractions(trx, numbered(records.interactions));
  });
}

const origin = (id: string): Incident['relatedInteractions'][number] => ({
  id,
  number: id,
  caller: null,
  relation: 'origin',
  at: at(0),
  by: 'agent-1',
});

/** "Now" for the figures that are not dated: Tuesday 24 November 2026, 09:00 UTC (T0 + 1 day). */
export const NOW = at(24 * 60);

/**
 * Monday 23 November 2026 from 09:00 UTC at two locations (loc-hq, loc-b2), two queues, two agents
 * (agent-1, agent-2), plus records outside the day. The figures are worked out in the test.
 */
export function mondayRecords(): DeskRecords {
  return {
    visits: [
      visit('v1', {
        ...rated('v1', 5),
        calledAt: at(5),
        startedAt: at(7),
        endedAt: at(17),
        servedBy: 'agent-1',
        interaction: 'i2',
      }),
      visit('v2', {
        ...rated('v2', 3),
        checkedInAt: at(10),
        openedAt: at(10),
        startedAt: at(30),
        endedAt: at(40),
        servedBy: 'agent-2',
        interaction: 'i3',
      }),
      visit('v3', { state: 'Left', checkedInAt: at(20), openedAt: at(20) }),
      visit('v4', {
        state: 'No-show',
        location: 'loc-b2',
        checkedInAt: at(25),
        openedAt: at(25),
        calledAt: at(35),
      }),
      visit('v5', { checkedInAt: at(50), openedAt: at(50) }),
      visit('v6', {
        ...rated('v6', 4),
        location: 'loc-b2',
        checkedInAt: at(60),
        openedAt: at(60),
        calledAt: at(61),
        startedAt: at(62),
        endedAt: at(92),
        servedBy: 'agent-1',
        interaction: 'i8',
      }),
      visit('v-old', { ...rated('v-old', 1), checkedInAt: at(-2 * 24 * 60) }),
    ],
    calls: [
      call('c1', { rangAt: at(1), openedAt: at(1), answeredBy: 'agent-1', interaction: 'i1' }),
      call('c2', {
        rangAt: at(2),
        openedAt: at(2),
        state: 'Missed',
        answeredAt: null,
        answeredBy: null,
      }),
      call('c3', {
        rangAt: at(3),
        openedAt: at(3),
        state: 'Missed',
        queue: 'Network',
        answeredAt: null,
        answeredBy: null,
      }),
      call('c4', {
        rangAt: at(4),
        openedAt: at(4),
        state: 'Answered',
        queue: 'Network',
        answeredBy: 'agent-2',
        endedAt: null,
        interaction: 'i4',
      }),
      call('c5', { rangAt: at(5), openedAt: at(5), direction: 'out', answeredBy: 'agent-1' }),
      call('c6', {
        rangAt: at(6),
        openedAt: at(6),
        state: 'Ringing',
        answeredAt: null,
        answeredBy: null,
        endedAt: null,
      }),
    ],
    interactions: [
      closed('i1', 1, 300, { type: 'Phone', call: 'c1', openedBy: 'agent-1' }),
      closed('i2', 7, 600, {
        type: 'Walk-in',
        visit: 'v1',
        openedBy: 'agent-1',
        relatedRecords: [link('incident', 'inc-r', 'associated')],
      }),
      closed('i3', 30, 900, {
        type: 'Walk-in',
        visit: 'v2',
        openedBy: 'agent-2',
        relatedRecords: [link('request', 'req-1', 'created')],
      }),
      closed('i4', 4, 120, {
        type: 'Phone',
        call: 'c4',
        openedBy: 'agent-2',
        state: 'Closed Abandoned',
      }),
      interaction('i5', { type: 'Email', openedAt: at(120), openedBy: 'agent-1' }),
      closed('i6', 180, null, {
        type: 'Chat',
        openedBy: 'agent-2',
        relatedRecords: [link('incident', 'inc-open', 'associated')],
      }),
      closed('i7', -2 * 24 * 60, 50, { type: 'Phone', openedBy: 'agent-1' }),
      closed('i8', 62, 1800, { type: 'Walk-in', visit: 'v6', openedBy: 'agent-1' }),
      interaction('i9', { type: 'Phone', openedAt: at(-3 * 24 * 60), openedBy: 'agent-2' }),
    ],
    incidents: [
      // i2 closed at 09:17; reopened at 09:20 and so within the 7 days.
      incident('inc-r', {
        state: 'In Progress',
        priority: 2,
        openedAt: at(-10 * 24 * 60),
        assignedTo: 'tech-1',
        relatedInteractions: [origin('i2')],
        workNotes: [
          {
            id: 'inc-r:reopen-1',
            author: 'agent-1',
            authorName: 'Agent',
            at: at(20),
            text: 'Reopened: still broken',
          },
        ],
      }),
      // i6 closed at 12:10; reopened 8 days later: outside the window.
      incident('inc-open', {
        state: 'On Hold',
        priority: 1,
        openedAt: at(180),
        relatedInteractions: [origin('i6')],
        workNotes: [
          {
            id: 'inc-open:reopen-1',
            author: 'agent-1',
            authorName: 'Agent',
            at: new Date(Date.parse(at(190)) + 8 * DAY).toISOString(),
            text: 'Reopened: again',
          },
        ],
      }),
      incident('inc-res', {
        state: 'Resolved',
        resolvedAt: at(60),
        relatedInteractions: [origin('i5')],
      }),
      incident('inc-res2', {
        state: 'Resolved',
        resolvedAt: at(-2 * 24 * 60),
        relatedInteractions: [origin('i9'), origin('i7')],
      }),
      incident('inc-closed', { state: 'Closed', priority: 4 }),
      incident('inc-new', {
        priority: 4,
        openedAt: at(-2 * 24 * 60),
        assignedTo: 'agent-1',
      }),
    ],
  };
}

export const MONDAY = { from: at(-60), to: at(24 * 60 - 60), timeZone: 'UTC' } as const;
export { MIN };
