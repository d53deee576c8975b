// What every read API list and record answer shares: the newest-first page cursor and leaving work
// notes out. Never answers a work note that the caller did not ask for by name (`include=workNotes`).

import { z } from 'zod';
import { ApiError } from './api-error';

const PageCursor = z.strictObject({ before: z.int().min(1).max(Number.MAX_SAFE_INTEGER) });

/** The cursor of the page after the one that ended at this number's sequence value. */
export const encodePage = (seq: number): string =>
  Buffer.from(JSON.stringify({ before: seq })).toString('base64url');

/** The sequence value the next page stays below; undefined for the first page. */
export function decodePage(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  try {
    return PageCursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))).before;
  } catch {
    throw new ApiError(400, 'invalid-input', 'The cursor is not one this server gave out.', {
      fieldErrors: { cursor: 'Use nextCursor from the previous page, or none for the first page.' },
    });
  }
}

/** Interactions, incidents and requests all keep work notes. */
interface Noted {
  workNotes: unknown;
}

/** A record as the read API answers it: its work notes only when asked for. */
export type Shown<T extends Noted> = Omit<T, 'workNotes'> & Partial<Pick<T, 'workNotes'>>;

/** Work notes are internal (invariant 3): an integration gets them only by asking for them. */
export function shown<T extends Noted>(record: T, include: 'workNotes' | undefined): Shown<T> {
  if (include === 'workNotes') return record;
  const { workNotes: _internal, ...rest } = record;
  return rest;
}

/**
 * One newest-first page from rows read with `limit + 1` (the extra row only says there is more):
 * the records as shown and the cursor of the next page, null on the last.
 */
export function readApiPage<T extends Noted>(
  rows: readonly { record: T; seq: number }[],
  limit: number,
  include: 'workNotes' | undefined,
): { records: Shown<T>[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    records: page.map((r) => shown(r.record, include)),
    nextCursor: rows.length > limit && last ? encodePage(last.seq) : null,
  };
}
