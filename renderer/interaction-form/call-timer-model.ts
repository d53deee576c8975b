// What the form's call timer shows: talking since, wrapping up since, or nothing, from the record's
// times (or, before the first save, the call's answer or Start call pressed), and the prefill of a
// form opened for a call. Pure; never reads a clock or the store host.

import { InteractionFields, isClosed } from '../../shared/domain/interaction';
import type { UserHit } from '../../shared/domain/directory';
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

/** Who a number belongs to: the one caller, the people who share it, or nobody known. */
export interface CallerMatch {
  /** The number as the phone system or softphone gave it (E.164 when known). */
  number: string;
  person: CallPerson | null;
  /** 2+ people share the number: the form offers one keypress each. */
  candidates: CallPerson[];
}

/** The caller match of a call the server matched. */
export const matchOfCall = (
  call: Pick<
    CallView,
    'callerPerson' | 'candidatePeople' | 'numberE164' | 'from' | 'to' | 'direction'
  >,
): CallerMatch => ({
  number: call.numberE164 || (call.direction === 'in' ? call.from : call.to),
  person: call.callerPerson,
  candidates: call.candidatePeople.length > 1 ? call.candidatePeople : [],
});

const digits = (text: string): string => text.replace(/\D+/g, '');

/**
 * Whether two ways of writing a number name the same line: the same national number (the last nine
 * digits: +44 20 7946 0958 and 020 7946 0958), or the same extension.
 */
export function samePhoneNumber(a: string, b: string): boolean {
  const x = digits(a);
  const y = digits(b);
  if (x.length < 3 || y.length < 3) return false;
  const n = Math.min(9, x.length, y.length);
  return x.length === y.length ? x === y : x.slice(-n) === y.slice(-n) && n >= 7;
}

/** The caller match of a bare number (a softphone's link), found in the desk's directory. */
export function matchOfNumber(number: string, hits: readonly UserHit[]): CallerMatch {
  const people = hits.filter((hit) => samePhoneNumber(hit.phone, number)).map(personOfHit);
  return {
    number,
    person: people.length === 1 ? (people[0] ?? null) : null,
    candidates: people.length > 1 ? people : [],
  };
}

const personOfHit = (hit: UserHit): CallPerson => ({
  id: hit.id,
  name: hit.name,
  vip: hit.vip,
  email: hit.email,
  phone: hit.phone,
  department: hit.department,
  location: hit.location,
});

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
export function editsForMatch(match: CallerMatch): FormEdits {
  if (match.person) {
    const person = editsForPerson(match.person);
    return {
      type: 'Phone',
      ...person,
      contactPhone: person.contactPhone || asContactPhone(match.number),
    };
  }
  return { type: 'Phone', contactPhone: asContactPhone(match.number) };
}
