// The store API addition for Go to anything (issue 16): one query that finds what the desk holds by
// number, by caller or by words, plus the records the agent opened lately. Shaped to be spread into
// contract.ts's maps. Never handles it. The server's history search (issue 15) is another query.

import { z } from 'zod';
import { RECORD_KINDS, type RecordKind } from '../commands/record-set';
import { Id } from '../domain/directory';
import { MAX_RECENT, type GoToMatch } from '../domain/go-to';

const SearchText = z.string().max(100, 'Search text can be at most 100 characters.');

export const goToQueryInputs = {
  /**
   * Go to anything: records on this desk whose number is (or starts with) the text, whose caller
   * the text finds in the directory, or whose short description holds its words; ranked in that
   * order, each record once. With no text, the recent records. A desk holds only what its role may
   * see (decision 0008), so nothing here is more than the agent may open.
   */
  'goTo.search': z.object({
    query: SearchText,
    recent: z
      .array(z.object({ kind: z.enum(RECORD_KINDS), id: Id }))
      .max(MAX_RECENT)
      .default([]),
    limit: z.number().int().min(1).max(50).default(20),
  }),
} as const;

/** One record Go to anything found, as its row shows it. */
export interface GoToHit {
  kind: RecordKind;
  id: string;
  number: string;
  /** The short description (a visit: the person and the reason; a call: its numbers). */
  title: string;
  /** The caller's name, or null when the record names none. */
  callerName: string | null;
  state: string;
  /** Why it is a hit: the rows say "Number", "Caller", "Words" or "Recent". */
  match: GoToMatch;
  /** When the record last changed. */
  at: string;
  /** A visit or call opens its interaction when it has one. */
  interactionId: string | null;
}

export interface GoToQueryOutputs {
  /** Best first; at most `limit`. */
  'goTo.search': GoToHit[];
}
