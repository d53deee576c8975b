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

// ---- what desks do to a call (the commands' pure rules) ----

/** The calls "Mark all missed as seen" covers: the one it is keyed on and the list, each once. */
export const callsToMarkSeen = (args: MarkCallsSeenArgs): string[] => [
  ...new Set([args.id, ...args.ids]),
];

/**
 * The agent saw this missed call: they join its seenBy (once). A call that is not missed (it was
 * answered, is ringing, or was rejected) is left as it is; so is one the agent already saw.
 */
export function markCallSeen(call: Call, ctx: { now: string; actorId: string }): Call {
  if (!isMissed(call) || call.seenBy.includes(ctx.actorId)) return call;
  return {
    ...call,
    seenBy: [...call.seenBy, ctx.actorId],
    updatedAt: ctx.now,
    updatedBy: ctx.actorId,
  };
}

export type CallLinked = { ok: true; value: Call } | { ok: false; message: string };

/**
 * The call became this interaction (answered, or a missed call logged afterwards). The same link
 * again changes nothing; a call that already became another interaction keeps it.
 */
export function linkCall(
  call: Call,
  args: LinkCallArgs,
  ctx: { now: string; actorId: string },
): CallLinked {
  if (call.interaction === args.interaction) return { ok: true, value: call };
  if (call.interaction !== null)
    return {
      ok: false,
      message: `Call ${call.number} is already logged as another interaction: it stays with that one.`,
    };
  return {
    ok: true,
    value: { ...call, interaction: args.interaction, updatedAt: ctx.now, updatedBy: ctx.actorId },
  };
}

// ---- the phone system's events applied to the call (the desk server's pure reducer) ----

/** What became of one CTI event, as cti_events records it. */
export const CTI_OUTCOMES = ['applied', 'out-of-order', 'rejected', 'ignored', 'invalid'] as const;
export type CtiOutcome = (typeof CTI_OUTCOMES)[number];

/** Who the outside number belongs to: one active user, several, or nobody. */
export interface CallerMatch {
  numberE164: string;
  caller: string | null;
  candidates: string[];
}

/** What the server worked out around the event (lookups done before the pure step). */
export interface CtiContext {
  /** The server's time of receipt (ISO). */
  now: string;
  /** For a call not seen before: its id and number (CAL0001001). Unused otherwise. */
  newId: string;
  newNumber: string;
  integration: string;
  location: string | null;
  /** The outside number's match (computed from the event's `from`/`to`). */
  match: CallerMatch;
  /** The agents whose desks pop the banner for a new inbound call. */
  notify: string[];
  /** The agent who answered (answeringNumber, then user name, then id), when the event says. */
  answeredBy: string | null;
  /** The outside number is on the location's block list. */
  blocked: boolean;
}

export interface CtiApplied {
  /** The call as it stands after the event; null when nothing is stored (no call to change). */
  call: Call | null;
  /** Whether `call` differs from the previous one (so it is written and desks poked). */
  changed: boolean;
  outcome: CtiOutcome;
  reply: CtiReply;
}

const ENDED_STATES: readonly CallState[] = ['Ended', 'Missed', 'Rejected'];

/** A cause phone systems send that Zammad knows; any other is kept in the event log only. */
export const causeOf = (cause: string | undefined): HangupCause | null => {
  const parsed = HangupCause.safeParse(cause);
  return parsed.success ? parsed.data : null;
};

function freshCall(event: CtiEvent, ctx: CtiContext): Call {
  return {
    id: ctx.newId,
    number: ctx.newNumber,
    numberProvisional: false,
    callId: event.callId,
    integration: ctx.integration,
    location: ctx.location,
    direction: event.direction,
    from: event.from,
    to: event.to,
    numberE164: ctx.match.numberE164,
    caller: ctx.match.caller,
    candidates: ctx.match.candidates,
    queue: event.queue && event.queue !== '' ? event.queue : null,
    notify: event.direction === 'in' ? ctx.notify : [],
    state: 'Ringing',
    rangAt: ctx.now,
    answeredAt: null,
    answeredBy: null,
    answeringNumber: null,
    endedAt: null,
    cause: null,
    interaction: null,
    seenBy: [],
    openedAt: ctx.now,
    updatedAt: ctx.now,
    updatedBy: ctx.integration,
  };
}

const answered = (call: Call, event: CtiEvent, ctx: CtiContext): Call => ({
  ...call,
  state: 'Answered',
  answeredAt: ctx.now,
  answeredBy: ctx.answeredBy,
  answeringNumber:
    event.answeringNumber && event.answeringNumber !== '' ? event.answeringNumber : null,
  updatedAt: ctx.now,
  updatedBy: ctx.integration,
});

const hungUp = (call: Call, event: CtiEvent, ctx: CtiContext): Call => ({
  ...call,
  state: call.state === 'Answered' ? 'Ended' : 'Missed',
  endedAt: ctx.now,
  cause: causeOf(event.cause),
  updatedAt: ctx.now,
  updatedBy: ctx.integration,
});

const EMPTY: CtiReply = {};
const REJECT: CtiReply = { action: 'reject' };

/**
 * One CTI event applied to the call it names (`previous`: the stored call with that callId, or
 * null). newCall → Ringing (Rejected for a blocked number, answered `{"action":"reject"}`);
 * answer → Answered; hangup → Ended if it was answered, else Missed. Events out of order are kept
 * and answered `{}`: an answer or hangup for a call never announced makes the call as far as it
 * got (so a late newCall cannot turn an answered call into a ringing one); a second newCall, a
 * second answer, and anything after the end change nothing. Pure.
 */
export function applyCtiEvent(previous: Call | null, event: CtiEvent, ctx: CtiContext): CtiApplied {
  const same = (outcome: CtiOutcome, reply: CtiReply = EMPTY): CtiApplied => ({
    call: previous,
    changed: false,
    outcome,
    reply,
  });
  const changedTo = (call: Call, outcome: CtiOutcome, reply: CtiReply = EMPTY): CtiApplied => ({
    call,
    changed: true,
    outcome,
    reply,
  });
  switch (event.event) {
    case 'newCall': {
      if (previous !== null)
        // The phone system announced it again: a blocked caller is rejected again, nothing moves.
        return same('out-of-order', previous.state === 'Rejected' ? REJECT : EMPTY);
      const call = freshCall(event, ctx);
      if (ctx.blocked && event.direction === 'in')
        return changedTo(
          { ...call, state: 'Rejected', notify: [], endedAt: ctx.now },
          'rejected',
          REJECT,
        );
      return changedTo(call, 'applied');
    }
    case 'answer': {
      if (previous === null)
        return changedTo(answered(freshCall(event, ctx), event, ctx), 'out-of-order');
      if (previous.state === 'Ringing') return changedTo(answered(previous, event, ctx), 'applied');
      if (previous.state === 'Answered') return same('out-of-order');
      return same('ignored');
    }
    case 'hangup': {
      if (previous === null)
        return changedTo(hungUp(freshCall(event, ctx), event, ctx), 'out-of-order');
      if (ENDED_STATES.includes(previous.state)) return same('ignored');
      return changedTo(hungUp(previous, event, ctx), 'applied');
    }
  }
}
