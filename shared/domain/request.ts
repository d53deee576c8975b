// The Request: a catalog item asked for someone, with the item's own answers, and the pure
// mutators that create, edit and move it through its state machine. No I/O; the server runs these.

import { z } from 'zod';
import { applyAssignmentChange, checkAssignment } from './assignment';
import { CatalogAnswers, validateAnswers, type CatalogItem } from './catalog';
import { Id } from './directory';
import { type MutationContext } from './interaction';
import { fail, ok, type StoreResult } from './result';
import {
  checkTransition,
  isOpenRequestState,
  REQUEST_MACHINE,
  REQUEST_STATES,
  REQUIREMENT_MESSAGES,
} from './task-states';
import {
  appendWorkNote,
  RelatedInteraction,
  RequiredUser,
  storableText,
  withoutUndefined,
  workNoteFrom,
  type TaskListItem,
} from './task';
import { WORK_NOTE_MAX, WorkNote } from './work-note';

export { OPEN_REQUEST_STATES, REQUEST_STATES, type RequestState } from './task-states';

export const REQUEST_LABELS = {
  number: 'Number',
  requestedFor: 'Requested for',
  catalogItem: 'Catalog item',
  answers: 'Answers',
  assignmentGroup: 'Assignment group',
  assignedTo: 'Assigned to',
  state: 'State',
  closeNotes: 'Close notes',
  workNotes: 'Work notes',
  relatedInteractions: 'Related interactions',
  openedAt: 'Opened',
  openedBy: 'Opened by',
  closedAt: 'Closed',
  closedBy: 'Closed by',
} as const;

/** The catalog as the request mutators need it: on the desk from the cached directory. */
export interface CatalogRules {
  catalogItem(id: string): CatalogItem | null;
  /** Whether a user reference answer names a known user; absent means any id-shaped value. */
  isKnownUser?(id: string): boolean;
}

export interface RequestContext extends MutationContext {
  catalog: CatalogRules;
}

const CatalogItemRef = z
  .string({ error: 'Pick the catalog item.' })
  .min(1, 'Pick the catalog item.')
  .max(64);

export const Request = z.object({
  id: Id,
  number: z.string(),
  numberProvisional: z.boolean(),
  requestedFor: RequiredUser('Requested for'),
  catalogItem: CatalogItemRef,
  /** The item's name when the request was made: the short description of every list. */
  shortDescription: z.string(),
  answers: CatalogAnswers,
  assignmentGroup: Id.nullable(),
  assignedTo: Id.nullable(),
  state: z.enum(REQUEST_STATES),
  closeNotes: z.string().nullable(),
  relatedInteractions: z.array(RelatedInteraction),
  workNotes: z.array(WorkNote),
  openedAt: z.string(),
  openedBy: Id,
  /** When it reached Closed Complete, Closed Incomplete or Canceled. */
  closedAt: z.string().nullable(),
  closedBy: Id.nullable(),
  updatedAt: z.string(),
  updatedBy: Id,
});
export type Request = z.infer<typeof Request>;

// ---- command arguments ----

export const CreateRequestArgs = z.object({
  /** Chosen by the desk when the form opens, so a retried Submit is one record. */
  id: Id,
  requestedFor: RequiredUser('Requested for'),
  catalogItem: CatalogItemRef,
  answers: CatalogAnswers,
  /** Left out: the item's fulfillment group. */
  assignmentGroup: Id.nullable().optional(),
  assignedTo: Id.nullable().optional(),
  workNote: storableText().trim().max(WORK_NOTE_MAX).optional(),
});
export type CreateRequestArgs = z.infer<typeof CreateRequestArgs>;

export const RequestChanges = z.object({
  requestedFor: RequiredUser('Requested for').optional(),
  answers: CatalogAnswers.optional(),
  assignmentGroup: Id.nullable().optional(),
  assignedTo: Id.nullable().optional(),
});
export type RequestChanges = z.infer<typeof RequestChanges>;

export const UpdateRequestArgs = z.object({ id: Id, changes: RequestChanges });
export type UpdateRequestArgs = z.infer<typeof UpdateRequestArgs>;

export const SetRequestStateArgs = z.object({
  id: Id,
  state: z.enum(REQUEST_STATES, 'Pick a state.'),
  closeNotes: storableText().trim().max(WORK_NOTE_MAX).optional(),
  changes: RequestChanges.optional(),
});
export type SetRequestStateArgs = z.infer<typeof SetRequestStateArgs>;

// ---- reading a request ----

export const isOpenRequest = (request: Pick<Request, 'state'>): boolean =>
  isOpenRequestState(request.state);

export function requestListItem(request: Request): TaskListItem {
  return {
    kind: 'request',
    id: request.id,
    number: request.number,
    numberProvisional: request.numberProvisional,
    shortDescription: request.shortDescription,
    state: request.state,
    open: isOpenRequest(request),
    priority: null,
    callerId: request.requestedFor,
    assignmentGroup: request.assignmentGroup,
    assignedTo: request.assignedTo,
    openedAt: request.openedAt,
    updatedAt: request.updatedAt,
  };
}

