// The Incident's pure mutators: create, edit, note and move it through its state machine. The
// store host and the desk server run these same functions; no I/O here.

import { applyAssignmentChange, checkAssignment } from './assignment';
import {
  isOpenIncident,
  type CancelIncidentArgs,
  type CloseIncidentArgs,
  type CreateIncidentArgs,
  type Incident,
  type IncidentChanges,
  type ReopenIncidentArgs,
  type ResolveIncidentArgs,
  type SetIncidentStateArgs,
} from './incident-record';
import { type MutationContext } from './interaction';
import { priorityOf } from './priority';
import { withoutUndefined } from './record-changes';
import { fail, ok, type StoreResult } from './result';
import {
  checkTransition,
  INCIDENT_MACHINE,
  REQUIREMENT_MESSAGES,
  type TransitionRequirement,
} from './task-states';
import { appendWorkNote, WORK_NOTE_MAX, workNoteFrom, type WorkNote } from './work-note';

export * from './incident-record';

// ---- the mutators ----

type Mutated = StoreResult<Incident>;

export function createIncident(
  args: CreateIncidentArgs,
  number: string,
  numberProvisional: boolean,
  ctx: MutationContext,
): Mutated {
  const fieldErrors = checkAssignment(args, ctx.directory);
  if (fieldErrors) return fail('rule', 'The incident was not saved.', fieldErrors);
  const { id, workNote, ...fields } = args;
  const workNotes: WorkNote[] = workNote ? [workNoteFrom(`${id}:first`, workNote, ctx)] : [];
  return ok({
    ...fields,
    id,
    number,
    numberProvisional,
    priority: priorityOf(fields.impact, fields.urgency),
    state: INCIDENT_MACHINE.initial,
    onHoldReason: null,
    resolutionCode: null,
    resolutionNotes: null,
    reopenCount: 0,
    relatedInteractions: [],
    workNotes,
    openedAt: ctx.now,
    openedBy: ctx.actorId,
    resolvedAt: null,
    resolvedBy: null,
    closedAt: null,
    closedBy: null,
    updatedAt: ctx.now,
    updatedBy: ctx.actorId,
  });
}

function readOnlyReason(incident: Incident): string | null {
  if (isOpenIncident(incident)) return null;
  return incident.state === 'Resolved'
    ? `${incident.number} is Resolved: reopen it to change it; work notes can still be added.`
    : `${incident.number} is ${incident.state}: only work notes can be added now.`;
}

export function updateIncident(
  current: Incident,
  changes: IncidentChanges,
  ctx: MutationContext,
): Mutated {
  const readOnly = readOnlyReason(current);
  if (readOnly) return fail('rule', readOnly);
  const assignment = applyAssignmentChange(current, changes);
  const next: Incident = {
    ...current,
    ...withoutUndefined(changes),
    ...assignment,
    updatedAt: ctx.now,
    updatedBy: ctx.actorId,
  };
  const fieldErrors = checkAssignment(next, ctx.directory);
  if (fieldErrors) return fail('rule', 'The incident was not saved.', fieldErrors);
  next.priority = priorityOf(next.impact, next.urgency);
  return ok(next);
}

export function addIncidentWorkNote(
  current: Incident,
  args: { noteId: string; text: string },
  ctx: MutationContext,
): Mutated {
  return ok(appendWorkNote(current, args.noteId, args.text, ctx));
}

/** What a requirement's value is in the args, or undefined when the agent left it out. */
function given(args: SetIncidentStateArgs, requirement: TransitionRequirement): string | undefined {
  switch (requirement) {
    case 'onHoldReason':
      return args.onHoldReason;
    case 'resolutionCode':
      return args.resolutionCode;
    case 'resolutionNotes':
      return args.resolutionNotes === '' ? undefined : args.resolutionNotes;
    case 'reopenReason':
      return args.reopenReason === '' ? undefined : args.reopenReason;
    case 'closeNotes':
      // A request's requirement; the incident machine never asks for it.
      return undefined;
  }
}

/**
 * A state change the record already shows: a retried command, or two desks doing the same.
 * Answers the record unchanged, a change of On hold reason, or a refusal when the second desk
 * said something different (its words must not vanish; they wait in Needs attention).
 */
function sameState(current: Incident, args: SetIncidentStateArgs, ctx: MutationContext): Mutated {
  if (
    current.state === 'On Hold' &&
    args.onHoldReason !== undefined &&
    args.onHoldReason !== current.onHoldReason
  ) {
    return ok({
      ...current,
      onHoldReason: args.onHoldReason,
      updatedAt: ctx.now,
      updatedBy: ctx.actorId,
    });
  }
  const otherResolution =
    (args.resolutionCode !== undefined && args.resolutionCode !== current.resolutionCode) ||
    (args.resolutionNotes !== undefined && args.resolutionNotes !== current.resolutionNotes);
  if (current.state === 'Resolved' && otherResolution)
    return fail('rule', `${current.number} was already resolved by someone else.`);
  return ok(current);
}

