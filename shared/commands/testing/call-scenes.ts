// Calls for command tests: a call is made by the desk server from the phone system's events, never
// by a command, so fixtures put these records in place before their steps. Test support only.

import type { Call } from '../../domain/call';
import type { KindedRecord } from '../record-set';

const AT = '2026-11-23T08:30:00.000Z';

/** A call from user-7's number, as the server stores it; `over` changes what a scene needs. */
export function aCall(over: Partial<Call> = {}): Call {
  return {
    id: 'cal-1',
    number: 'CAL0001001',
    numberProvisional: false,
    callId: 'pbx-1',
    integration: 'int-1',
    location: null,
    direction: 'in',
    from: '+44 20 7946 0958',
    to: '+44 20 7946 0100',
    numberE164: '+442079460958',
    caller: 'user-7',
    candidates: ['user-7'],
    queue: 'Service Desk',
    notify: ['agent-1', 'agent-2'],
    state: 'Ringing',
    rangAt: AT,
    answeredAt: null,
    answeredBy: null,
    answeringNumber: null,
    endedAt: null,
    cause: null,
    interaction: null,
    seenBy: [],
    openedAt: AT,
    updatedAt: AT,
    updatedBy: 'int-1',
    ...over,
  };
}

const missed = (id: string, n: number): Call =>
  aCall({
    id,
    number: `CAL000${1000 + n}`,
    callId: `pbx-${n}`,
    state: 'Missed',
    endedAt: '2026-11-23T08:30:40.000Z',
    cause: 'cancel',
  });

/** cal-1 and cal-2 missed, cal-3 answered and ended. */
export const MISSED_CALLS: readonly KindedRecord[] = [
  { kind: 'call', record: missed('cal-1', 1) },
  { kind: 'call', record: missed('cal-2', 2) },
  {
    kind: 'call',
    record: aCall({
      id: 'cal-3',
      number: 'CAL0001003',
      callId: 'pbx-3',
      state: 'Ended',
      answeredAt: '2026-11-23T08:30:10.000Z',
      answeredBy: 'agent-2',
      endedAt: '2026-11-23T08:33:00.000Z',
      cause: 'normalClearing',
    }),
  },
];

/** cal-1 ringing. */
export const A_RINGING_CALL: readonly KindedRecord[] = [{ kind: 'call', record: aCall() }];

/** cal-1 answered by agent-2 and already logged as interaction ims-9. */
export const A_LOGGED_CALL: readonly KindedRecord[] = [
  {
    kind: 'call',
    record: aCall({
      state: 'Answered',
      answeredAt: '2026-11-23T08:30:10.000Z',
      answeredBy: 'agent-2',
      interaction: 'ims-9',
    }),
  },
];
