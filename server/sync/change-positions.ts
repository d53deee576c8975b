// Where a record change sits in the pull order, and the pull cursor that names it: the writing
// transaction's id (xid8) and the row's version. Never hands out a cursor past the safe horizon.

import { ApiError } from '../http/api-error';
import type { ScopeTag } from './desk-scope';

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
 * What the snapshot that answered a cursor at (xid, 0) had already shown: every transaction from
 * the cursor's xid up to `until` had ended then, except `running`. A pull from that cursor needs
 * only rows of those and of later transactions; the others it answered already.
 */
export interface SeenBefore {
  until: bigint;
  running: readonly bigint[];
}

/** Pull cursors are at most this long (SyncCursor); a longer record of what was seen is left out. */
const CURSOR_MAX = 100;

/**
 * `<database>.<xid>.<version>`, and after a horizon cursor's `.<span>.<running>`: the span to
 * `until` in base 36 and the running transactions as a bitmap over it (base64url); after a page's
 * end, `^<xid>`: the horizon the desk's catch-up started from (`base`); then, for a scoped pull,
 * `~<digest>.<days>`: the scope its rows were chosen by (desk-scope.ts).
 */
export function encodeRecordCursor(
  databaseId: string,
  at: ChangePosition,
  seen?: SeenBefore,
  scope?: ScopeTag,
  base?: bigint,
): string {
  const tag = scope ? `~${scope.digest}.${scope.recentDays}` : '';
  const from = base !== undefined && at.version !== 0 ? `^${base}` : '';
  const plain = `${databaseId}.${at.xid}.${at.version}${from}${tag}`;
  if (!seen || at.version !== 0 || seen.until < at.xid) return plain;
  const span = Number(seen.until - at.xid);
  if (span > CURSOR_MAX * 6) return plain;
  const bits = Buffer.alloc(Math.ceil(span / 8));
  for (const xid of seen.running) {
    const i = Number(xid - at.xid);
    if (i >= 0 && i < span) bits[i >> 3] = (bits[i >> 3] ?? 0) | (1 << (i & 7));
  }
  const full = `${databaseId}.${at.xid}.${at.version}.${span.toString(36)}.${bits.toString('base64url')}${tag}`;
  return full.length <= CURSOR_MAX ? full : plain;
}

export interface RecordCursor {
  after: ChangePosition;
  seen?: SeenBefore;
  /**
   * A page's end only: where the desk's catch-up started, as a transaction id (every row of a
   * transaction below it had been passed by the desk's pulls before it; 0 from the start). See
   * pull.ts's catchUpBase and pull-linked.ts.
   */
  base?: bigint;
  /** The scope the rows up to here were chosen by; none when every row was (an unscoped pull). */
  scope?: ScopeTag;
  /** The desk must drop what it holds of the server's state and start over. */
  reset: boolean;
}

const invalidCursor = () =>
  new ApiError(400, 'invalid-input', 'The cursor is not one this server gave out.', {
    fieldErrors: { cursor: 'Use the cursor from the previous answer, or none to start over.' },
  });

/**
 * Reads a pull cursor. `<database>.<xid>.<version>[.<span>.<running>]` since 0005;
 * `<database>.<version>` (0004 and before) is the position (0, version). One from another
 * database, or from a future this one never reached (a restored or reset database), starts the
 * desk over.
 */
export function decodeRecordCursor(
  cursor: string | null | undefined,
  databaseId: string,
  bounds: { next: bigint; legacyHead: number },
): RecordCursor {
  if (cursor === null || cursor === undefined) return { after: START, reset: false };
  const match =
    /^([0-9a-f]{32})\.(?:(\d{1,20})\.)?(\d{1,15})(?:\.([0-9a-z]{1,3})\.([A-Za-z0-9_-]*))?(?:\^(\d{1,20}))?(?:~([A-Za-z0-9_-]{8})\.(\d{1,4}))?$/.exec(
      cursor,
    );
  if (!match || (match[4] !== undefined && match[2] === undefined)) throw invalidCursor();
  const xid = match[2] === undefined ? 0n : BigInt(match[2]);
  const version = Number(match[3]);
  // Only a page's end carries a catch-up's base.
  const base = match[6] === undefined ? undefined : BigInt(match[6]);
  if (base !== undefined && (version === 0 || match[2] === undefined)) throw invalidCursor();
  let seen: SeenBefore | undefined;
  if (match[4] !== undefined) {
    const span = parseInt(match[4], 36);
    const bits = Buffer.from(match[5] ?? '', 'base64url');
    if (version !== 0 || bits.length !== Math.ceil(span / 8)) throw invalidCursor();
    const running: bigint[] = [];
    for (let i = 0; i < span; i++)
      if (((bits[i >> 3] ?? 0) >> (i & 7)) & 1) running.push(xid + BigInt(i));
    seen = { until: xid + BigInt(span), running };
  }
  const future =
    xid === 0n
      ? version > bounds.legacyHead
      : xid > bounds.next || (seen?.until ?? 0n) > bounds.next || (base ?? 0n) > bounds.next;
  if (match[1] !== databaseId || future) return { after: START, reset: true };
  const scope =
    match[7] !== undefined ? { digest: match[7], recentDays: Number(match[8]) } : undefined;
  return {
    after: { xid, version },
    ...(seen ? { seen } : {}),
    ...(base !== undefined ? { base } : {}),
    ...(scope ? { scope } : {}),
    reset: false,
  };
}
