// How a call reads: the caller in words, what the live region says, the number to dial back (and a
// withheld one that cannot be), and the ringing time. Pure.

import { describe, expect, it } from 'vitest';
import {
  announcementOf,
  callerText,
  formatRinging,
  isDialable,
  lookupTextOf,
  numberText,
  telHref,
} from './call-words';
import { callPerson, callView } from './testing/fake-call-store';

const ANA = callPerson('user-ana', 'Ana Ruiz', { vip: true });
const BEN = callPerson('user-ben', 'Ben Okafor');

describe('call words', () => {
  it('names a known caller, people sharing a number, or an unknown caller with the number', () => {
    expect(callerText(callView('a', { callerPerson: ANA }))).toBe('Ana Ruiz');
    expect(announcementOf(callView('a', { callerPerson: ANA }))).toBe(
      'Incoming call from Ana Ruiz (VIP)',
    );
    const shared = callView('b', { candidates: [ANA.id, BEN.id], candidatePeople: [ANA, BEN] });
    expect(callerText(shared)).toBe('2 people share +44 20 7946 0958');
    expect(announcementOf(shared)).toBe(
      'Incoming call from +44 20 7946 0958, shared by Ana Ruiz and Ben Okafor',
    );
    expect(callerText(callView('c'))).toBe('Unknown caller +44 20 7946 0958');
    // Sent as bare digits (Zammad's form), shown as the server read it.
    const digits = callView('d', { from: '442079460958', numberE164: '+442079460958' });
    expect(callerText(digits)).toBe('Unknown caller +44 20 7946 0958');
    expect(numberText({ ...digits, numberInternational: null })).toBe('442079460958');
    expect(announcementOf(callView('c'))).toBe(
      'Incoming call from unknown caller +44 20 7946 0958',
    );
  });

  it('dials the outside party: the caller inbound, the number called outbound, in E.164 when known', () => {
    expect(telHref(callView('a'))).toBe('tel:+442079460958');
    const out = callView('b', {
      direction: 'out',
      to: '020 7946 0011',
      numberE164: '',
      numberInternational: null,
    });
    expect(numberText(out)).toBe('020 7946 0011');
    expect(telHref(out)).toBe('tel:02079460011');
    expect(lookupTextOf(out)).toBe('020 7946 0011');
    expect(lookupTextOf(callView('c'))).toBe('+442079460958');
  });

  it('says a withheld number rather than showing a blank or a link', () => {
    const anonymous = callView('a', { from: 'anonymous', numberE164: '' });
    expect(numberText(anonymous)).toBe('Number withheld');
    expect(isDialable(anonymous)).toBe(false);
    const empty = callView('b', { from: '', numberE164: '' });
    expect(callerText(empty)).toBe('Unknown caller (number withheld)');
    expect(announcementOf(empty)).toBe('Incoming call from unknown caller (number withheld)');
  });

  it('shows the ringing time as minutes and seconds', () => {
    expect(formatRinging(0)).toBe('0:00');
    expect(formatRinging(7.9)).toBe('0:07');
    expect(formatRinging(92)).toBe('1:32');
    expect(formatRinging(-3)).toBe('0:00');
  });
});
