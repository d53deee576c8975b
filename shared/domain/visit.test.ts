import { describe, expect, it } from 'vitest';
import type { MutationContext } from './interaction';
import type { StoreResult } from './result';
import {
  callVisit,
  CheckInArgs,
  checkIn,
  finishVisit,
  isFinal,
  isQueued,
  markLeft,
  markNoShow,
  rateVisit,
  RateVisitArgs,
  returnToQueue,
  startVisit,
  Station,
  VISIT_STATES,
  VISIT_TRANSITIONS,
  type Visit,
  type VisitState,
} from './visit';

const ctx = (actorId = 'agent-1', now = '2026-11-23T10:00:00.000Z'): MutationContext => ({
  now,
  actorId,
  directory: {
    isGroupMember: () => false,
    userName: (u) =>
      ({ 'agent-1': 'Demo Agent', 'agent-2': 'Sam Reyes', 'user-9': 'Ruth Hale' })[u] ?? u,
  },
});

const checkInArgs = (over: Partial<CheckInArgs> = {}): CheckInArgs =>
  CheckInArgs.parse({
    id: 'vis-1',
    location: 'loc-hq',
    person: 'user-9',
    reason: 'Laptop',
    ...over,
  });

function waiting(over: Partial<CheckInArgs> = {}): Visit {
  const r = checkIn(
    checkInArgs(over),
    'VIS-P0001',
    true,
    ctx('agent-1', '2026-11-23T09:00:00.000Z'),
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const value = <T>(r: StoreResult<T>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** A visit in `state`, worked (called, served) by agent-2: another agent than the one acting. */
function visitIn(state: VisitState): Visit {
  const other = ctx('agent-2', '2026-11-23T09:05:00.000Z');
  const base = waiting();
  switch (state) {
    case 'Waiting':
      return base;
    case 'Called':
      return value(callVisit(base, { id: base.id, station: 'Counter 2' }, other));
    case 'In service':
      return value(startVisit(visitIn('Called'), 'ims-2', 'Counter 2', other));
    case 'Done':
      return value(finishVisit(visitIn('In service'), other));
    case 'No-show':
      return value(markNoShow(visitIn('Called'), other));
    case 'Left':
      return value(markLeft(base, other));
  }
}

const ACTIONS = ['call', 'returnToQueue', 'start', 'finish', 'noShow', 'left'] as const;
type Action = (typeof ACTIONS)[number];
const ACT: Record<Action, (visit: Visit, c: MutationContext) => StoreResult<Visit>> = {
  call: (v, c) => callVisit(v, { id: v.id, station: 'Counter 1' }, c),
  returnToQueue: (v, c) => returnToQueue(v, c),
  start: (v, c) => startVisit(v, 'ims-1', 'Counter 1', c),
  finish: (v, c) => finishVisit(v, c),
  noShow: (v, c) => markNoShow(v, c),
  left: (v, c) => markLeft(v, c),
};

/**
 * What agent-1 doing each action to a visit in each state (worked by agent-2) gives: the new state,
 * "same" (already there: nothing changes), or the refusal's code.
 */
const EXPECTED: Record<Action, Record<VisitState, VisitState | 'same' | 'rule' | 'conflict'>> = {
  call: {
    Waiting: 'Called',
    Called: 'conflict',
    'In service': 'conflict',
    Done: 'rule',
    'No-show': 'rule',
    Left: 'rule',
  },
  returnToQueue: {
    Waiting: 'same',
    Called: 'Waiting',
    'In service': 'rule',
    Done: 'rule',
    'No-show': 'rule',
    Left: 'rule',
  },
  start: {
    Waiting: 'In service',
    Called: 'conflict',
    'In service': 'conflict',
    Done: 'rule',
    'No-show': 'rule',
    Left: 'rule',
  },
  finish: {
    Waiting: 'rule',
    Called: 'rule',
    'In service': 'Done',
    Done: 'same',
    'No-show': 'rule',
    Left: 'rule',
  },
  noShow: {
    Waiting: 'rule',
    Called: 'No-show',
    'In service': 'rule',
    Done: 'rule',
    'No-show': 'same',
    Left: 'rule',
  },
  left: {
    Waiting: 'Left',
    Called: 'Left',
    'In service': 'rule',
    Done: 'rule',
    'No-show': 'rule',
    Left: 'same',
  },
};

const CASES = ACTIONS.flatMap((action) =>
  VISIT_STATES.map((from) => [action, from, EXPECTED[action][from]] as const),
);

describe('the visit state machine', () => {
  it.each(CASES)('%s from %s: %s', (action, from, expected) => {
    const before = visitIn(from);
    const result = ACT[action](before, ctx());
    if (expected === 'rule' || expected === 'conflict') {
      expect(result).toMatchObject({ ok: false, error: { code: expected } });
      if (!result.ok) expect(result.error.message).toContain('Ruth Hale');
    } else if (expected === 'same') {
      expect(result).toEqual({ ok: true, value: before });
    } else {
      expect(result).toMatchObject({ ok: true, value: { state: expected, updatedBy: 'agent-1' } });
    }
  });

  it('allows exactly the transitions VISIT_TRANSITIONS lists', () => {
    expect(Object.keys(VISIT_TRANSITIONS).sort()).toEqual([...ACTIONS].sort());
    for (const action of ACTIONS) {
      const moves = VISIT_STATES.flatMap((from) => {
        const to = EXPECTED[action][from];
        return (VISIT_STATES as readonly string[]).includes(to) ? [[from, to]] : [];
      });
      // Called → In service is allowed for the agent who called them (see below), not another.
      const listed = VISIT_TRANSITIONS[action]?.filter(
        ([from]) => !(action === 'start' && from === 'Called'),
      );
      expect(moves, action).toEqual(listed);
    }
  });

  it('knows which states are in the queue and which are final', () => {
    expect(VISIT_STATES.filter(isQueued)).toEqual(['Waiting', 'Called']);
    expect(VISIT_STATES.filter(isFinal)).toEqual(['Done', 'No-show', 'Left']);
  });
});

describe('the agent who called someone', () => {
  const mine = () => value(callVisit(waiting(), { id: 'vis-1', station: 'Counter 1' }, ctx()));

  it('calls again to the same station without changing anything', () => {
    const called = mine();
    expect(callVisit(called, { id: 'vis-1', station: 'Counter 1' }, ctx())).toEqual({
      ok: true,
      value: called,
    });
  });

  it('starts them: In service with the interaction, keeping when and where they were called', () => {
    const called = mine();
    const started = value(
      startVisit(called, 'ims-1', 'Counter 9', ctx('agent-1', '2026-11-23T10:03:00.000Z')),
    );
    expect(started).toMatchObject({
      state: 'In service',
      calledAt: called.calledAt,
      station: 'Counter 1',
      startedAt: '2026-11-23T10:03:00.000Z',
      servedBy: 'agent-1',
      interaction: 'ims-1',
    });
    expect(startVisit(started, 'ims-1', 'Counter 1', ctx())).toEqual({ ok: true, value: started });
  });

  it('sends them back to the queue with their place kept', () => {
    const back = value(returnToQueue(mine(), ctx()));
    expect(back).toMatchObject({
      state: 'Waiting',
      calledAt: null,
      calledBy: null,
      station: null,
      checkedInAt: '2026-11-23T09:00:00.000Z',
    });
  });

  it('is named in the conflict another agent gets', () => {
    const result = callVisit(mine(), { id: 'vis-1', station: 'Counter 2' }, ctx('agent-2'));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Ruth Hale was already called by Demo Agent to Counter 1; they are Called.',
      },
    });
  });

  it('serving someone straight from the queue calls them to this station', () => {
    const started = value(startVisit(waiting(), 'ims-1', 'Counter 3', ctx()));
    expect(started).toMatchObject({
      calledBy: 'agent-1',
      station: 'Counter 3',
      calledAt: started.startedAt,
    });
  });
});

