// Tests for the desk manager's figures: small hand-built records whose answers are worked out here
// by hand, every figure, each filter, local hours across a DST change, empty data and the edges.

import { describe, expect, it } from 'vitest';
import {
  abandonment,
  agentToday,
  callbacks,
  deskFigures,
  FIGURE_HELP,
  FigureFilter,
  firstContactResolution,
  handleTime,
  reopenTimes,
  localClock,
  openIncidents,
  satisfaction,
  volume,
  walkUpTimes,
  type DeskRecords,
} from './desk-figures';
import { reopenIncident, type Incident } from './incident';
import type { Interaction } from './interaction';
import {
  T0,
  MIN,
  HOUR,
  DAY,
  at,
  interaction,
  closed,
  visit,
  rated,
  call,
  incident,
  link,
  reopenedAt,
} from './testing/desk-records';

const NO_RECORDS: DeskRecords = { interactions: [], visits: [], calls: [], incidents: [] };
/** The week of T0 in UTC. */
const WEEK: FigureFilter = {
  from: '2026-11-23T00:00:00.000Z',
  to: '2026-11-30T00:00:00.000Z',
  timeZone: 'UTC',
};

describe('FigureFilter', () => {
  it('accepts a range, an IANA time zone and the optional dimensions', () => {
    const parsed = FigureFilter.safeParse({
      ...WEEK,
      timeZone: 'Europe/Berlin',
      location: 'loc-hq',
      queue: 'Service desk',
      channel: 'Walk-in',
      agent: 'agent-a',
    });
    expect(parsed.success).toBe(true);
  });

  const messages = (input: unknown): string[] => {
    const parsed = FigureFilter.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  };

  it('refuses what it cannot read, saying what to give', () => {
    expect(messages({ ...WEEK, timeZone: 'Mars/Olympus' })).toEqual([
      'Give the time zone as an IANA name, like Europe/Berlin.',
    ]);
    expect(messages({ ...WEEK, from: 'yesterday' })).toEqual([
      'Give "from" as an ISO date and time, like 2026-12-01T00:00:00Z.',
    ]);
    expect(messages({ ...WEEK, from: WEEK.to })).toEqual(['"from" must be before "to".']);
    expect(messages({ ...WEEK, channel: 'Fax' })).toEqual(['Pick the channel the caller used.']);
    expect(messages({ ...WEEK, queue: '  ' })).toEqual(['Name the queue, or leave it out.']);
  });
});

