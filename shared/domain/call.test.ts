// The CTI reducer and the desk's rules on calls: every event in every state, in and out of order,
// the block list, and what a desk may change.

import { describe, expect, it } from 'vitest';
import {
  applyCtiEvent,
  CALL_STATES,
  CtiEvent,
  linkCall,
  markCallSeen,
  talkSeconds,
  type Call,
  type CtiContext,
} from './call';

const ctx = (over: Partial<CtiContext> = {}): CtiContext => ({
  now: '2026-11-23T09:00:00.000Z',
  newId: 'cal-new',
  newNumber: 'CAL0001001',
  integration: 'int-1',
  location: 'loc-1',
  match: { numberE164: '+442079460958', caller: 'user-7', candidates: ['user-7'] },
  notify: ['agent-1', 'agent-2'],
  answeredBy: null,
  blocked: false,
  ...over,
});

const event = (over: Record<string, unknown>): CtiEvent =>
  CtiEvent.parse({ callId: 'pbx-1', from: '+44 20 7946 0958', to: '100', ...over });

const ring = (over: Partial<CtiContext> = {}): Call => {
  const applied = applyCtiEvent(null, event({ event: 'newCall', queue: 'Desk' }), ctx(over));
  if (!applied.call) throw new Error('no call');
  return applied.call;
};

const at = (minute: number) => `2026-11-23T09:${String(minute).padStart(2, '0')}:00.000Z`;

describe('applyCtiEvent', () => {
  it('newCall makes a Ringing call with the caller, the queue and whom to notify', () => {
    const applied = applyCtiEvent(null, event({ event: 'newCall', queue: 'Desk' }), ctx());
    expect(applied).toMatchObject({ changed: true, outcome: 'applied', reply: {} });
    expect(applied.call).toMatchObject({
      id: 'cal-new',
      number: 'CAL0001001',
      numberProvisional: false,
      callId: 'pbx-1',
      integration: 'int-1',
      location: 'loc-1',
      direction: 'in',
      from: '+44 20 7946 0958',
      numberE164: '+442079460958',
      caller: 'user-7',
      candidates: ['user-7'],
      queue: 'Desk',
      notify: ['agent-1', 'agent-2'],
      state: 'Ringing',
      rangAt: '2026-11-23T09:00:00.000Z',
      openedAt: '2026-11-23T09:00:00.000Z',
      answeredAt: null,
      endedAt: null,
      interaction: null,
      seenBy: [],
      updatedBy: 'int-1',
    });
  });

  it('an outbound call pops nobody', () => {
    const applied = applyCtiEvent(null, event({ event: 'newCall', direction: 'out' }), ctx());
    expect(applied.call).toMatchObject({ direction: 'out', notify: [], state: 'Ringing' });
  });

  it('a blocked number is Rejected, answered reject, and never pops', () => {
    const applied = applyCtiEvent(null, event({ event: 'newCall' }), ctx({ blocked: true }));
    expect(applied).toMatchObject({ outcome: 'rejected', reply: { action: 'reject' } });
    expect(applied.call).toMatchObject({ state: 'Rejected', notify: [] });
    // Announced again: rejected again, nothing changes.
    const again = applyCtiEvent(applied.call, event({ event: 'newCall' }), ctx({ blocked: true }));
    expect(again).toMatchObject({ changed: false, reply: { action: 'reject' } });
    expect(again.call).toBe(applied.call);
  });

  it('answer → Answered with who and when; hangup → Ended with the cause', () => {
    const call = ring();
    const answered = applyCtiEvent(
      call,
      event({ event: 'answer', answeringNumber: '+44 20 7946 0101' }),
      ctx({ now: at(1), answeredBy: 'agent-1' }),
    );
    expect(answered).toMatchObject({ changed: true, outcome: 'applied', reply: {} });
    expect(answered.call).toMatchObject({
      state: 'Answered',
      answeredAt: at(1),
      answeredBy: 'agent-1',
      answeringNumber: '+44 20 7946 0101',
      rangAt: '2026-11-23T09:00:00.000Z',
      caller: 'user-7',
    });
    if (!answered.call) throw new Error('no call');
    const ended = applyCtiEvent(
      answered.call,
      event({ event: 'hangup', cause: 'normalClearing' }),
      ctx({ now: at(4) }),
    );
    expect(ended.call).toMatchObject({ state: 'Ended', endedAt: at(4), cause: 'normalClearing' });
    if (!ended.call) throw new Error('no call');
    expect(talkSeconds(ended.call)).toBe(180);
  });

  it('a hangup before any answer is Missed; an unknown cause is kept as none', () => {
    const missed = applyCtiEvent(ring(), event({ event: 'hangup', cause: 'cancel' }), ctx());
    expect(missed.call).toMatchObject({ state: 'Missed', cause: 'cancel' });
    const odd = applyCtiEvent(ring(), event({ event: 'hangup', cause: 'weird' }), ctx());
    expect(odd.call).toMatchObject({ state: 'Missed', cause: null });
  });

  it('keeps what a desk did (seen, linked) when the phone system moves the call on', () => {
    const call = { ...ring(), interaction: 'ims-1', seenBy: ['agent-2'] };
    const answered = applyCtiEvent(
      call,
      event({ event: 'answer' }),
      ctx({ answeredBy: 'agent-1' }),
    );
    expect(answered.call).toMatchObject({ interaction: 'ims-1', seenBy: ['agent-2'] });
  });

  it('an answer or hangup before newCall makes the call as far as it got (out of order)', () => {
    const answered = applyCtiEvent(
      null,
      event({ event: 'answer' }),
      ctx({ answeredBy: 'agent-1' }),
    );
    expect(answered).toMatchObject({ changed: true, outcome: 'out-of-order', reply: {} });
    expect(answered.call).toMatchObject({
      state: 'Answered',
      caller: 'user-7',
      number: 'CAL0001001',
    });
    const hungUp = applyCtiEvent(null, event({ event: 'hangup', cause: 'busy' }), ctx());
    expect(hungUp).toMatchObject({ outcome: 'out-of-order' });
    expect(hungUp.call).toMatchObject({ state: 'Missed', cause: 'busy' });
  });

  it('a second newCall, a second answer and anything after the end change nothing', () => {
    const call = ring();
    expect(applyCtiEvent(call, event({ event: 'newCall' }), ctx())).toEqual({
      call,
      changed: false,
      outcome: 'out-of-order',
      reply: {},
    });
    const answered = applyCtiEvent(
      call,
      event({ event: 'answer' }),
      ctx({ answeredBy: 'agent-1' }),
    );
    const twice = applyCtiEvent(
      answered.call,
      event({ event: 'answer' }),
      ctx({ answeredBy: 'agent-2' }),
    );
    expect(twice).toMatchObject({ changed: false, outcome: 'out-of-order' });
    expect(twice.call).toMatchObject({ answeredBy: 'agent-1' });
    for (const state of ['Ended', 'Missed', 'Rejected'] as const) {
      const over = { ...call, state };
      for (const name of ['newCall', 'answer', 'hangup'] as const) {
        const applied = applyCtiEvent(over, event({ event: name }), ctx({ answeredBy: 'agent-9' }));
        expect(applied.changed, `${name} after ${state}`).toBe(false);
        expect(applied.call).toBe(over);
      }
    }
  });

  it('answers every event in every state, never throwing', () => {
    for (const state of [null, ...CALL_STATES])
      for (const name of ['newCall', 'answer', 'hangup'] as const)
        for (const blocked of [false, true]) {
          const previous = state === null ? null : { ...ring(), state };
          const applied = applyCtiEvent(previous, event({ event: name }), ctx({ blocked }));
          expect(applied.reply === null).toBe(false);
          if (previous === null) expect(applied.call).not.toBeNull();
        }
  });
});

