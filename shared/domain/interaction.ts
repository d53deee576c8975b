// The Interaction: the record of one contact with the desk, its fields, labels and rules.
// Pure functions only: the store host and the desk server run these same mutators.

import { z } from 'zod';
import { applyAssignmentChange, checkAssignment } from './assignment';
import { Id } from './directory';
import { ArticleRef } from './knowledge';
import { withoutUndefined } from './record-changes';
import { RelatedRecord } from './related-records';
import { AddWorkNoteArgs, appendWorkNote, WorkNote, WorkNoteText, workNoteFrom } from './work-note';
import { closeCallTimer, handleTimeOf } from './interaction-call';

export { HANDLE_TIME_MAX_SECONDS } from './interaction-call';
import { fail, ok, type StoreResult } from './result';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from './storable-text';

export { AddWorkNoteArgs };

/** A text field: what the server could not store is refused here, with a message a person can act on. */
const text = () => z.string().refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

export const INTERACTION_TYPES = ['Chat', 'Email', 'Phone', 'Walk-in', 'Self-service'] as const;
export const InteractionType = z.enum(INTERACTION_TYPES, 'Pick the channel the caller used.');
export type InteractionType = z.infer<typeof InteractionType>;

/** The open states an agent picks on the form. */
export const EDITABLE_STATES = ['New', 'Work in Progress', 'On Hold'] as const;
/**
 * ServiceNow's order: New → Work in Progress / On Hold → Wrap Up → Closed. Wrap Up is entered when
 * the call ends (End call, or the phone system's hangup), never picked on the form.
 */
export const OPEN_STATES = [...EDITABLE_STATES, 'Wrap Up'] as const;
export const CLOSED_STATES = ['Closed Complete', 'Closed Abandoned'] as const;
export const INTERACTION_STATES = [...OPEN_STATES, ...CLOSED_STATES] as const;
export const InteractionState = z.enum(INTERACTION_STATES);
export type InteractionState = z.infer<typeof InteractionState>;
export type OpenState = (typeof OPEN_STATES)[number];
export type ClosedState = (typeof CLOSED_STATES)[number];

export const isClosed = (state: InteractionState): state is ClosedState =>
  (CLOSED_STATES as readonly string[]).includes(state);

/** The labels the seeds use; the form, the lists and the errors all speak these words. */
export const INTERACTION_LABELS = {
  number: 'Number',
  openedFor: 'Opened for',
  contactEmail: 'Contact email',
  contactPhone: 'Contact phone',
  type: 'Type',
  state: 'State',
  component: 'Component',
  assignmentGroup: 'Assignment group',
  assignedTo: 'Assigned to',
  shortDescription: 'Short description',
  description: 'Description',
  workNotes: 'Work notes',
  openedAt: 'Opened',
  openedBy: 'Opened by',
  closedAt: 'Closed',
  closedBy: 'Closed by',
  handleTime: 'Handle time',
  wrapUpCode: 'Wrap-up code',
  talkTime: 'Talk time',
  wrapUpTime: 'Wrap-up time',
} as const;

export const SHORT_DESCRIPTION_MAX = 160;
export const DESCRIPTION_MAX = 8000;

const optionalRef = Id.nullable();

/** The fields an agent edits on the form. One schema: form validation, store port, HTTP. */
export const InteractionFields = z.object({
  openedFor: optionalRef,
  contactEmail: text()
    .trim()
    .max(254)
    .refine(
      (v) => v === '' || z.email().safeParse(v).success,
      'Enter an email address like name@example.com.',
    ),
  contactPhone: text()
    .trim()
    .max(32, 'A phone number can be at most 32 characters.')
    .regex(/^[+()\d\s./-]*$/, 'A phone number may contain digits, spaces and + ( ) - . / only.'),
  type: InteractionType,
  component: optionalRef,
  assignmentGroup: optionalRef,
  assignedTo: optionalRef,
  shortDescription: text()
    .trim()
    .min(1, 'Short description is required.')
    .max(
      SHORT_DESCRIPTION_MAX,
      `Short description can be at most ${SHORT_DESCRIPTION_MAX} characters.`,
    ),
  description: text().max(
    DESCRIPTION_MAX,
    `Description can be at most ${DESCRIPTION_MAX} characters.`,
  ),
});
export type InteractionFields = z.infer<typeof InteractionFields>;

export const InteractionChanges = InteractionFields.partial().extend({
  state: z.enum(EDITABLE_STATES).optional(),
});
export type InteractionChanges = z.infer<typeof InteractionChanges>;