describe('volume', () => {
  it('counts interactions by channel, hour and weekday, at openedAt, in [from, to)', () => {
    const records = {
      ...NO_RECORDS,
      interactions: [
        interaction('mon-0900', { openedAt: at(0) }),
        interaction('mon-0930', { openedAt: at(30) }),
        interaction('mon-1400', { type: 'Walk-in', openedAt: at(5 * 60) }),
        interaction('tue-0915', { type: 'Email', openedAt: at(DAY / MIN + 15) }),
        // exactly `from` is in, exactly `to` is out, and so is anything before `from`
        interaction('from', { type: 'Chat', openedAt: WEEK.from }),
        interaction('to', { openedAt: WEEK.to }),
        interaction('before', { openedAt: '2026-11-22T23:59:59.999Z' }),
      ],
    };
    const { volume: v } = deskFigures(records, WEEK, T0);
    expect(v.total).toBe(5);
    expect(v.byChannel).toEqual({ Chat: 1, Email: 1, Phone: 2, 'Walk-in': 1, 'Self-service': 0 });
    // 09:00, 09:30, 09:15 → 3 at hour 9; 14:00 → 1 at 14; 00:00 (from) → 1 at 0
    const hours = Array.from({ length: 24 }, () => 0);
    hours[0] = 1;
    hours[9] = 3;
    hours[14] = 1;
    expect(v.byHour).toEqual(hours);
    // Monday (0): four of them; Tuesday (1): one
    expect(v.byWeekday).toEqual([4, 1, 0, 0, 0, 0, 0]);
  });

  it('leaves out an interaction whose opened time cannot be read, rather than throw', () => {
    const v = volume(
      [interaction('readable'), interaction('garbled', { openedAt: 'not a time' })],
      localClock('UTC'),
    );
    expect(v.total).toBe(1);
    expect(v.byChannel.Phone).toBe(1);
  });

  it('buckets by the local hour and weekday of the time zone, across the end of summer time', () => {
    // Europe/Berlin goes from CEST (UTC+2) to CET (UTC+1) at 01:00 UTC on Sunday 25 October 2026.
    const interactions = [
      interaction('sat', { openedAt: '2026-10-24T10:30:00Z' }), // 12:30 CEST, Saturday
      interaction('sun-early', { openedAt: '2026-10-24T22:30:00Z' }), // 00:30 CEST, Sunday
      interaction('first-0230', { openedAt: '2026-10-25T00:30:00Z' }), // 02:30 CEST, Sunday
      interaction('second-0230', { openedAt: '2026-10-25T01:30:00Z' }), // 02:30 CET, Sunday
      interaction('mon', { openedAt: '2026-10-26T10:30:00Z' }), // 11:30 CET, Monday
    ];
    const berlin = volume(interactions, localClock('Europe/Berlin'));
    const hours = Array.from({ length: 24 }, () => 0);
    hours[0] = 1;
    hours[2] = 2; // the hour 02:00–03:00 happens twice that night: both count in it
    hours[11] = 1;
    hours[12] = 1;
    expect(berlin.byHour).toEqual(hours);
    // Monday 1, Saturday 1, Sunday 3
    expect(berlin.byWeekday).toEqual([1, 0, 0, 0, 0, 1, 3]);

    // The same records in UTC: 10:30 twice, 22:30 (still Saturday), 00:30 and 01:30.
    const utc = volume(interactions, localClock('UTC'));
    expect(utc.byHour[10]).toBe(2);
    expect(utc.byHour[22]).toBe(1);
    expect(utc.byWeekday).toEqual([1, 0, 0, 0, 0, 2, 2]);
  });
});

describe('first-contact resolution', () => {
  // Every interaction closes at minute 10; a day is 1440 minutes.
  const incidents = [
    reopenedAt('inc-reopened-3d', 10 + 3 * 1440),
    reopenedAt('inc-reopened-8d', 10 + 8 * 1440),
    reopenedAt('inc-reopened-before', 5),
    reopenedAt('inc-reopened-7d-exactly', 10 + 7 * 1440),
  ];
  const interactions = [
    closed('plain', 0, 60),
    closed('created-incident', 0, 60, { relatedRecords: [link('incident', 'inc-x', 'created')] }),
    closed('created-request', 0, 60, { relatedRecords: [link('request', 'req-x', 'created')] }),
    closed('reopened-3d', 0, 60, {
      relatedRecords: [link('incident', 'inc-reopened-3d', 'associated')],
    }),
    closed('reopened-8d', 0, 60, {
      relatedRecords: [link('incident', 'inc-reopened-8d', 'associated')],
    }),
    closed('reopened-before', 0, 60, {
      relatedRecords: [link('incident', 'inc-reopened-before', 'associated')],
    }),
    closed('reopened-7d-exactly', 0, 60, {
      relatedRecords: [link('incident', 'inc-reopened-7d-exactly', 'associated')],
    }),
    closed('incident-not-held', 0, 60, {
      relatedRecords: [link('incident', 'inc-elsewhere', 'associated')],
    }),
    closed('abandoned', 0, 60, { state: 'Closed Abandoned' }),
    interaction('open'),
  ];

  it('counts Closed Complete ones with nothing created and no reopen within 7 days of the close', () => {
    const fcr = firstContactResolution(interactions, new Map(incidents.map((i) => [i.id, i])));
    // eligible: the 8 Closed Complete (not the abandoned one, not the open one)
    // not resolved: created-incident, created-request, reopened-3d, reopened-7d-exactly (the
    // window includes its last instant)
    // resolved: plain, reopened-8d, reopened-before, incident-not-held → 4 of 8
    expect(fcr).toEqual({ resolved: 4, eligible: 8, share: 0.5 });
  });

  it('reads the reopen time from the note the real Reopen incident writes', () => {
    const resolved = incident('inc-r', {
      state: 'Resolved',
      resolutionCode: 'Solution provided',
      resolutionNotes: 'Replaced the cable.',
      resolvedAt: at(5),
      resolvedBy: 'agent-a',
    });
    const ctx = {
      now: at(60),
      actorId: 'agent-a',
      directory: { isGroupMember: () => true, userName: () => 'Agent A' },
    };
    const result = reopenIncident(
      resolved,
      { id: 'inc-r', noteId: 'n-1', reason: 'Still down' },
      ctx,
    );
    expect(result.ok && reopenTimes(result.value)).toEqual([at(60)]);
  });

  it('is null, not NaN, when nothing is eligible', () => {
    expect(firstContactResolution([interaction('open')], new Map())).toEqual({
      resolved: 0,
      eligible: 0,
      share: null,
    });
  });
});

