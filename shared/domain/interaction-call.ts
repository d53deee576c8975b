// The call timer of an interaction: Start call, End call (→ Wrap Up), a first save from a phone
// call, and the talk, wrap-up and handle time kept at close. Pure: times are the commands' own.

import type { EndCallArgs, Interaction, MutationContext, StartCallArgs } from './interaction';
import { fail, ok, type StoreResult } from './result';

/** The longest handle time kept: an interaction is one contact, and one left open for days is not. */
export const HANDLE_TIME_MAX_SECONDS = 24 * 60 * 60;

type CallTimes = Pick<
  Interaction,
  'talkStartedAt' | 'talkEndedAt' | 'talkSeconds' | 'wrapUpSeconds' | 'openedAt'
>;

/** Whole seconds from `from` to `to`, bounded: a clock that went backwards is 0, days are a day. */
export function secondsBetween(from: string, to: string): number {
  const seconds = Math.round((Date.parse(to) - Date.parse(from)) / 1000);
  return Number.isFinite(seconds) ? Math.min(HANDLE_TIME_MAX_SECONDS, Math.max(0, seconds)) : 0;
}

/** A call is running: it was started and has not ended. */
export const isCallRunning = (
  record: Pick<Interaction, 'talkStartedAt' | 'talkEndedAt'>,
): boolean => Boolean(record.talkStartedAt) && !record.talkEndedAt;

/**
 * The time a call started or ended: the phone system's `at` when given, else the command's time;
 * never after the command's time (a call cannot end in the future) nor before `notBefore`.
 */
function callTime(at: string | undefined, now: string, notBefore?: string | null): string {
  if (at === undefined) return now;
  const given = Date.parse(at);
  let kept = Math.min(given, Date.parse(now));
  if (notBefore) kept = Math.max(kept, Date.parse(notBefore));
  if (kept === given) return at;
  return kept === Date.parse(now) ? now : new Date(kept).toISOString();
}

const stamped = (record: Interaction, ctx: MutationContext): Interaction => ({
  ...record,
  updatedAt: ctx.now,
  updatedBy: ctx.actorId,
});

export function startCall(
  current: Interaction,
  args: StartCallArgs,
  ctx: MutationContext,
): StoreResult<Interaction> {
  if (current.state === 'Closed Complete' || current.state === 'Closed Abandoned')
    return fail('rule', `${current.number} is ${current.state}: a call cannot be started on it.`);
  const start = callTime(args.at, ctx.now, current.talkEndedAt);
  if (isCallRunning(current)) {
    // The same start again (a retried command) changes nothing; another is refused.
    if (current.talkStartedAt === start) return ok(current);
    return fail('rule', `A call is already running on ${current.number}: end it first.`);
  }
  // A second call on the same interaction: the wrap-up of the first one counts until now.
  const wrapUpSeconds = current.talkEndedAt
    ? (current.wrapUpSeconds ?? 0) + secondsBetween(current.talkEndedAt, start)
    : (current.wrapUpSeconds ?? null);
  return ok(
    stamped(
      {
        ...current,
        state: 'Work in Progress',
        talkStartedAt: start,
        talkEndedAt: null,
        wrapUpSeconds,
      },
      ctx,
    ),
  );
}

export function endCall(
  current: Interaction,
  args: EndCallArgs,
  ctx: MutationContext,
): StoreResult<Interaction> {
  if (current.state === 'Closed Complete' || current.state === 'Closed Abandoned')
    return fail('rule', `${current.number} is ${current.state}: its call cannot be ended now.`);
  const started = current.talkStartedAt;
  if (!started) return fail('rule', `No call is running on ${current.number}: start one first.`);
  const end = callTime(args.at, ctx.now, started);
  if (current.talkEndedAt) {
    if (current.talkEndedAt === end) return ok(current);
    return fail('rule', `The call on ${current.number} has already ended.`);
  }
  return ok(
    stamped(
      {
        ...current,
        state: 'Wrap Up',
        talkEndedAt: end,
        talkSeconds: (current.talkSeconds ?? 0) + secondsBetween(started, end),
      },
      ctx,
    ),
  );
}

/**
 * A first save of a form opened for a phone call, or with Start call pressed before it was saved:
 * the record names the call, and the call timer runs from when it was answered or started (never
 * after the save).
 */
export function loggedFromCall(
  created: Interaction,
  from: { call?: string | undefined; talkStartedAt?: string | undefined },
  ctx: MutationContext,
): Interaction {
  return {
    ...created,
    ...(from.call === undefined ? {} : { call: from.call }),
    ...(from.talkStartedAt === undefined
      ? {}
      : {
          state: 'Work in Progress' as const,
          talkStartedAt: callTime(from.talkStartedAt, ctx.now),
          talkEndedAt: null,
        }),
  };
}

/** At close: a call still running ends now; the wrap-up runs from the call's end to the close. */
export function closeCallTimer(
  record: CallTimes,
  now: string,
): Partial<Pick<Interaction, 'talkEndedAt' | 'talkSeconds' | 'wrapUpSeconds'>> {
  const started = record.talkStartedAt;
  if (!started) return {};
  if (!record.talkEndedAt) {
    const end = Date.parse(now) < Date.parse(started) ? started : now;
    return {
      talkEndedAt: end,
      talkSeconds: (record.talkSeconds ?? 0) + secondsBetween(started, end),
      wrapUpSeconds: record.wrapUpSeconds ?? 0,
    };
  }
  return { wrapUpSeconds: (record.wrapUpSeconds ?? 0) + secondsBetween(record.talkEndedAt, now) };
}

/** Handle time at close: talk + wrap-up for a call, else from opened to closed. */
export function handleTimeOf(record: CallTimes, now: string): number {
  if (record.talkStartedAt)
    return Math.min(
      HANDLE_TIME_MAX_SECONDS,
      (record.talkSeconds ?? 0) + (record.wrapUpSeconds ?? 0),
    );
  return secondsBetween(record.openedAt, now);
}
