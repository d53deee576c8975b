// The walk-up desk's visit: a person in a location's queue, from check-in to Done, No-show or Left,
// and its state machine. Pure; the queue's order and the wait estimate live in walk-up-queue.ts.

import { z } from 'zod';
import { Id } from './directory';
import { InteractionFields, type MutationContext } from './interaction';
import { fail, ok, type StoreResult } from './result';

export const VISIT_STATES = ['Waiting', 'Called', 'In service', 'Done', 'No-show', 'Left'] as const;
export const VisitState = z.enum(VISIT_STATES);
export type VisitState = z.infer<typeof VisitState>;

/** The states a visit is still in the queue in (the lobby board and the agents' queue show them). */
export const QUEUED_STATES = ['Waiting', 'Called'] as const satisfies readonly VisitState[];
/** The states nothing moves a visit out of (but the exit survey is still taken on Done). */
export const FINAL_STATES = ['Done', 'No-show', 'Left'] as const satisfies readonly VisitState[];

export const isQueued = (state: VisitState): boolean =>
  (QUEUED_STATES as readonly VisitState[]).includes(state);
export const isFinal = (state: VisitState): boolean =>
  (FINAL_STATES as readonly VisitState[]).includes(state);

/** How the person got into the queue. */
export const CHECK_IN_CHANNELS = ['kiosk', 'agent', 'online'] as const;
export const CheckInChannel = z.enum(CHECK_IN_CHANNELS);
export type CheckInChannel = z.infer<typeof CheckInChannel>;

export const VISIT_LABELS = {
  person: 'Person',
  guestName: 'Guest name',
  location: 'Location',
  reason: 'Reason for visit',
  reasonDetail: 'Details',
  checkedInAt: 'Checked in',
  state: 'State',
  station: 'Station',
  servedBy: 'Served by',
  vip: 'VIP',
  interaction: 'Interaction',
} as const;

export const REASON_MAX = 80;
export const REASON_DETAIL_MAX = 500;
export const GUEST_NAME_MAX = 120;
export const STATION_MAX = 40;
export const SURVEY_COMMENT_MAX = 1000;

const text = () => z.string('Enter text.');

export const VisitReason = text()
  .trim()
  .min(1, 'Pick a reason for the visit.')
  .max(REASON_MAX, `A reason can be at most ${REASON_MAX} characters.`);

export const Station = text()
  .trim()
  .min(1, 'Name your station (e.g. Counter 2).')
  .max(STATION_MAX, `A station name can be at most ${STATION_MAX} characters.`);

/** The exit survey: one tap (1 = very unhappy … 5 = very happy) and an optional comment. */
export const SurveyAnswer = z.object({
  rating: z
    .number()
    .int()
    .min(1, 'Pick a rating from 1 to 5.')
    .max(5, 'Pick a rating from 1 to 5.'),
  comment: text()
    .trim()
    .max(SURVEY_COMMENT_MAX, `A comment can be at most ${SURVEY_COMMENT_MAX} characters.`)
    .default(''),
});
export type SurveyAnswer = z.infer<typeof SurveyAnswer>;

export const Visit = z.object({
  id: Id,
  /** VIS0001001; provisional (VIS-P0001) until the desk server has seen it. */
  number: z.string(),
  numberProvisional: z.boolean(),
  location: Id,
  /** The directory user, or null for a guest (then `guestName` says who). */
  person: Id.nullable(),
  guestName: z.string(),
  /** The name the queue shows, kept on the visit (a guest's, or the user's when checked in). */
  displayName: z.string(),
  vip: z.boolean(),
  reason: z.string(),
  reasonDetail: z.string(),
  channel: CheckInChannel,
  state: VisitState,
  checkedInAt: z.string(),
  checkedInBy: Id,
  calledAt: z.string().nullable(),
  calledBy: Id.nullable(),
  station: z.string().nullable(),
  startedAt: z.string().nullable(),
  servedBy: Id.nullable(),
  endedAt: z.string().nullable(),
  /** The interaction the visit became (Start), linked both ways. */
  interaction: Id.nullable(),
  survey: SurveyAnswer.extend({ at: z.string() }).nullable(),
  /** The record tables' common columns: a visit opens when the person checks in. */
  openedAt: z.string(),
  updatedAt: z.string(),
  updatedBy: Id,
});
export type Visit = z.infer<typeof Visit>;