describe('handle time', () => {
  it('takes the handle time kept at close: median and nearest-rank 90th percentile', () => {
    const figures = handleTime([
      closed('p1', 0, 300),
      closed('p2', 0, 420),
      closed('p3', 0, 600),
      closed('p4', 0, 120, { state: 'Closed Abandoned' }),
      closed('p5', 0, 900),
      interaction('p-open', { handleTimeSeconds: null }),
      closed('p-no-time', 0, null),
      closed('w1', 0, 600, { type: 'Walk-in' }),
      closed('w2', 0, 1200, { type: 'Walk-in' }),
      closed('e1', 0, 60, { type: 'Email' }),
    ]);
    // phone: 120 300 420 600 900 → median 420; p90 rank ⌈0.9 × 5⌉ = 5 → 900
    expect(figures.phone).toEqual({ count: 5, median: 420, p90: 900 });
    // walk-in: 600 1200 → median (600 + 1200) / 2 = 900; p90 rank ⌈1.8⌉ = 2 → 1200
    expect(figures.walkIn).toEqual({ count: 2, median: 900, p90: 1200 });
    // all: 60 120 300 420 600 600 900 1200 → median (420 + 600) / 2 = 510; p90 rank ⌈7.2⌉ = 8 → 1200
    expect(figures.all).toEqual({ count: 8, median: 510, p90: 1200 });
  });

  it('is a zero count and null median and p90 without closed interactions', () => {
    const empty = { count: 0, median: null, p90: null };
    expect(handleTime([interaction('open')])).toEqual({ phone: empty, walkIn: empty, all: empty });
  });
});

describe('walk-up wait and service time', () => {
  it('waits from check-in to Start; serves from the call (else Start) to Done', () => {
    const times = walkUpTimes([
      visit('called', {
        state: 'Done',
        checkedInAt: at(0),
        calledAt: at(5),
        startedAt: at(6),
        endedAt: at(16),
      }),
      visit('never-called', {
        state: 'Done',
        checkedInAt: at(10),
        startedAt: at(30),
        endedAt: at(40),
      }),
      visit('in-service', {
        state: 'In service',
        checkedInAt: at(20),
        calledAt: at(25),
        startedAt: at(26),
      }),
      visit('waiting', { checkedInAt: at(30) }),
      visit('left', { state: 'Left', checkedInAt: at(5), endedAt: at(15) }),
    ]);
    // wait: 6 min = 360 s, 20 min = 1200 s, 6 min = 360 s → sorted 360 360 1200:
    // median 360; p90 rank ⌈2.7⌉ = 3 → 1200
    expect(times.wait).toEqual({ count: 3, median: 360, p90: 1200 });
    // service: 5 → 16 = 11 min = 660 s; 30 → 40 = 600 s → median 630; p90 rank ⌈1.8⌉ = 2 → 660
    expect(times.service).toEqual({ count: 2, median: 630, p90: 660 });
  });
});