describe('check-in', () => {
  it('keeps the directory name of the person, and their VIP mark', () => {
    const visit = waiting({ displayName: '', vip: true });
    expect(visit).toMatchObject({
      person: 'user-9',
      guestName: '',
      displayName: 'Ruth Hale',
      vip: true,
      state: 'Waiting',
      channel: 'agent',
      checkedInAt: '2026-11-23T09:00:00.000Z',
      checkedInBy: 'agent-1',
      number: 'VIS-P0001',
      numberProvisional: true,
    });
  });

  it('takes a guest by name, never as a VIP', () => {
    const visit = waiting({ person: null, guestName: '  Lee Park ', vip: true, channel: 'kiosk' });
    expect(visit).toMatchObject({
      person: null,
      guestName: 'Lee Park',
      displayName: 'Lee Park',
      vip: false,
    });
  });

  it('refuses a check-in with no person and no guest name, or no reason', () => {
    const noOne = CheckInArgs.safeParse({
      id: 'v',
      location: 'l',
      person: null,
      guestName: ' ',
      reason: 'Laptop',
    });
    expect(noOne.success).toBe(false);
    expect(noOne.error?.issues[0]?.message).toBe('Pick the person, or enter a guest name.');
    const noReason = CheckInArgs.safeParse({
      id: 'v',
      location: 'l',
      person: 'user-9',
      reason: '  ',
    });
    expect(noReason.error?.issues[0]?.message).toBe('Pick a reason for the visit.');
  });

  it('needs a station to call to', () => {
    expect(Station.safeParse('  ').error?.issues[0]?.message).toBe(
      'Name your station (e.g. Counter 2).',
    );
  });
});

describe('the exit survey', () => {
  const done = () => visitIn('Done');
  const answer = (rating: number, comment = '') =>
    RateVisitArgs.parse({ id: 'vis-1', rating, comment });

  it('is stored once on a Done visit; the same answer again changes nothing', () => {
    const rated = value(rateVisit(done(), answer(4, 'Quick.'), ctx('kiosk-1')));
    expect(rated.survey).toEqual({ rating: 4, comment: 'Quick.', at: '2026-11-23T10:00:00.000Z' });
    expect(rated.state).toBe('Done');
    expect(rateVisit(rated, answer(4, 'Quick.'), ctx())).toEqual({ ok: true, value: rated });
    expect(rateVisit(rated, answer(1), ctx())).toMatchObject({
      ok: false,
      error: { code: 'rule', message: 'This visit has already been rated.' },
    });
  });

  it.each(VISIT_STATES.filter((s) => s !== 'Done'))('is refused on a visit that is %s', (state) => {
    expect(rateVisit(visitIn(state), answer(5), ctx())).toMatchObject({
      ok: false,
      error: { code: 'rule', message: 'The survey is for a finished visit.' },
    });
  });

  it('takes a rating from 1 to 5 only', () => {
    for (const rating of [0, 6, 2.5])
      expect(RateVisitArgs.safeParse({ id: 'vis-1', rating }).success, String(rating)).toBe(false);
  });
});
