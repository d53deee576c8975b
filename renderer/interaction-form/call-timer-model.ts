// What the form's call timer shows: talking since, wrapping up since, or nothing, from the record's
// times (or, before the first save, the call's answer or Start call pressed), and the prefill of a
// form opened for a call. Pure; never reads a clock or the store host.

import { InteractionFields, isClosed } from '../../shared/domain/interaction';
import type { CallPerson, CallView } from '../../shared/store-api/call-contract';
import type { InteractionView } from '../../shared/store-api/contract';
import type { FormEdits } from './form-model';

export type CallPhase =
  { phase: 'none' } | { phase: 'talking'; since: string } | { phase: 'wrap-up'; since: string };

type Timed = Pick<InteractionView, 'state' | 'talkStartedAt' | 'talkEndedAt'>;
type Answered = Pick<CallView, 'answeredAt' | 'endedAt'>;

/**
 * The timer the form runs. A saved record's own times win: they are what is kept. Before the
 * first save, the call the form was opened for (answered; ended: wrap-up) or a Start call pressed.
 */
export function callPhase(
  record: Timed | null,
  call: Answered | null,
  pendingStart: string | null,
): CallPhase {
  if (record) {
    if (isClosed(record.state) || !record.talkStartedAt) return { phase: 'none' };
    return record.talkEndedAt
      ? { phase: 'wrap-up', since: record.talkEndedAt }
      : { phase: 'talking', since: record.talkStartedAt };
  }
  if (call?.answeredAt) {
    return call.endedAt
      ? { phase: 'wrap-up', since: call.endedAt }
      : { phase: 'talking', since: call.answeredAt };
  }
  return pendingStart ? { phase: 'talking', since: pendingStart } : { phase: 'none' };
}

/** Seconds since `since`, whole, never negative (a desk clock behind the phone system's). */
export const elapsedSeconds = (since: string, now: Date): number => {
  const seconds = Math.floor((now.getTime() - Date.parse(since)) / 1000);
  return Number.isFinite(seconds) ? Math.max(0, seconds) : 0;
};

/** "03:12", "1:02:05": a stopwatch, as phone agents read it. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return hours > 0 ? `${hours}:${two(minutes)}:${two(s % 60)}` : `${two(minutes)}:${two(s % 60)}`;
}

/** A number as Contact phone takes it (the phone system's "anonymous" is no number). */
const asContactPhone = (number: string): string => {
  const trimmed = number.trim();
  return InteractionFields.shape.contactPhone.safeParse(trimmed).success ? trimmed : '';
};

/** The caller's fields, as picking them in Opened for fills them. */
export const editsForPerson = (person: CallPerson): FormEdits => ({
  openedFor: person.id,
  openedForName: person.name,
  contactEmail: person.email,
  contactPhone: person.phone || '',
});

/**
 * A form opened for a call: Type Phone, and the caller when the number is theirs alone; with
 * several candidates or none, Opened for stays empty and the number is the Contact phone.
 */
export function editsForCall(
  call: Pick<CallView, 'callerPerson' | 'numberE164' | 'from' | 'to' | 'direction'>,
): FormEdits {
  const number = call.numberE164 || (call.direction === 'in' ? call.from : call.to);
  if (call.callerPerson) {
    const person = editsForPerson(call.callerPerson);
    return {
      type: 'Phone',
      ...person,
      contactPhone: person.contactPhone || asContactPhone(number),
    };
  }
  return { type: 'Phone', contactPhone: asContactPhone(number) };
}
