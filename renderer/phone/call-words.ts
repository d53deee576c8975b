// How a call reads on the desk: who called (a known caller, several people sharing the number, or
// an unknown number), the outside number, the direction, ringing and talk times. Pure words.

import type { CallDirection } from '../../shared/domain/call';
import type { CallView } from '../../shared/store-api/call-contract';

export const DIRECTION_LABELS: Readonly<Record<CallDirection, string>> = {
  in: 'Inbound',
  out: 'Outbound',
};

/** The outside party's number as the phone system sent it (the caller inbound, the callee outbound). */
export const outsideNumber = (call: Pick<CallView, 'direction' | 'from' | 'to'>): string =>
  (call.direction === 'in' ? call.from : call.to).trim();

/** RFC 3966: the E.164 number when the server could read one, else the digits as sent. */
export function telHref(call: Pick<CallView, 'direction' | 'from' | 'to' | 'numberE164'>): string {
  const number = call.numberE164 || outsideNumber(call).replace(/[^\d+]/g, '');
  return `tel:${number}`;
}

/** What Look up types in the caller lookup: the number in E.164, else as sent; nothing when withheld. */
export const lookupTextOf = (
  call: Pick<CallView, 'direction' | 'from' | 'to' | 'numberE164'>,
): string => (isDialable(call) ? call.numberE164 || outsideNumber(call) : '');

/** Whether the number is one a phone can dial back (not withheld: "anonymous" or empty). */
export function isDialable(call: Pick<CallView, 'direction' | 'from' | 'to'>): boolean {
  const number = outsideNumber(call);
  return number !== '' && number.toLowerCase() !== 'anonymous';
}

/**
 * The number as shown: the server's E.164 reading in international form ("+44 20 7946 0958", as the
 * store host formats it), else as the phone system sent it; a withheld one is said so, never a blank.
 */
export function numberText(
  call: Pick<CallView, 'direction' | 'from' | 'to' | 'numberInternational'>,
): string {
  if (!isDialable(call)) return 'Number withheld';
  return call.numberInternational || outsideNumber(call);
}

/** "Unknown caller +44 …", or "Unknown caller (number withheld)". */
const unknownCaller = (call: CallView): string =>
  isDialable(call) ? `Unknown caller ${numberText(call)}` : 'Unknown caller (number withheld)';

/** The caller in a few words: "Ana Ruiz", "2 people share +44 …", "Unknown caller +44 …". */
export function callerText(call: CallView): string {
  if (call.callerPerson) return call.callerPerson.name;
  if (call.candidatePeople.length > 1)
    return `${call.candidatePeople.length} people share ${numberText(call)}`;
  return unknownCaller(call);
}

/** What the polite live region says when a call starts ringing on this desk. */
export function announcementOf(call: CallView): string {
  if (call.callerPerson) {
    const vip = call.callerPerson.vip ? ' (VIP)' : '';
    return `Incoming call from ${call.callerPerson.name}${vip}`;
  }
  if (call.candidatePeople.length > 1)
    return `Incoming call from ${numberText(call)}, shared by ${call.candidatePeople
      .map((p) => p.name)
      .join(' and ')}`;
  return `Incoming call from ${unknownCaller(call).replace('Unknown', 'unknown')}`;
}

/** How long it has rung: "0:07", "1:32", "12:05". */
export function formatRinging(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export const secondsSince = (iso: string, now: number): number =>
  Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));