// ---- command arguments ----

export const CheckInArgs = z
  .object({
    /** Chosen where the check-in is made, so a retried check-in is one visit. */
    id: Id,
    location: Id,
    person: Id.nullable(),
    guestName: text()
      .trim()
      .max(GUEST_NAME_MAX, `A name can be at most ${GUEST_NAME_MAX} characters.`)
      .default(''),
    /** The person's name as the queue shows it; the desk fills it from the directory. */
    displayName: text().trim().max(GUEST_NAME_MAX).default(''),
    vip: z.boolean().default(false),
    reason: VisitReason,
    reasonDetail: text()
      .trim()
      .max(REASON_DETAIL_MAX, `Details can be at most ${REASON_DETAIL_MAX} characters.`)
      .default(''),
    channel: CheckInChannel.default('agent'),
  })
  .refine((args) => args.person !== null || args.guestName !== '', {
    message: 'Pick the person, or enter a guest name.',
    path: ['guestName'],
  });
export type CheckInArgs = z.infer<typeof CheckInArgs>;

export const CallVisitArgs = z.object({ id: Id, station: Station });
export type CallVisitArgs = z.infer<typeof CallVisitArgs>;

export const VisitIdArgs = z.object({ id: Id });
export type VisitIdArgs = z.infer<typeof VisitIdArgs>;

/** Start: the interaction's id (chosen by the desk) and the contact fields it fills from the directory. */
export const StartVisitArgs = z.object({
  id: Id,
  interactionId: Id,
  station: Station,
  contactEmail: InteractionFields.shape.contactEmail,
  contactPhone: InteractionFields.shape.contactPhone,
});
export type StartVisitArgs = z.infer<typeof StartVisitArgs>;

export const RateVisitArgs = SurveyAnswer.extend({ id: Id });
export type RateVisitArgs = z.infer<typeof RateVisitArgs>;

// ---- the mutators ----

type Mutated = StoreResult<Visit>;

export function checkIn(
  args: CheckInArgs,
  number: string,
  numberProvisional: boolean,
  ctx: MutationContext,
): Mutated {
  const displayName =
    args.person === null ? args.guestName : args.displayName || ctx.directory.userName(args.person);
  return ok({
    id: args.id,
    number,
    numberProvisional,
    location: args.location,
    person: args.person,
    guestName: args.person === null ? args.guestName : '',
    displayName,
    vip: args.person === null ? false : args.vip,
    reason: args.reason,
    reasonDetail: args.reasonDetail,
    channel: args.channel,
    state: 'Waiting',
    checkedInAt: ctx.now,
    checkedInBy: ctx.actorId,
    calledAt: null,
    calledBy: null,
    station: null,
    startedAt: null,
    servedBy: null,
    endedAt: null,
    interaction: null,
    survey: null,
    openedAt: ctx.now,
    updatedAt: ctx.now,
    updatedBy: ctx.actorId,
  });
}

const touched = (visit: Visit, ctx: MutationContext, changes: Partial<Visit>): Visit => ({
  ...visit,
  ...changes,
  updatedAt: ctx.now,
  updatedBy: ctx.actorId,
});

/** The refusal for a visit another agent already has: a conflict, so Needs attention keeps it. */
function takenBy(visit: Visit, ctx: MutationContext): StoreResult<never> {
  const who = visit.calledBy ? ctx.directory.userName(visit.calledBy) : 'another agent';
  const where = visit.station ? ` to ${visit.station}` : '';
  return fail(
    'conflict',
    `${visit.displayName} was already called by ${who}${where}; they are ${visit.state}.`,
  );
}

/** Call (Call next, or call anyone): Waiting → Called. Calling them again from the same desk changes nothing. */
export function callVisit(visit: Visit, args: CallVisitArgs, ctx: MutationContext): Mutated {
  if (visit.state === 'Called' && visit.calledBy === ctx.actorId && visit.station === args.station)
    return ok(visit);
  if (visit.state !== 'Waiting') {
    if (visit.state === 'Called' || visit.state === 'In service') return takenBy(visit, ctx);
    return fail('rule', `${visit.displayName} is ${visit.state}: they are no longer in the queue.`);
  }
  return ok(
    touched(visit, ctx, {
      state: 'Called',
      calledAt: ctx.now,
      calledBy: ctx.actorId,
      station: args.station,
    }),
  );
}