describe('abandonment', () => {
  it('is missed calls of inbound calls answered or missed, and Left + No-show of finished visits', () => {
    const result = abandonment(
      [
        call('ended'),
        call('answered', { state: 'Answered', endedAt: null }),
        call('missed-1', { state: 'Missed', answeredAt: null, answeredBy: null }),
        call('missed-2', { state: 'Missed', answeredAt: null, answeredBy: null }),
        call('rejected', { state: 'Rejected', answeredAt: null, answeredBy: null }),
        call('ringing', { state: 'Ringing', answeredAt: null, answeredBy: null, endedAt: null }),
        call('outbound-missed', { direction: 'out', state: 'Missed', answeredAt: null }),
      ],
      [
        visit('done-1', { state: 'Done' }),
        visit('done-2', { state: 'Done' }),
        visit('done-3', { state: 'Done' }),
        visit('left', { state: 'Left' }),
        visit('no-show', { state: 'No-show' }),
        visit('waiting'),
        visit('in-service', { state: 'In service' }),
      ],
    );
    // calls: ended, answered, missed-1, missed-2 → 2 of 4
    expect(result.calls).toEqual({ missed: 2, total: 4, share: 0.5 });
    // visits: 3 Done + 1 Left + 1 No-show = 5 finished; (1 + 1) / 5 = 0.4
    expect(result.visits).toEqual({ left: 1, noShow: 1, total: 5, share: 0.4 });
  });

  it('is null shares for no calls and no visits', () => {
    expect(abandonment([], [])).toEqual({
      calls: { missed: 0, total: 0, share: null },
      visits: { left: 0, noShow: 0, total: 0, share: null },
    });
  });
});

describe('callbacks', () => {
  const now = T0 + 10 * DAY;
  const resolvedHoursAgo = (id: string, hours: number, interactionIds: string[]): Incident =>
    incident(id, {
      state: 'Resolved',
      resolvedAt: new Date(now - hours * HOUR).toISOString(),
      relatedInteractions: interactionIds.map((i) => ({
        id: i,
        number: i,
        caller: null,
        relation: 'associated' as const,
        at: at(0),
        by: 'agent-a',
      })),
    });
  const interactions = new Map(
    [
      ...['i-1h', 'i-10h-a', 'i-10h-b', 'i-24h', 'i-30h', 'i-5d', 'i-in-progress'].map((id) =>
        interaction(id),
      ),
      closed('i-closed', 0, 60),
    ].map((i) => [i.id, i]),
  );
  const incidents = [
    resolvedHoursAgo('r-1h', 1, ['i-1h']),
    resolvedHoursAgo('r-10h', 10, ['i-10h-a', 'i-10h-b']),
    resolvedHoursAgo('r-24h', 24, ['i-24h']),
    resolvedHoursAgo('r-30h', 30, ['i-30h']),
    resolvedHoursAgo('r-5d', 5 * 24, ['i-5d']),
    resolvedHoursAgo('r-closed', 2, ['i-closed']),
    resolvedHoursAgo('r-not-held', 2, ['i-elsewhere']),
    { ...resolvedHoursAgo('in-progress', 50, ['i-in-progress']), state: 'In Progress' as const },
  ];

  it('counts each open interaction of a Resolved incident, aged from the resolution', () => {
    // due: i-1h, i-10h-a, i-10h-b, i-24h, i-30h, i-5d = 6 (closed, not held and In Progress are not)
    // overdue (24 h or more): i-24h, i-30h, i-5d = 3
    expect(callbacks(incidents, (id) => interactions.get(id), now)).toEqual({
      due: 6,
      overdue: 3,
      ages: { 'under 4 h': 1, '4–24 h': 2, '1–3 days': 2, 'over 3 days': 1 },
    });
  });
});

