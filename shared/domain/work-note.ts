// The work notes journal: append-only, internal to fulfillers. Nothing here is ever written to
// a requester-facing output; an entry is never edited or removed once added.

import { z } from 'zod';
import { Id } from './directory';
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