/** Reopen incident asked for while the incident is not Resolved. */
function reopenRefused(current: Incident, args: SetIncidentStateArgs): Mutated {
  // The same reopen again is done; another desk's reopen was not, and says so.
  const noteId = args.noteId ?? `${current.id}:reopen-${current.reopenCount}`;
  if (current.state === 'In Progress' && current.workNotes.some((n) => n.id === noteId))
    return ok(current);
  const check = checkTransition(INCIDENT_MACHINE, current.state, 'In Progress');
  if (!check.allowed && current.state !== 'In Progress') return fail('rule', check.reason);
  return fail(
    'rule',
    `${current.number} is ${current.state}, not Resolved: only a Resolved incident can be reopened.`,
  );
}

export function setIncidentState(
  current: Incident,
  args: SetIncidentStateArgs,
  ctx: MutationContext,
): Mutated {
  const reopening = args.state === 'In Progress' && args.reopenReason !== undefined;
  if (reopening && current.state !== 'Resolved') return reopenRefused(current, args);
  if (args.state === current.state) return sameState(current, args, ctx);
  const check = checkTransition(INCIDENT_MACHINE, current.state, args.state);
  if (!check.allowed) return fail('rule', check.reason);
  const { transition } = check;
  const missing = transition.requires.filter((r) => given(args, r) === undefined);
  const [first] = missing;
  if (first !== undefined) {
    const fieldErrors = Object.fromEntries(missing.map((r) => [r, REQUIREMENT_MESSAGES[r]]));
    return fail('rule', REQUIREMENT_MESSAGES[first], fieldErrors);
  }

  let record = current;
  if (args.changes) {
    const edited = updateIncident(current, args.changes, ctx);
    if (!edited.ok) return edited;
    record = edited.value;
  }
  const stamped = { ...record, updatedAt: ctx.now, updatedBy: ctx.actorId };
  switch (transition.action) {
    case 'start':
    case 'resume':
      return ok({ ...stamped, state: 'In Progress', onHoldReason: null });
    case 'hold':
      return ok({ ...stamped, state: 'On Hold', onHoldReason: args.onHoldReason ?? null });
    case 'resolve':
      return ok({
        ...stamped,
        state: 'Resolved',
        onHoldReason: null,
        resolutionCode: args.resolutionCode ?? null,
        resolutionNotes: args.resolutionNotes ?? null,
        resolvedAt: ctx.now,
        resolvedBy: ctx.actorId,
      });
    case 'reopen':
      return ok(reopened(stamped, args.reopenReason ?? '', args.noteId, ctx));
    case 'close':
      return ok({ ...stamped, state: 'Closed', closedAt: ctx.now, closedBy: ctx.actorId });
    case 'cancel':
      return ok({
        ...stamped,
        state: 'Canceled',
        onHoldReason: null,
        closedAt: ctx.now,
        closedBy: ctx.actorId,
      });
  }
}

/** Every reopen's work note starts with this: the incident's only record of when it was reopened. */
export const REOPEN_NOTE_PREFIX = 'Reopened: ';

/**
 * Back to In Progress with the reason in a work note. The resolution is cleared, so the next
 * Resolve asks for a new one; the old one is kept in the note, never lost.
 */
function reopened(
  incident: Incident,
  reason: string,
  noteId: string | undefined,
  ctx: MutationContext,
): Incident {
  const reopenCount = incident.reopenCount + 1;
  const previous =
    incident.resolutionNotes === null
      ? ''
      : `\nPrevious resolution (${incident.resolutionCode ?? 'no code'}): ${incident.resolutionNotes}`;
  const text = `${REOPEN_NOTE_PREFIX}${reason}${previous}`.slice(0, WORK_NOTE_MAX);
  return {
    ...appendWorkNote(incident, noteId ?? `${incident.id}:reopen-${reopenCount}`, text, ctx),
    state: 'In Progress',
    reopenCount,
    resolutionCode: null,
    resolutionNotes: null,
    resolvedAt: null,
    resolvedBy: null,
  };
}

export const resolveIncident = (
  current: Incident,
  args: ResolveIncidentArgs,
  ctx: MutationContext,
) => setIncidentState(current, { ...args, state: 'Resolved' }, ctx);

export const closeIncident = (current: Incident, args: CloseIncidentArgs, ctx: MutationContext) =>
  setIncidentState(current, { ...args, state: 'Closed' }, ctx);

export const cancelIncident = (current: Incident, args: CancelIncidentArgs, ctx: MutationContext) =>
  setIncidentState(current, { ...args, state: 'Canceled' }, ctx);

/** Reopen incident: only from Resolved, back to In Progress, reopen count +1, the reason noted. */
export const reopenIncident = (current: Incident, args: ReopenIncidentArgs, ctx: MutationContext) =>
  setIncidentState(
    current,
    { id: args.id, state: 'In Progress', reopenReason: args.reason, noteId: args.noteId },
    ctx,
  );
