// Where a record change sits in the pull order, and the pull cursor that names it: the writing
// transaction's id (xid8) and the row's version. Never hands out a cursor past the safe horizon.

import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';

/** Rows with a greater (xid, version) are after this position. Written before 0005: xid 0. */
export interface ChangePosition {
  xid: bigint;
  version: number;
}

export const START: ChangePosition = { xid: 0n, version: 0 };

export const comparePositions = (a: ChangePosition, b: ChangePosition): number =>
  a.xid === b.xid ? a.version - b.version : a.xid < b.xid ? -1 : 1;

export const laterOf = (a: ChangePosition, b: ChangePosition): ChangePosition =>
  comparePositions(a, b) >= 0 ? a : b;

/**
 * What a pull's snapshot says about transactions: every one below `horizon` has ended (its rows
 * are visible or never will be); `next` is the first id not yet handed out.
 */
export interface SnapshotBounds {
  horizon: bigint;
  next: bigint;
}

/** From the transaction's own snapshot (REPEATABLE READ: the one its reads see). */
export async function readSnapshotBounds(trx: Transaction<Database>): Promise<SnapshotBounds> {
  const { rows } = await sql<{ horizon: string; next: string }>`
    SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon,
           pg_snapshot_xmax(pg_current_snapshot())::text AS next`.execute(trx);
  const row = rows[0];
  if (!row) throw new Error('pg_current_snapshot answered nothing');
  return { horizon: BigInt(row.horizon), next: BigInt(row.next) };
}

export const encodeRecordCursor = (databaseId: string, at: ChangePosition): string =>
  `${databaseId}.${at.xid}.${at.version}`;

export interface RecordCursor {
  after: ChangePosition;
  /** The desk must drop what it holds of the server's state and start over. */
  reset: boolean;
}

/**
 * Reads a pull cursor. `<database>.<xid>.<version>` since 0005; `<database>.<version>` (0004 and
 * before) is the position (0, version). One from another database, or from a future this one never
 * reached (a restored or reset database), starts the desk over.
 */
export function decodeRecordCursor(
  cursor: string | null | undefined,
  databaseId: string,
  bounds: { next: bigint; legacyHead: number },
): RecordCursor {
  if (cursor === null || cursor === undefined) return { after: START, reset: false };
  const match = /^([0-9a-f]{32})\.(?:(\d{1,20})\.)?(\d{1,15})$/.exec(cursor);
  if (!match) {
    throw new ApiError(400, 'invalid-input', 'The cursor is not one this server gave out.', {
      fieldErrors: { cursor: 'Use the cursor from the previous answer, or none to start over.' },
    });
  }
  const xid = match[2] === undefined ? 0n : BigInt(match[2]);
  const version = Number(match[3]);
  const future = xid === 0n ? version > bounds.legacyHead : xid > bounds.next;
  if (match[1] !== databaseId || future) return { after: START, reset: true };
  return { after: { xid, version }, reset: false };
}
