// The Incident: its fields, labels and the pure mutators that create, edit and move it through
// its state machine. The store host and the desk server run these same functions; no I/O here.

import { z } from 'zod';
import { applyAssignmentChange, checkAssignment } from './assignment';
import { Id } from './directory';
import { type MutationContext } from './interaction';
import { Impact, Priority, priorityOf, Urgency } from './priority';
import { fail, ok, type StoreResult } from './result';
import {
  checkTransition,
  INCIDENT_MACHINE,
  INCIDENT_STATES,
  isOpenIncidentState,
  REQUIREMENT_MESSAGES,
  type TransitionRequirement,
} from './task-states';
import {
  appendWorkNote,
  Description,
  RelatedInteraction,
  RequiredUser,
  ShortDescription,
  storableText,
  withoutUndefined,
  workNoteFrom,
  type TaskListItem,
} from './task';
import { WORK_NOTE_MAX, WorkNote, type WorkNote as WorkNoteType } from './work-note';

export { INCIDENT_STATES, OPEN_INCIDENT_STATES, type IncidentState } from './task-states';

/** ServiceNow's default incident categories. */
export const INCIDENT_CATEGORIES = [
  'Inquiry / Help',
  'Software',
  'Hardware',
  'Network',
  'Database',
] as const;
export const IncidentCategory = z.enum(INCIDENT_CATEGORIES, 'Pick the category.');
export type IncidentCategory = z.infer<typeof IncidentCategory>;

/** What an incident On Hold is waiting for (ServiceNow's On hold reasons). */
export const ON_HOLD_REASONS = [
  'Awaiting Caller',
  'Awaiting Change',
  'Awaiting Problem',
  'Awaiting Vendor',
] as const;
export const OnHoldReason = z.enum(ON_HOLD_REASONS, REQUIREMENT_MESSAGES.onHoldReason);
export type OnHoldReason = z.infer<typeof OnHoldReason>;

export const RESOLUTION_CODES = [
  'Solution provided',
  'Workaround provided',
  'Resolved by caller',
  'Resolved by change',
  'Resolved by problem',
  'Known error',
  'Duplicate',
  'User error',
  'No resolution provided',
] as const;
export const ResolutionCode = z.enum(RESOLUTION_CODES, REQUIREMENT_MESSAGES.resolutionCode);
export type ResolutionCode = z.infer<typeof ResolutionCode>;

export const INCIDENT_LABELS = {
  number: 'Number',
  caller: 'Caller',
  shortDescription: 'Short description',
  description: 'Description',
  component: 'Component',
  category: 'Category',
  impact: 'Impact',
  urgency: 'Urgency',
  priority: 'Priority',
  assignmentGroup: 'Assignment group',
  assignedTo: 'Assigned to',
  state: 'State',
  onHoldReason: 'On hold reason',
  resolutionCode: 'Resolution code',
  resolutionNotes: 'Resolution notes',
  reopenReason: 'Reason for reopening',
  reopenCount: 'Reopen count',
  relatedInteractions: 'Related interactions',
  workNotes: 'Work notes',
  openedAt: 'Opened',
  openedBy: 'Opened by',
  resolvedAt: 'Resolved',
  resolvedBy: 'Resolved by',
  closedAt: 'Closed',
  closedBy: 'Closed by',
} as const;

/** Resolution notes and a reopen reason: as long as a work note may be. */
const LongText = storableText()
  .trim()
  .max(WORK_NOTE_MAX, `Keep it under ${WORK_NOTE_MAX} characters.`);

/** The fields an agent edits on the Report an Issue dialog and the incident form. */
export const IncidentFields = z.object({
  caller: RequiredUser('Caller'),
  shortDescription: ShortDescription,
  description: Description,
  component: Id.nullable(),
  category: IncidentCategory,
  impact: Impact,
  urgency: Urgency,
  assignmentGroup: Id.nullable(),
  assignedTo: Id.nullable(),
});
export type IncidentFields = z.infer<typeof IncidentFields>;

export const IncidentChanges = IncidentFields.partial();
export type IncidentChanges = z.infer<typeof IncidentChanges>;