// ---- the mutators ----

type Mutated = StoreResult<Request>;

function offeredItem(id: string, ctx: RequestContext): StoreResult<CatalogItem> {
  const item = ctx.catalog.catalogItem(id);
  if (!item) {
    return fail('rule', 'That catalog item is not in the catalog any more; pick another one.', {
      catalogItem: 'Pick the catalog item.',
    });
  }
  return ok(item);
}

function checkedAnswers(item: CatalogItem, answers: unknown, ctx: RequestContext) {
  const isKnownUser = ctx.catalog.isKnownUser?.bind(ctx.catalog);
  return validateAnswers(item, answers, isKnownUser ? { isKnownUser } : {});
}

export function createRequest(
  args: CreateRequestArgs,
  number: string,
  numberProvisional: boolean,
  ctx: RequestContext,
): Mutated {
  const item = offeredItem(args.catalogItem, ctx);
  if (!item.ok) return item;
  if (!item.value.active) {
    return fail('rule', `${item.value.name} is no longer offered; pick another catalog item.`, {
      catalogItem: 'Pick the catalog item.',
    });
  }
  const answers = checkedAnswers(item.value, args.answers, ctx);
  if (!answers.ok) return answers;
  const assignment = {
    assignmentGroup:
      args.assignmentGroup === undefined ? item.value.fulfillmentGroup : args.assignmentGroup,
    assignedTo: args.assignedTo ?? null,
  };
  const fieldErrors = checkAssignment(assignment, ctx.directory);
  if (fieldErrors) return fail('rule', 'The request was not saved.', fieldErrors);
  return ok({
    id: args.id,
    number,
    numberProvisional,
    requestedFor: args.requestedFor,
    catalogItem: item.value.id,
    shortDescription: item.value.name,
    answers: answers.value,
    ...assignment,
    state: REQUEST_MACHINE.initial,
    closeNotes: null,
    relatedInteractions: [],
    workNotes: args.workNote ? [workNoteFrom(`${args.id}:first`, args.workNote, ctx)] : [],
    openedAt: ctx.now,
    openedBy: ctx.actorId,
    closedAt: null,
    closedBy: null,
    updatedAt: ctx.now,
    updatedBy: ctx.actorId,
  });
}

export function updateRequest(
  current: Request,
  changes: RequestChanges,
  ctx: RequestContext,
): Mutated {
  if (!isOpenRequest(current))
    return fail('rule', `${current.number} is ${current.state}: only work notes can be added now.`);
  const next: Request = {
    ...current,
    ...withoutUndefined(changes),
    ...applyAssignmentChange(current, changes),
    updatedAt: ctx.now,
    updatedBy: ctx.actorId,
  };
  if (changes.answers !== undefined) {
    // Checked against the item as the catalog has it now: the form showed the agent that one.
    const item = offeredItem(current.catalogItem, ctx);
    if (!item.ok) return item;
    const answers = checkedAnswers(item.value, changes.answers, ctx);
    if (!answers.ok) return answers;
    next.answers = answers.value;
  }
  const fieldErrors = checkAssignment(next, ctx.directory);
  if (fieldErrors) return fail('rule', 'The request was not saved.', fieldErrors);
  return ok(next);
}

export function addRequestWorkNote(
  current: Request,
  args: { noteId: string; text: string },
  ctx: MutationContext,
): Mutated {
  return ok(appendWorkNote(current, args.noteId, args.text, ctx));
}

export function setRequestState(
  current: Request,
  args: SetRequestStateArgs,
  ctx: RequestContext,
): Mutated {
  if (args.state === current.state) {
    // A retry, or two desks closing it the same way; different close notes must not vanish.
    const otherNotes =
      args.closeNotes !== undefined &&
      current.closeNotes !== null &&
      args.closeNotes !== current.closeNotes;
    return otherNotes
      ? fail('rule', `${current.number} was already ${current.state} by someone else.`)
      : ok(current);
  }
  const check = checkTransition(REQUEST_MACHINE, current.state, args.state);
  if (!check.allowed) return fail('rule', check.reason);
  const missing = check.transition.requires.filter(
    (r) => r === 'closeNotes' && (args.closeNotes ?? '') === '',
  );
  if (missing.length > 0) {
    return fail('rule', REQUIREMENT_MESSAGES.closeNotes, {
      closeNotes: REQUIREMENT_MESSAGES.closeNotes,
    });
  }
  let record = current;
  if (args.changes) {
    const edited = updateRequest(current, args.changes, ctx);
    if (!edited.ok) return edited;
    record = edited.value;
  }
  const stamped = { ...record, state: args.state, updatedAt: ctx.now, updatedBy: ctx.actorId };
  if (check.transition.action === 'start') return ok(stamped);
  return ok({
    ...stamped,
    closeNotes: args.closeNotes ?? null,
    closedAt: ctx.now,
    closedBy: ctx.actorId,
  });
}