/** Back to the queue: a called person goes back to Waiting, keeping their place (check-in time). */
export function returnToQueue(visit: Visit, ctx: MutationContext): Mutated {
  if (visit.state === 'Waiting') return ok(visit);
  if (visit.state !== 'Called')
    return fail(
      'rule',
      `${visit.displayName} is ${visit.state}: only a called person can go back to the queue.`,
    );
  return ok(
    touched(visit, ctx, { state: 'Waiting', calledAt: null, calledBy: null, station: null }),
  );
}

/**
 * Start: Called (or Waiting, when an agent serves someone straight away) → In service, with the
 * interaction it becomes. Started again with the same interaction changes nothing.
 */
export function startVisit(
  visit: Visit,
  interactionId: string,
  station: string,
  ctx: MutationContext,
): Mutated {
  if (visit.state === 'In service' && visit.interaction === interactionId) return ok(visit);
  if (visit.state === 'Called' && visit.calledBy !== null && visit.calledBy !== ctx.actorId)
    return takenBy(visit, ctx);
  if (visit.state === 'In service') return takenBy(visit, ctx);
  if (visit.state !== 'Waiting' && visit.state !== 'Called')
    return fail('rule', `${visit.displayName} is ${visit.state}: there is nobody to serve.`);
  return ok(
    touched(visit, ctx, {
      state: 'In service',
      calledAt: visit.calledAt ?? ctx.now,
      calledBy: visit.calledBy ?? ctx.actorId,
      station: visit.station ?? station,
      startedAt: ctx.now,
      servedBy: ctx.actorId,
      interaction: interactionId,
    }),
  );
}

/** Finish: In service → Done (closing its interaction does this). Done again changes nothing. */
export function finishVisit(visit: Visit, ctx: MutationContext): Mutated {
  if (visit.state === 'Done') return ok(visit);
  if (visit.state !== 'In service')
    return fail(
      'rule',
      `${visit.displayName} is ${visit.state}: only a visit in service can be finished.`,
    );
  return ok(touched(visit, ctx, { state: 'Done', endedAt: ctx.now }));
}

/** No-show: a called person who did not come. Only a called visit; again changes nothing. */
export function markNoShow(visit: Visit, ctx: MutationContext): Mutated {
  if (visit.state === 'No-show') return ok(visit);
  if (visit.state !== 'Called')
    return fail(
      'rule',
      `${visit.displayName} is ${visit.state}: only a called person can be a no-show.`,
    );
  return ok(touched(visit, ctx, { state: 'No-show', endedAt: ctx.now }));
}

/** Left: someone still in the queue went away (told the desk, or cancelled at the kiosk). */
export function markLeft(visit: Visit, ctx: MutationContext): Mutated {
  if (visit.state === 'Left') return ok(visit);
  if (!isQueued(visit.state))
    return fail(
      'rule',
      `${visit.displayName} is ${visit.state}: only someone in the queue can leave it.`,
    );
  return ok(touched(visit, ctx, { state: 'Left', endedAt: ctx.now }));
}

/** The exit survey, once, on a Done visit. The same answer again changes nothing. */
export function rateVisit(visit: Visit, args: RateVisitArgs, ctx: MutationContext): Mutated {
  if (visit.state !== 'Done') return fail('rule', 'The survey is for a finished visit.');
  if (visit.survey !== null)
    return visit.survey.rating === args.rating && visit.survey.comment === args.comment
      ? ok(visit)
      : fail('rule', 'This visit has already been rated.');
  return ok(
    touched(visit, ctx, { survey: { rating: args.rating, comment: args.comment, at: ctx.now } }),
  );
}

/** Every transition the state machine allows, by the action that makes it (tests and docs read it). */
export const VISIT_TRANSITIONS: Readonly<Record<string, readonly [VisitState, VisitState][]>> = {
  call: [['Waiting', 'Called']],
  returnToQueue: [['Called', 'Waiting']],
  start: [
    ['Waiting', 'In service'],
    ['Called', 'In service'],
  ],
  finish: [['In service', 'Done']],
  noShow: [['Called', 'No-show']],
  left: [
    ['Waiting', 'Left'],
    ['Called', 'Left'],
  ],
};