describe('open incidents', () => {
  const now = T0 + 30 * DAY;
  const opened = (daysAgo: number): string => new Date(now - daysAgo * DAY).toISOString();

  it('counts New, In Progress and On Hold by priority and by age since opened', () => {
    const result = openIncidents(
      [
        incident('p1-new', { priority: 1, openedAt: opened(2 / 24) }),
        incident('p2-wip', { priority: 2, state: 'In Progress', openedAt: opened(2) }),
        incident('p2-hold', { priority: 2, state: 'On Hold', openedAt: opened(5) }),
        incident('p4-old', { priority: 4, openedAt: opened(10) }),
        incident('p3-resolved', { priority: 3, state: 'Resolved', openedAt: opened(1) }),
        incident('p1-closed', { priority: 1, state: 'Closed', openedAt: opened(1) }),
        incident('p1-canceled', { priority: 1, state: 'Canceled', openedAt: opened(1) }),
      ],
      now,
    );
    expect(result).toEqual({
      total: 4,
      byPriority: { 1: 1, 2: 2, 3: 0, 4: 1 },
      // 2 h, 2 days, 5 days, 10 days
      ageBuckets: { 'under 1 day': 1, '1–3 days': 1, '3–7 days': 1, 'over 7 days': 1 },
    });
  });

  it('puts an incident exactly a day old in 1–3 days', () => {
    const result = openIncidents([incident('a-day', { openedAt: opened(1) })], now);
    expect(result.ageBuckets['1–3 days']).toBe(1);
  });
});

describe('satisfaction', () => {
  it('counts the exit-survey answers, their mean and each rating', () => {
    // 5 + 4 + 4 + 1 = 14 over 4 answers = 3.5; the Done visit without an answer is not one
    expect(
      satisfaction([rated('a', 5), rated('b', 4), rated('c', 4), rated('d', 1), visit('e')]),
    ).toEqual({
      responses: 4,
      average: 3.5,
      distribution: { 1: 1, 2: 0, 3: 0, 4: 2, 5: 1 },
    });
  });

  it('has a null average without answers', () => {
    expect(satisfaction([visit('a', { state: 'Done' })])).toEqual({
      responses: 0,
      average: null,
      distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
    });
  });
});

