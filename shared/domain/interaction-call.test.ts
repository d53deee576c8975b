// The call timer's rules: Start call, End call into Wrap Up, a first save from a phone call, and the
// talk, wrap-up and handle time kept at close, all from the commands' own times.

import { describe, expect, it } from 'vitest';
import {
  closeInteraction,
  createInteraction,
  InteractionChanges,
  type Interaction,
  type MutationContext,
} from './interaction';
import { endCall, HANDLE_TIME_MAX_SECONDS, loggedFromCall, startCall } from './interaction-call';

const ctx = (now: string): MutationContext => ({
  now,
  actorId: 'agent-1',
  directory: { isGroupMember: () => true, userName: (u) => u },
});
const at = (time: string) => `2026-11-23T${time}.000Z`;

function created(): Interaction {
  const r = createInteraction(
    {
      id: 'i-1',
      openedFor: 'user-9',
      contactEmail: '',
      contactPhone: '+44 20 7946 0000',
      type: 'Phone',
      component: null,
      assignmentGroup: null,
      assignedTo: null,
      shortDescription: 'VPN drops',
      description: '',
    },
    'IMS-P0001',
    true,
    ctx(at('10:00:00')),
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const value = (r: { ok: true; value: Interaction } | { ok: false; error: { message: string } }) => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('Start call and End call', () => {
  it('start the talk timer at the command’s time, and End call moves to Wrap Up', () => {
    const talking = value(startCall(created(), { id: 'i-1' }, ctx(at('10:00:10'))));
    expect(talking).toMatchObject({
      state: 'Work in Progress',
      talkStartedAt: at('10:00:10'),
      talkEndedAt: null,
    });
    const wrapping = value(endCall(talking, { id: 'i-1' }, ctx(at('10:03:22'))));
    expect(wrapping).toMatchObject({
      state: 'Wrap Up',
      talkEndedAt: at('10:03:22'),
      talkSeconds: 192,
    });
  });

  it('take the phone system’s times, never after the command’s own', () => {
    const talking = value(
      startCall(created(), { id: 'i-1', at: at('09:59:50') }, ctx(at('10:00:10'))),
    );
    expect(talking.talkStartedAt).toBe(at('09:59:50'));
    const early = value(
      startCall(created(), { id: 'i-1', at: at('11:00:00') }, ctx(at('10:00:10'))),
    );
    expect(early.talkStartedAt).toBe(at('10:00:10'));
    // An end before the start (clocks apart) is a call of 0 seconds, not a negative one.
    const ended = value(endCall(talking, { id: 'i-1', at: at('09:00:00') }, ctx(at('10:01:00'))));
    expect(ended).toMatchObject({ talkEndedAt: at('09:59:50'), talkSeconds: 0 });
  });

  it('refuse a second start while a call runs, but the same start again changes nothing', () => {
    const talking = value(
      startCall(created(), { id: 'i-1', at: at('10:00:10') }, ctx(at('10:00:20'))),
    );
    expect(startCall(talking, { id: 'i-1', at: at('10:00:10') }, ctx(at('10:00:30')))).toEqual({
      ok: true,
      value: talking,
    });
    expect(startCall(talking, { id: 'i-1' }, ctx(at('10:00:40')))).toMatchObject({
      ok: false,
      error: { code: 'rule', message: 'A call is already running on IMS-P0001: end it first.' },
    });
  });

  it('refuse End call with no call running, and on a closed interaction refuse both', () => {
    expect(endCall(created(), { id: 'i-1' }, ctx(at('10:01:00')))).toMatchObject({
      ok: false,
      error: { message: 'No call is running on IMS-P0001: start one first.' },
    });
    const closed = value(
      closeInteraction(created(), { id: 'i-1', state: 'Closed Complete' }, ctx(at('10:02:00'))),
    );
    expect(startCall(closed, { id: 'i-1' }, ctx(at('10:03:00')))).toMatchObject({
      ok: false,
      error: { message: 'IMS-P0001 is Closed Complete: a call cannot be started on it.' },
    });
  });

  it('the same End call again changes nothing; another end is refused', () => {
    const talking = value(startCall(created(), { id: 'i-1' }, ctx(at('10:00:10'))));
    const ended = value(endCall(talking, { id: 'i-1', at: at('10:01:00') }, ctx(at('10:01:05'))));
    expect(endCall(ended, { id: 'i-1', at: at('10:01:00') }, ctx(at('10:02:00')))).toEqual({
      ok: true,
      value: ended,
    });
    expect(endCall(ended, { id: 'i-1' }, ctx(at('10:02:00'))).ok).toBe(false);
  });

  it('Wrap Up is never picked on the form: a change may only set the agent’s states', () => {
    expect(InteractionChanges.safeParse({ state: 'Wrap Up' }).success).toBe(false);
    expect(InteractionChanges.safeParse({ state: 'On Hold' }).success).toBe(true);
  });
});

describe('closing a call', () => {
  it('keeps talk and wrap-up, with the wrap-up code; handle time = talk + wrap-up', () => {
    const talking = value(startCall(created(), { id: 'i-1' }, ctx(at('10:05:00'))));
    const wrapping = value(endCall(talking, { id: 'i-1' }, ctx(at('10:08:12'))));
    const closed = value(
      closeInteraction(
        wrapping,
        { id: 'i-1', state: 'Closed Complete', wrapUpCode: 'Resolved on first call' },
        ctx(at('10:08:53')),
      ),
    );
    expect(closed).toMatchObject({
      state: 'Closed Complete',
      talkSeconds: 192,
      wrapUpSeconds: 41,
      handleTimeSeconds: 233,
      wrapUpCode: 'Resolved on first call',
    });
  });

  it('a call still running at close ends there: wrap-up 0', () => {
    const talking = value(startCall(created(), { id: 'i-1' }, ctx(at('10:05:00'))));
    const closed = value(
      closeInteraction(talking, { id: 'i-1', state: 'Closed Abandoned' }, ctx(at('10:06:00'))),
    );
    expect(closed).toMatchObject({
      talkEndedAt: at('10:06:00'),
      talkSeconds: 60,
      wrapUpSeconds: 0,
      handleTimeSeconds: 60,
    });
  });

  it('a second call on the same interaction adds its talk, and the wrap-up between the calls', () => {
    let r = value(startCall(created(), { id: 'i-1' }, ctx(at('10:00:00'))));
    r = value(endCall(r, { id: 'i-1' }, ctx(at('10:01:00'))));
    r = value(startCall(r, { id: 'i-1' }, ctx(at('10:01:30'))));
    expect(r).toMatchObject({ state: 'Work in Progress', wrapUpSeconds: 30, talkSeconds: 60 });
    r = value(endCall(r, { id: 'i-1' }, ctx(at('10:02:30'))));
    r = value(closeInteraction(r, { id: 'i-1', state: 'Closed Complete' }, ctx(at('10:02:40'))));
    expect(r).toMatchObject({ talkSeconds: 120, wrapUpSeconds: 40, handleTimeSeconds: 160 });
  });

  it('without a call, handle time is still opened to closed, bounded to a day', () => {
    const closed = value(
      closeInteraction(created(), { id: 'i-1', state: 'Closed Complete' }, ctx(at('10:04:30'))),
    );
    expect(closed.handleTimeSeconds).toBe(270);
    expect(closed.talkSeconds).toBeUndefined();
    const talking = value(startCall(created(), { id: 'i-1' }, ctx(at('10:00:00'))));
    const late = value(
      closeInteraction(
        talking,
        { id: 'i-1', state: 'Closed Complete' },
        ctx('2026-11-30T10:00:00.000Z'),
      ),
    );
    expect(late.handleTimeSeconds).toBe(HANDLE_TIME_MAX_SECONDS);
  });
});

describe('a first save from a phone call', () => {
  it('names the call and runs the timer from its answer, never after the save', () => {
    const r = loggedFromCall(
      created(),
      { call: 'call-1', talkStartedAt: at('09:59:40') },
      ctx(at('10:00:00')),
    );
    expect(r).toMatchObject({
      call: 'call-1',
      talkStartedAt: at('09:59:40'),
      state: 'Work in Progress',
    });
    const future = loggedFromCall(
      created(),
      { call: 'call-1', talkStartedAt: at('12:00:00') },
      ctx(at('10:00:00')),
    );
    expect(future.talkStartedAt).toBe(at('10:00:00'));
    expect(loggedFromCall(created(), {}, ctx(at('10:00:00')))).toEqual(created());
    // Start call pressed on a form not saved yet: its first save keeps the time.
    const byHand = loggedFromCall(
      created(),
      { talkStartedAt: at('09:58:00') },
      ctx(at('10:00:00')),
    );
    expect(byHand).toMatchObject({ talkStartedAt: at('09:58:00') });
    expect(byHand.call).toBeUndefined();
  });
});
