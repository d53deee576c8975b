// The work notes journal: append-only, internal to fulfillers. Nothing here is ever written to
// a requester-facing output; an entry is never edited or removed once added.

import { z } from 'zod';
import { Id } from './directory';
import type { MutationContext } from './interaction';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from './storable-text';

export const WORK_NOTE_MAX = 4000;

export const WorkNoteText = z
  .string()
  .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE)
  .trim()
  .min(1, 'Write the work note before adding it.')
  .max(WORK_NOTE_MAX, `A work note can be at most ${WORK_NOTE_MAX} characters.`);

export const WorkNote = z.object({
  id: Id,
  author: Id,
  authorName: z.string(),
  at: z.string(),
  text: z.string(),
});
export type WorkNote = z.infer<typeof WorkNote>;

/** What a work-note command carries: the record, the note's id (the desk picks it) and its text. */
export const AddWorkNoteArgs = z.object({ id: Id, noteId: Id, text: WorkNoteText });
export type AddWorkNoteArgs = z.infer<typeof AddWorkNoteArgs>;

export function workNoteFrom(id: string, text: string, ctx: MutationContext): WorkNote {
  return {
    id,
    author: ctx.actorId,
    authorName: ctx.directory.userName(ctx.actorId),
    at: ctx.now,
    text,
  };
}

interface Noted {
  workNotes: WorkNote[];
  updatedAt: string;
  updatedBy: string;
}

/** Append-only and idempotent by note id: a retried command never adds the same note twice. */
export function appendWorkNote<T extends Noted>(
  record: T,
  noteId: string,
  text: string,
  ctx: MutationContext,
): T {
  if (record.workNotes.some((n) => n.id === noteId)) return record;
  return {
    ...record,
    workNotes: [...record.workNotes, workNoteFrom(noteId, text, ctx)],
    updatedAt: ctx.now,
    updatedBy: ctx.actorId,
  };
}