describe('deskFigures filters', () => {
  // Two locations and two phone queues; agent-a on the phone, agent-b at the counter.
  const records: DeskRecords = {
    calls: [
      call('c-hq', { location: 'loc-hq', queue: 'Service desk', interaction: 'i-phone' }),
      call('c-ldn-missed', {
        location: 'loc-ldn',
        queue: 'Printers',
        state: 'Missed',
        answeredAt: null,
        answeredBy: null,
      }),
    ],
    visits: [
      visit('v-hq', {
        location: 'loc-hq',
        state: 'Done',
        servedBy: 'agent-b',
        interaction: 'i-walk-in',
        survey: { rating: 4, comment: '', at: at(20) },
      }),
      visit('v-ldn-left', { location: 'loc-ldn', state: 'Left' }),
    ],
    interactions: [
      closed('i-phone', 0, 300, { call: 'c-hq' }),
      closed('i-walk-in', 0, 600, { type: 'Walk-in', visit: 'v-hq', openedBy: 'agent-b' }),
      closed('i-email', 0, 60, { type: 'Email' }),
    ],
    incidents: [
      incident('inc-phone', {
        assignedTo: 'agent-a',
        relatedInteractions: [
          { id: 'i-phone', number: 'i', caller: null, relation: 'origin', at: at(0), by: 'a' },
        ],
      }),
      incident('inc-email', {
        assignedTo: 'agent-b',
        relatedInteractions: [
          { id: 'i-email', number: 'i', caller: null, relation: 'origin', at: at(0), by: 'a' },
        ],
      }),
    ],
  };
  const figures = (filter: Partial<FigureFilter>) =>
    deskFigures(records, { ...WEEK, ...filter }, T0);

  it('without dimensions reads every record of the range', () => {
    const all = figures({});
    expect(all.volume.total).toBe(3);
    expect(all.abandonment.calls).toEqual({ missed: 1, total: 2, share: 0.5 });
    expect(all.abandonment.visits).toEqual({ left: 1, noShow: 0, total: 2, share: 0.5 });
    expect(all.openIncidents.total).toBe(2);
  });

  it('location: an interaction is where its visit or its call is', () => {
    const hq = figures({ location: 'loc-hq' });
    expect(hq.volume.byChannel).toMatchObject({ Phone: 1, 'Walk-in': 1, Email: 0 });
    expect(hq.abandonment.calls).toEqual({ missed: 0, total: 1, share: 0 });
    expect(hq.abandonment.visits).toEqual({ left: 0, noShow: 0, total: 1, share: 0 });
    expect(hq.satisfaction.responses).toBe(1);
    // inc-phone is linked to the phone interaction at loc-hq; inc-email to none there
    expect(hq.openIncidents.total).toBe(1);
  });

  it('queue: a phone queue; visits and interactions without a call have none', () => {
    const printers = figures({ queue: 'Printers' });
    expect(printers.volume.total).toBe(0);
    expect(printers.abandonment.calls).toEqual({ missed: 1, total: 1, share: 1 });
    expect(printers.abandonment.visits.total).toBe(0);
  });

  it('channel: the interaction Type; calls are Phone and visits Walk-in', () => {
    const email = figures({ channel: 'Email' });
    expect(email.volume.total).toBe(1);
    expect(email.handleTime.all).toEqual({ count: 1, median: 60, p90: 60 });
    expect(email.abandonment.calls.total).toBe(0);
    expect(email.abandonment.visits.total).toBe(0);
    const walkIn = figures({ channel: 'Walk-in' });
    expect(walkIn.abandonment.visits.total).toBe(2);
    expect(walkIn.handleTime.walkIn).toEqual({ count: 1, median: 600, p90: 600 });
  });

  it('agent: who opened the interaction, answered the call, served the visit, is Assigned to the incident', () => {
    const a = figures({ agent: 'agent-a' });
    expect(a.volume.byChannel).toMatchObject({ Phone: 1, Email: 1, 'Walk-in': 0 });
    // the missed call was answered by nobody, so no agent's figures count it
    expect(a.abandonment.calls).toEqual({ missed: 0, total: 1, share: 0 });
    expect(a.walkUpTimes.service.count).toBe(0);
    expect(a.openIncidents.total).toBe(1);
    const b = figures({ agent: 'agent-b' });
    expect(b.satisfaction.average).toBe(4);
    expect(b.openIncidents.total).toBe(1);
  });
});

describe('deskFigures on no records', () => {
  it('is zeros and nulls, never NaN, and survives JSON unchanged', () => {
    const empty = { count: 0, median: null, p90: null };
    const figures = deskFigures(NO_RECORDS, WEEK, T0);
    expect(figures).toEqual({
      volume: {
        byChannel: { Chat: 0, Email: 0, Phone: 0, 'Walk-in': 0, 'Self-service': 0 },
        byHour: Array.from({ length: 24 }, () => 0),
        byWeekday: [0, 0, 0, 0, 0, 0, 0],
        total: 0,
      },
      firstContactResolution: { resolved: 0, eligible: 0, share: null },
      handleTime: { phone: empty, walkIn: empty, all: empty },
      walkUpTimes: { wait: empty, service: empty },
      abandonment: {
        calls: { missed: 0, total: 0, share: null },
        visits: { left: 0, noShow: 0, total: 0, share: null },
      },
      callbacks: {
        due: 0,
        overdue: 0,
        ages: { 'under 4 h': 0, '4–24 h': 0, '1–3 days': 0, 'over 3 days': 0 },
      },
      openIncidents: {
        total: 0,
        byPriority: { 1: 0, 2: 0, 3: 0, 4: 0 },
        ageBuckets: { 'under 1 day': 0, '1–3 days': 0, '3–7 days': 0, 'over 7 days': 0 },
      },
      satisfaction: { responses: 0, average: null, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } },
    });
    expect(JSON.parse(JSON.stringify(figures))).toEqual(figures);
  });
});