export const Incident = IncidentFields.extend({
  id: Id,
  number: z.string(),
  /** True until the desk server has given the record its real number. */
  numberProvisional: z.boolean(),
  /** Always priorityOf(impact, urgency); stored so lists and the read API can sort by it. */
  priority: Priority,
  state: z.enum(INCIDENT_STATES),
  onHoldReason: OnHoldReason.nullable(),
  resolutionCode: ResolutionCode.nullable(),
  resolutionNotes: z.string().nullable(),
  reopenCount: z.int().nonnegative(),
  relatedInteractions: z.array(RelatedInteraction),
  workNotes: z.array(WorkNote),
  openedAt: z.string(),
  openedBy: Id,
  resolvedAt: z.string().nullable(),
  resolvedBy: Id.nullable(),
  /** When it was Closed or Canceled. */
  closedAt: z.string().nullable(),
  closedBy: Id.nullable(),
  updatedAt: z.string(),
  updatedBy: Id,
});
export type Incident = z.infer<typeof Incident>;

// ---- command arguments (what the outbox records and the server replays) ----

export const CreateIncidentArgs = IncidentFields.extend({
  /** Chosen by the desk when the dialog opens, so a retried or double-clicked Submit is one record. */
  id: Id,
  workNote: storableText().trim().max(WORK_NOTE_MAX).optional(),
});
export type CreateIncidentArgs = z.infer<typeof CreateIncidentArgs>;

export const UpdateIncidentArgs = z.object({ id: Id, changes: IncidentChanges });
export type UpdateIncidentArgs = z.infer<typeof UpdateIncidentArgs>;

/**
 * Any state change. What a transition requires (INCIDENT_MACHINE) is checked by the mutator, so
 * the machine stays the one place that says it; the named commands below make it required.
 */
export const SetIncidentStateArgs = z.object({
  id: Id,
  state: z.enum(INCIDENT_STATES, 'Pick a state.'),
  onHoldReason: OnHoldReason.optional(),
  resolutionCode: ResolutionCode.optional(),
  resolutionNotes: LongText.optional(),
  reopenReason: LongText.optional(),
  /** The work note a reopen writes; the desk picks its id so a retry writes one note. */
  noteId: Id.optional(),
  /** Unsaved edits on the form are saved with the state change, atomically. */
  changes: IncidentChanges.optional(),
});
export type SetIncidentStateArgs = z.infer<typeof SetIncidentStateArgs>;

const required = (requirement: TransitionRequirement) =>
  storableText()
    .trim()
    .min(1, REQUIREMENT_MESSAGES[requirement])
    .max(WORK_NOTE_MAX, `Keep it under ${WORK_NOTE_MAX} characters.`);

export const ResolveIncidentArgs = z.object({
  id: Id,
  resolutionCode: ResolutionCode,
  resolutionNotes: required('resolutionNotes'),
  changes: IncidentChanges.optional(),
});
export type ResolveIncidentArgs = z.infer<typeof ResolveIncidentArgs>;

export const CloseIncidentArgs = z.object({ id: Id });
export type CloseIncidentArgs = z.infer<typeof CloseIncidentArgs>;

export const CancelIncidentArgs = z.object({ id: Id });
export type CancelIncidentArgs = z.infer<typeof CancelIncidentArgs>;

export const ReopenIncidentArgs = z.object({
  id: Id,
  noteId: Id,
  reason: required('reopenReason'),
});
export type ReopenIncidentArgs = z.infer<typeof ReopenIncidentArgs>;

// ---- reading an incident ----

export const isOpenIncident = (incident: Pick<Incident, 'state'>): boolean =>
  isOpenIncidentState(incident.state);

/** The callers who reported it: its Caller and every linked interaction's Opened for. */
export function affectedCallerIds(
  incident: Pick<Incident, 'caller' | 'relatedInteractions'>,
): string[] {
  const ids = new Set<string>([incident.caller]);
  for (const related of incident.relatedInteractions) if (related.caller) ids.add(related.caller);
  return [...ids];
}

export const affectedCallers = (
  incident: Pick<Incident, 'caller' | 'relatedInteractions'>,
): number => affectedCallerIds(incident).length;

export function incidentListItem(incident: Incident): TaskListItem {
  return {
    kind: 'incident',
    id: incident.id,
    number: incident.number,
    numberProvisional: incident.numberProvisional,
    shortDescription: incident.shortDescription,
    state: incident.state,
    open: isOpenIncident(incident),
    priority: incident.priority,
    callerId: incident.caller,
    assignmentGroup: incident.assignmentGroup,
    assignedTo: incident.assignedTo,
    openedAt: incident.openedAt,
    updatedAt: incident.updatedAt,
  };
}

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
  const workNotes: WorkNoteType[] = workNote ? [workNoteFrom(`${id}:first`, workNote, ctx)] : [];
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
  const text = `Reopened: ${reason}${previous}`.slice(0, WORK_NOTE_MAX);
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