describe('CtiEvent', () => {
  it('folds user as a string or a list, and defaults direction and numbers', () => {
    expect(CtiEvent.parse({ event: 'newCall', callId: 'x', user: 'ana' })).toMatchObject({
      user: ['ana'],
      direction: 'in',
      from: '',
      to: '',
    });
  });

  it('refuses what is not a number, a missing callId, an unknown event', () => {
    expect(CtiEvent.safeParse({ event: 'newCall', callId: 'x', from: 'a; DROP' }).success).toBe(
      false,
    );
    expect(CtiEvent.safeParse({ event: 'newCall' }).success).toBe(false);
    expect(CtiEvent.safeParse({ event: 'transfer', callId: 'x' }).success).toBe(false);
    expect(CtiEvent.safeParse({ event: 'newCall', callId: 'x', from: 'anonymous' }).success).toBe(
      true,
    );
  });
});

describe('what desks do to calls', () => {
  const me = { now: at(5), actorId: 'agent-1' };
  it('marks a missed call seen once; other calls stay as they are', () => {
    const missed = { ...ring(), state: 'Missed' as const };
    const seen = markCallSeen(missed, me);
    expect(seen).toMatchObject({ seenBy: ['agent-1'], updatedAt: at(5), updatedBy: 'agent-1' });
    expect(markCallSeen(seen, me)).toBe(seen);
    const ringing = ring();
    expect(markCallSeen(ringing, me)).toBe(ringing);
  });

  it('links a call once; another interaction is refused', () => {
    const linked = linkCall(ring(), { id: 'cal-new', interaction: 'ims-1' }, me);
    expect(linked).toMatchObject({ ok: true, value: { interaction: 'ims-1' } });
    if (!linked.ok) throw new Error('refused');
    expect(linkCall(linked.value, { id: 'cal-new', interaction: 'ims-1' }, me)).toEqual({
      ok: true,
      value: linked.value,
    });
    const other = linkCall(linked.value, { id: 'cal-new', interaction: 'ims-2' }, me);
    expect(other).toMatchObject({ ok: false });
    if (!other.ok) expect(other.message).toContain('already logged as another interaction');
  });
});
