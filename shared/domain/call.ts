// The phone desk's call (issue 13): what a phone system announced over the generic CTI interface
// (Zammad's `newCall`, `answer`, `hangup`), who called, who answered, its times, and the
// interaction it became. Calls are made by the desk server from the phone system's events, never by
// a desk; desks only mark missed calls seen and link a call to its interaction. Pure.

import { z } from 'zod';
import { Id } from './directory';

export const CALL_DIRECTIONS = ['in', 'out'] as const;
export const CallDirection = z.enum(CALL_DIRECTIONS);
export type CallDirection = z.infer<typeof CallDirection>;

/** Zammad's hangup causes, as phone systems send them. */
export const HANGUP_CAUSES = [
  'normalClearing',
  'busy',
  'cancel',
  'noAnswer',
  'congestion',
  'notFound',
  'forwarded',
] as const;
export const HangupCause = z.enum(HANGUP_CAUSES);
export type HangupCause = z.infer<typeof HangupCause>;

/**
 * Ringing → Answered → Ended; Ringing → Missed (hung up unanswered); Rejected (a blocked number,
 * answered `{"action":"reject"}`, never popped).
 */
export const CALL_STATES = ['Ringing', 'Answered', 'Ended', 'Missed', 'Rejected'] as const;
export const CallState = z.enum(CALL_STATES);
export type CallState = z.infer<typeof CallState>;

export const CALL_LABELS = {
  from: 'From',
  to: 'To',
  direction: 'Direction',
  caller: 'Caller',
  queue: 'Queue',
  answeredBy: 'Answered by',
  rangAt: 'Rang at',
  answeredAt: 'Answered at',
  endedAt: 'Ended at',
  cause: 'Cause',
  interaction: 'Interaction',
  state: 'State',
} as const;

/** A phone number as the phone system sent it (digits, +, and the usual separators). */
export const PHONE_TEXT_MAX = 64;
export const CALL_ID_MAX = 200;
export const QUEUE_MAX = 120;

export const Call = z.object({
  id: Id,
  /** CAL0001001, given by the server when the call is first announced (never provisional). */
  number: z.string(),
  numberProvisional: z.boolean(),
  /** The phone system's own id for the call (`callId`), unique per integration. */
  callId: z.string(),
  /** The integration (CTI token) that announced it. */
  integration: Id,
  /** The walk-up/phone location the integration serves; null when it serves none. */
  location: Id.nullable(),
  direction: CallDirection,
  from: z.string(),
  to: z.string(),
  /** The outside party's number in E.164 (`from` inbound, `to` outbound); '' when unreadable. */
  numberE164: z.string(),
  /** The caller when exactly one active user has that number; null otherwise. */
  caller: Id.nullable(),
  /** Every active user with that number (2+ when several share it; the desk offers a pick). */
  candidates: z.array(Id),
  queue: z.string().nullable(),
  /** The agents whose desks pop the banner: the queue's group members, else the `user[]` named. */
  notify: z.array(Id),
  state: CallState,
  rangAt: z.string(),
  answeredAt: z.string().nullable(),
  answeredBy: Id.nullable(),
  answeringNumber: z.string().nullable(),
  endedAt: z.string().nullable(),
  cause: HangupCause.nullable(),
  /** The interaction the call became (answered, or a missed call logged afterwards). */
  interaction: Id.nullable(),
  /** Agents who marked this missed call seen. */
  seenBy: z.array(Id),
  /** The record tables' common columns: a call opens when it first rings. */
  openedAt: z.string(),
  updatedAt: z.string(),
  updatedBy: Id,
});
export type Call = z.infer<typeof Call>;

export const isMissed = (call: Pick<Call, 'state'>): boolean => call.state === 'Missed';
export const isLive = (call: Pick<Call, 'state'>): boolean =>
  call.state === 'Ringing' || call.state === 'Answered';

/** Talk time in whole seconds, once the call was answered and ended. */
export function talkSeconds(call: Pick<Call, 'answeredAt' | 'endedAt'>): number | null {
  if (call.answeredAt === null || call.endedAt === null) return null;
  return Math.max(0, Math.round((Date.parse(call.endedAt) - Date.parse(call.answeredAt)) / 1000));
}

// ---- the generic CTI events, as phone systems send them (JSON or form data) ----

export const CTI_EVENTS = ['newCall', 'answer', 'hangup'] as const;
export const CtiEventName = z.enum(CTI_EVENTS, 'event must be newCall, answer or hangup.');
export type CtiEventName = z.infer<typeof CtiEventName>;

const phoneText = (name: string) =>
  z
    .string(`${name} must be text.`)
    .trim()
    .max(PHONE_TEXT_MAX, `${name} can be at most ${PHONE_TEXT_MAX} characters.`)
    .regex(/^[+()\d\s./*#-]*$|^anonymous$/i, `${name} must be a phone number.`);

/** `user[]` in form data, `user` as a string or an array in JSON: always a list of names. */
const userList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.string().trim().min(1).max(QUEUE_MAX)).max(50, 'At most 50 users.'));

/**
 * One event as the endpoint accepts it, after form fields (`user[]`) are folded into `user`. Extra
 * fields phone systems add are ignored; a missing required field is a clear 400, never a 5xx.
 */
export const CtiEvent = z.object({
  event: CtiEventName,
  callId: z
    .string('callId is required.')
    .trim()
    .min(1, 'callId is required.')
    .max(CALL_ID_MAX, `callId can be at most ${CALL_ID_MAX} characters.`),
  from: phoneText('from').default(''),
  to: phoneText('to').default(''),
  direction: CallDirection.default('in'),
  user: userList.optional(),
  queue: z.string().trim().max(QUEUE_MAX).optional(),
  answeringNumber: z.string().trim().max(QUEUE_MAX).optional(),
  cause: z.string().trim().max(40).optional(),
});
export type CtiEvent = z.infer<typeof CtiEvent>;

/** Zammad's reply: `{}` to carry on, `{"action":"reject"}` for a blocked caller. */
export type CtiReply = Record<string, never> | { action: 'reject' };

// ---- command arguments (desks act on calls only through these) ----

export const MarkCallsSeenArgs = z.object({
  /** The call the command is keyed on (the newest of the list). */
  id: Id,
  /** Every missed call "Mark all missed as seen" covered (the list the agent saw). */
  ids: z.array(Id).max(500, 'At most 500 calls at once.'),
});
export type MarkCallsSeenArgs = z.infer<typeof MarkCallsSeenArgs>;

export const LinkCallArgs = z.object({
  id: Id,
  /** The interaction the call became. */
  interaction: Id,
});
export type LinkCallArgs = z.infer<typeof LinkCallArgs>;