describe('agentToday', () => {
  // 23:30 CET on Sunday 25 October 2026 in Berlin (the day summer time ended): "today" is the 25th,
  // from 22:00 UTC on the 24th (00:00 CEST) to 23:00 UTC on the 25th (00:00 CET).
  const now = Date.parse('2026-10-25T22:30:00Z');
  const day = (iso: string, over: Partial<Interaction> = {}): Partial<Interaction> => ({
    openedAt: iso,
    closedAt: iso,
    ...over,
  });
  const records: DeskRecords = {
    interactions: [
      closed('today-fcr', 0, 300, day('2026-10-24T22:30:00Z')), // 00:30 CEST on the 25th
      closed('today-escalated', 0, 500, {
        ...day('2026-10-25T12:00:00Z'),
        relatedRecords: [link('incident', 'inc-1', 'created')],
      }),
      closed('today-abandoned', 0, 100, {
        ...day('2026-10-25T13:00:00Z'),
        state: 'Closed Abandoned',
      }),
      interaction('today-open', { openedAt: '2026-10-25T14:00:00Z' }),
      closed('yesterday', 0, 999, day('2026-10-24T21:30:00Z')), // 23:30 CEST on the 24th
      closed('someone-else', 0, 999, {
        ...day('2026-10-25T12:00:00Z'),
        openedBy: 'agent-b',
        closedBy: 'agent-b',
      }),
    ],
    calls: [
      call('answered-today', { answeredAt: '2026-10-25T09:00:00Z' }),
      call('answered-yesterday', { answeredAt: '2026-10-24T21:59:59Z' }),
      call('missed', { state: 'Missed', answeredAt: null, answeredBy: null }),
    ],
    visits: [
      visit('served-today', {
        state: 'Done',
        servedBy: 'agent-a',
        endedAt: '2026-10-25T10:00:00Z',
      }),
      visit('in-service', { state: 'In service', servedBy: 'agent-a' }),
      visit('served-by-b', { state: 'Done', servedBy: 'agent-b', endedAt: '2026-10-25T10:00:00Z' }),
    ],
    incidents: [],
  };

  it("is the agent's own figures for the local calendar day of now", () => {
    expect(agentToday(records, 'agent-a', now, 'Europe/Berlin')).toEqual({
      // opened today by agent-a: today-fcr, today-escalated, today-abandoned, today-open
      interactionsLogged: 4,
      // closed today by agent-a: today-fcr, today-escalated, today-abandoned
      closed: 3,
      // eligible: the 2 Closed Complete; resolved: today-fcr → 1 / 2
      firstContactResolution: 0.5,
      // 100 300 500 → 300
      medianHandleSeconds: 300,
      callsAnswered: 1,
      visitsServed: 1,
    });
  });

  it('is zeros and nulls on a day with nothing done', () => {
    expect(agentToday(records, 'agent-c', now, 'Europe/Berlin')).toEqual({
      interactionsLogged: 0,
      closed: 0,
      firstContactResolution: null,
      medianHandleSeconds: null,
      callsAnswered: 0,
      visitsServed: 0,
    });
  });
});

describe('FIGURE_HELP', () => {
  it('defines every figure deskFigures returns', () => {
    const names = Object.keys(deskFigures(NO_RECORDS, WEEK, T0)).sort();
    expect(Object.keys(FIGURE_HELP).sort()).toEqual(names);
    for (const help of Object.values(FIGURE_HELP))
      expect(help.definition.length).toBeGreaterThan(40);
  });
});