export const Interaction = InteractionFields.extend({
  id: Id,
  number: z.string(),
  /** True until the desk server has given the record its real number. */
  numberProvisional: z.boolean(),
  state: InteractionState,
  workNotes: z.array(WorkNote),
  openedAt: z.string(),
  openedBy: Id,
  closedAt: z.string().nullable(),
  closedBy: Id.nullable(),
  handleTimeSeconds: z.number().int().nonnegative().nullable(),
  updatedAt: z.string(),
  updatedBy: Id,
  /** The incidents and requests made from it or associated with it (docs/decisions/0006). */
  relatedRecords: z.array(RelatedRecord).default([]),
  /** The walk-up visit it was started from (visit.start); closing it finishes that visit. */
  visit: Id.nullable().optional(),
  /** The knowledge article it was Resolved with (issue 16 item 4): which one and which revision. */
  resolvedWith: ArticleRef.optional(),
  /** The phone call it was logged from (issue 13); null or absent when none. */
  call: Id.nullable().optional(),
  /**
   * The call timer, as times in the record the moment the agent starts and ends the call, so a
   * reload or a crash keeps them (interaction-call.ts). Talk started and ended of the running or
   * last call; the seconds of the calls before it are in talkSeconds and wrapUpSeconds.
   */
  talkStartedAt: z.string().nullable().optional(),
  talkEndedAt: z.string().nullable().optional(),
  /** Talk and wrap-up time in whole seconds: handle time = talk + wrap-up for a call. */
  talkSeconds: z.number().int().nonnegative().nullable().optional(),
  wrapUpSeconds: z.number().int().nonnegative().nullable().optional(),
  /** The wrap-up code picked on close (the codes of the desk's location). */
  wrapUpCode: z.string().nullable().optional(),
});
export type Interaction = z.infer<typeof Interaction>;

/** An ISO time with its offset, as the desk and the phone system write them. */
export const CallTime = z.iso.datetime({
  offset: true,
  message: 'Give the time as an ISO date and time.',
});

export const WRAP_UP_CODE_MAX = 80;
export const WrapUpCode = text()
  .trim()
  .min(1, 'Pick a wrap-up code.')
  .max(WRAP_UP_CODE_MAX, `A wrap-up code can be at most ${WRAP_UP_CODE_MAX} characters.`);

// ---- command arguments (what the outbox records and the server replays) ----

export const CreateInteractionArgs = InteractionFields.extend({
  /** Chosen by the desk when the form opens, so a retried or double-clicked save is one record. */
  id: Id,
  workNote: text().trim().max(4000).optional(),
});
export type CreateInteractionArgs = z.infer<typeof CreateInteractionArgs>;

export const UpdateInteractionArgs = z.object({ id: Id, changes: InteractionChanges });
export type UpdateInteractionArgs = z.infer<typeof UpdateInteractionArgs>;

/**
 * Save on the form, as one command: every field as the form shows it (what a first save creates
 * the record with) and, optionally, the work note the agent wrote.
 */
export const SaveInteractionArgs = InteractionFields.extend({
  /** Chosen by the desk when the form opens, so a retried or double-clicked save is one record. */
  id: Id,
  /**
   * On a record that exists: the fields the agent changed, the only ones written (another desk's
   * change to any other field stays). Left out on a first save: a retry writes every field that differs.
   */
  changed: z
    .array(InteractionFields.keyof())
    .max(Object.keys(InteractionFields.shape).length)
    .optional(),
  /** The work note's id, chosen by the desk for its text, so a retried save adds it once. */
  noteId: Id.optional(),
  workNote: WorkNoteText.optional(),
  /** On a first save of a form opened for a phone call: the call it is logged from. */
  call: Id.optional(),
  /** On a first save: when the call was answered or Start call pressed (never after the save). */
  talkStartedAt: CallTime.optional(),
}).refine((args) => args.workNote === undefined || args.noteId !== undefined, {
  message: 'A work note needs its id.',
  path: ['noteId'],
});
export type SaveInteractionArgs = z.infer<typeof SaveInteractionArgs>;

export const CloseInteractionArgs = z.object({
  id: Id,
  /** The walk-up visit the interaction was started from: the same close finishes it (Done). */
  visit: Id.optional(),
  state: z.enum(CLOSED_STATES),
  /** Unsaved edits on the form are saved with the close, atomically. */
  changes: InteractionChanges.optional(),
  /** The wrap-up code picked for a call (the codes of the desk's location). */
  wrapUpCode: WrapUpCode.optional(),
  /** Resolved with this: the knowledge article that solved it (Closed Complete only). */
  resolvedWith: ArticleRef.optional(),
});
export type CloseInteractionArgs = z.infer<typeof CloseInteractionArgs>;

/**
 * Start call: the call timer starts. `at` is when the phone system says the call was answered;
 * left out (a call started by hand), it is the command's time.
 */
export const StartCallArgs = z.object({ id: Id, at: CallTime.optional() });
export type StartCallArgs = z.infer<typeof StartCallArgs>;

