// The read API's history search (issue 15): `GET /api/v1/search?q=&kind=&limit=&cursor=` over every
// interaction, incident and request on the server, and the hit it answers. Shapes only; the desk's
// store host and integrations read the same answer. Never carries a work note.

import { z } from 'zod';
import { Id } from '../domain/directory';
import { HISTORY_KINDS, historySearchTerms } from '../domain/history-search';
import { whole } from './server-api';

/** Why a record is a hit, best first (the order of the answer). */
export const HISTORY_MATCHES = ['number', 'number-prefix', 'caller', 'words'] as const;
export type HistoryMatch = (typeof HISTORY_MATCHES)[number];

export const HISTORY_SEARCH_LIMITS = { default: 20, max: 50, text: 100 } as const;

export const HistorySearchQuery = z.strictObject({
  q: z
    .string('q is required: a record number, a caller’s name or words of a short description.')
    .trim()
    .min(1, 'q is required: a record number, a caller’s name or words of a short description.')
    .max(HISTORY_SEARCH_LIMITS.text, `q can be at most ${HISTORY_SEARCH_LIMITS.text} characters.`)
    .refine((q) => {
      const terms = historySearchTerms(q);
      return terms.numbers.length > 0 || terms.words.length > 0;
    }, 'q needs a record number or a word of at least 2 letters or digits.'),
  kind: z.enum(HISTORY_KINDS, `kind must be one of: ${HISTORY_KINDS.join(', ')}.`).optional(),
  limit: whole('limit', 1, HISTORY_SEARCH_LIMITS.max).default(HISTORY_SEARCH_LIMITS.default),
  cursor: z.string().max(400, 'The cursor is not one this server gave out.').optional(),
});
export type HistorySearchQuery = z.infer<typeof HistorySearchQuery>;

/** One record the history search found: enough to show its row and to open it by number. */
export const HistoryHit = z.object({
  kind: z.enum(HISTORY_KINDS),
  id: Id,
  number: z.string(),
  shortDescription: z.string(),
  state: z.string(),
  /** The caller (interaction: Opened for; incident: Caller; request: Requested for). */
  callerId: z.string().nullable(),
  /** The caller's name as the directory has it now; null when there is none. */
  callerName: z.string().nullable(),
  match: z.enum(HISTORY_MATCHES),
  openedAt: z.string(),
  updatedAt: z.string(),
});
export type HistoryHit = z.infer<typeof HistoryHit>;

export const HistorySearchResult = z.object({
  /** Best first: exact number, number beginning, caller, words; the newest first within each. */
  hits: z.array(HistoryHit),
  /** Pass as `cursor` (with the same q and kind) for the next page; null on the last. */
  nextCursor: z.string().nullable(),
});
export type HistorySearchResult = z.infer<typeof HistorySearchResult>;
