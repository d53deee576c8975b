// The store API addition for the server's history (issue 15): asking the desk server's search about
// records this desk does not hold, and opening one (fetched, then kept on the desk). Actions, not
// queries: they need the network and answer "not on this desk" offline. Shaped to be spread into
// contract.ts's maps; never handles them.

import { z } from 'zod';
import { HISTORY_KINDS, type HistoryKind } from '../domain/history-search';
import { HISTORY_SEARCH_LIMITS, type HistoryHit } from '../sync/history-search-api';

/** A server number of the kind's prefix (IMS0001001); a provisional one is never on the server. */
const ServerNumber = z
  .string()
  .regex(/^(IMS|INC|REQ)\d{7,12}$/, 'A record number on the server looks like INC0001001.');

export const historyActionInputs = {
  /**
   * The desk server's history search (GET /api/v1/search) for the text: every record on the
   * server, not only this desk's. Online only; offline it answers `not-ready` in plain words.
   */
  'history.search': z.object({
    query: z
      .string()
      .trim()
      .min(1, 'Type a number, a caller or words to search the history.')
      .max(HISTORY_SEARCH_LIMITS.text, 'Search text can be at most 100 characters.'),
    kind: z.enum(HISTORY_KINDS).optional(),
    limit: z.number().int().min(1).max(HISTORY_SEARCH_LIMITS.max).default(10),
    cursor: z.string().max(400).optional(),
  }),
  /**
   * Opens a record by number: the desk's own copy when it holds one, else fetched from the desk
   * server and kept on the desk (noted as opened by the agent). Offline: `not-found`, saying it is
   * not on this desk.
   */
  'history.open': z
    .strictObject({ kind: z.enum(HISTORY_KINDS), number: ServerNumber })
    .refine(
      (open) =>
        open.number.startsWith({ interaction: 'IMS', incident: 'INC', request: 'REQ' }[open.kind]),
      { message: 'The number is not of that kind of record.', path: ['number'] },
    ),
} as const;

/** A hit of the server's history search as the desk shows it. */
export interface HistoryHitView extends HistoryHit {
  /** Always the server: the box shows these under their own heading. */
  source: 'server';
  /** This desk already holds the record (it opens without the network). */
  onDesk: boolean;
}

export interface HistoryActionOutputs {
  'history.search': { hits: HistoryHitView[]; nextCursor: string | null };
  'history.open': {
    kind: HistoryKind;
    id: string;
    number: string;
    /** `desk`: it was already here; `server`: fetched now and kept on the desk. */
    from: 'desk' | 'server';
  };
}