/**
 * End call: the interaction goes to Wrap Up and the wrap-up timer starts. `at` is when the phone
 * system says the call ended; left out (ended by hand), it is the command's time.
 */
export const EndCallArgs = z.object({ id: Id, at: CallTime.optional() });
export type EndCallArgs = z.infer<typeof EndCallArgs>;

// ---- the mutators ----

export interface DirectoryRules {
  /** Whether the user may be Assigned to work for the group. Unknown ids answer false. */
  isGroupMember(groupId: string, userId: string): boolean;
  userName(userId: string): string;
}

export interface MutationContext {
  /** ISO time the agent did it (the desk's clock, recorded in the outbox). */
  now: string;
  actorId: string;
  directory: DirectoryRules;
}

type Mutated = StoreResult<Interaction>;

/** Setting Assigned to on a New interaction means someone is working it. */
function stateAfterAssignment(
  state: InteractionState,
  assignedTo: string | null,
): InteractionState {
  return state === 'New' && assignedTo !== null ? 'Work in Progress' : state;
}

export function createInteraction(
  args: CreateInteractionArgs,
  number: string,
  numberProvisional: boolean,
  ctx: MutationContext,
): Mutated {
  const fieldErrors = checkAssignment(args, ctx.directory);
  if (fieldErrors) return fail('rule', 'The interaction was not saved.', fieldErrors);
  const { id, workNote, ...fields } = args;
  return ok({
    ...fields,
    id,
    number,
    numberProvisional,
    state: stateAfterAssignment('New', fields.assignedTo),
    workNotes: workNote ? [workNoteFrom(`${id}:first`, workNote, ctx)] : [],
    openedAt: ctx.now,
    openedBy: ctx.actorId,
    closedAt: null,
    closedBy: null,
    handleTimeSeconds: null,
    updatedAt: ctx.now,
    updatedBy: ctx.actorId,
    relatedRecords: [],
  });
}

export function updateInteraction(
  current: Interaction,
  changes: InteractionChanges,
  ctx: MutationContext,
): Mutated {
  if (isClosed(current.state)) {
    return fail('rule', `${current.number} is ${current.state}: only work notes can be added now.`);
  }
  const next: Interaction = {
    ...current,
    ...withoutUndefined(changes),
    // Changing the group clears the person unless the same change names a member of the new group.
    ...applyAssignmentChange(current, changes),
    updatedAt: ctx.now,
    updatedBy: ctx.actorId,
  };
  const fieldErrors = checkAssignment(next, ctx.directory);
  if (fieldErrors) return fail('rule', 'The interaction was not saved.', fieldErrors);
  if (changes.state === 'New' && current.state !== 'New') {
    return fail('rule', 'An interaction that has been worked cannot go back to New.', {
      state: 'Pick Work in Progress or On Hold.',
    });
  }
  next.state = stateAfterAssignment(next.state, next.assignedTo);
  return ok(next);
}

export function addWorkNote(
  current: Interaction,
  args: AddWorkNoteArgs,
  ctx: MutationContext,
): Mutated {
  // Idempotent by note id: a retried command never adds the same note twice.
  return ok(appendWorkNote(current, args.noteId, args.text, ctx));
}

export function closeInteraction(
  current: Interaction,
  args: CloseInteractionArgs,
  ctx: MutationContext,
): Mutated {
  if (isClosed(current.state)) {
    return current.state === args.state
      ? ok(current)
      : fail('rule', `${current.number} is already ${current.state}.`);
  }
  if (args.resolvedWith && args.state !== 'Closed Complete')
    return fail('rule', 'Only a completed interaction is resolved with a knowledge article.');
  const edited = args.changes ? updateInteraction(current, args.changes, ctx) : ok(current);
  if (!edited.ok) return edited;
  const record = edited.value;
  if (record.shortDescription.trim() === '') {
    return fail('rule', 'Short description is required to close the interaction.', {
      shortDescription: 'Short description is required.',
    });
  }
  const timed = closeCallTimer(record, ctx.now);
  return ok({
    ...record,
    ...timed,
    ...(args.wrapUpCode === undefined ? {} : { wrapUpCode: args.wrapUpCode }),
    ...(args.resolvedWith === undefined ? {} : { resolvedWith: args.resolvedWith }),
    state: args.state,
    closedAt: ctx.now,
    closedBy: ctx.actorId,
    handleTimeSeconds: handleTimeOf({ ...record, ...timed }, ctx.now),
    updatedAt: ctx.now,
    updatedBy: ctx.actorId,
  });
}

/** Contact fields the form fills when the caller is picked; the agent may overwrite them. */
export function contactFromCaller(user: { email: string; phone: string }): {
  contactEmail: string;
  contactPhone: string;
} {
  return { contactEmail: user.email, contactPhone: user.phone };
}
