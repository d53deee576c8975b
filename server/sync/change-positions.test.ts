// Pull cursors: what a cursor says survives the round trip, stays within the protocol's length,
// and a cursor the server never gave out is refused.

import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/api-error';
import { decodeRecordCursor, encodeRecordCursor } from './change-positions';

const DB = 'a'.repeat(32);
const bounds = { next: 10_000n, legacyHead: 50 };

describe('record cursors', () => {
  it('round-trips a position, and a horizon with the transactions still running there', () => {
    const plain = encodeRecordCursor(DB, { xid: 900n, version: 17 });
    expect(decodeRecordCursor(plain, DB, bounds)).toEqual({
      after: { xid: 900n, version: 17 },
      reset: false,
    });
    const seen = { until: 950n, running: [900n, 913n, 949n] };
    const horizon = encodeRecordCursor(DB, { xid: 900n, version: 0 }, seen);
    expect(horizon.length).toBeLessThanOrEqual(100);
    expect(decodeRecordCursor(horizon, DB, bounds)).toEqual({
      after: { xid: 900n, version: 0 },
      seen,
      reset: false,
    });
  });

  it('leaves out what was seen when it would not fit, which only costs rows sent again', () => {
    const wide = encodeRecordCursor(DB, { xid: 900n, version: 0 }, { until: 2900n, running: [] });
    expect(wide).toBe(`${DB}.900.0`);
  });

  it('names the sync scope its rows were chosen by, after what was seen, within the length', () => {
    const scope = { digest: 'Ab_-12yZ', recentDays: 3650 };
    const tagged = encodeRecordCursor(DB, { xid: 900n, version: 17 }, undefined, scope);
    expect(tagged).toBe(`${DB}.900.17~Ab_-12yZ.3650`);
    expect(decodeRecordCursor(tagged, DB, bounds)).toEqual({
      after: { xid: 900n, version: 17 },
      scope,
      reset: false,
    });
    const seen = { until: 950n, running: [913n] };
    const horizon = encodeRecordCursor(DB, { xid: 900n, version: 0 }, seen, scope);
    expect(horizon.length).toBeLessThanOrEqual(100);
    expect(decodeRecordCursor(horizon, DB, bounds)).toEqual({
      after: { xid: 900n, version: 0 },
      seen,
      scope,
      reset: false,
    });
    // Too long with what was seen: the scope is kept, what was seen is left out.
    const wide = { until: 1300n, running: [] };
    expect(encodeRecordCursor(DB, { xid: 900n, version: 0 }, wide, scope)).toBe(
      `${DB}.900.0~Ab_-12yZ.3650`,
    );
    for (const bad of [`${DB}.900.1~short.30`, `${DB}.900.1~Ab_-12yZ.`, `${DB}.900.1~Ab_-12yZ`])
      expect(() => decodeRecordCursor(bad, DB, bounds)).toThrow(ApiError);
  });

  it('carries, on a page’s end, the horizon its catch-up started from; never on a horizon', () => {
    const scope = { digest: 'Ab_-12yZ', recentDays: 30 };
    const end = encodeRecordCursor(DB, { xid: 900n, version: 17 }, undefined, scope, 850n);
    expect(end).toBe(`${DB}.900.17^850~Ab_-12yZ.30`);
    expect(end.length).toBeLessThanOrEqual(100);
    expect(decodeRecordCursor(end, DB, bounds)).toEqual({
      after: { xid: 900n, version: 17 },
      base: 850n,
      scope,
      reset: false,
    });
    // A horizon is its own base; a catch-up from the start says so (0); what its snapshot
    // showed may reach above the page's end.
    expect(encodeRecordCursor(DB, { xid: 900n, version: 0 }, undefined, scope, 850n)).toBe(
      `${DB}.900.0~Ab_-12yZ.30`,
    );
    expect(encodeRecordCursor(DB, { xid: 900n, version: 17 }, undefined, undefined, 0n)).toBe(
      `${DB}.900.17^0`,
    );
    expect(decodeRecordCursor(`${DB}.900.17^0`, DB, bounds).base).toBe(0n);
    expect(decodeRecordCursor(`${DB}.900.17^950`, DB, bounds).base).toBe(950n);
    // A base past what the database reached starts the desk over.
    expect(decodeRecordCursor(`${DB}.900.17^10001`, DB, bounds).reset).toBe(true);
    // A base on a horizon, or on a cursor from before 0005: never given out.
    for (const bad of [`${DB}.900.0^850`, `${DB}.42^1`, `${DB}.900.17^`])
      expect(() => decodeRecordCursor(bad, DB, bounds)).toThrow(ApiError);
  });

  it('reads a cursor from before migration 0005 as a version at transaction 0', () => {
    expect(decodeRecordCursor(`${DB}.42`, DB, bounds)).toEqual({
      after: { xid: 0n, version: 42 },
      reset: false,
    });
    expect(decodeRecordCursor(`${DB}.51`, DB, bounds).reset).toBe(true);
  });

  it('starts over from another database or a future transaction; refuses what it never gave out', () => {
    expect(decodeRecordCursor(`${'b'.repeat(32)}.900.1`, DB, bounds).reset).toBe(true);
    expect(decodeRecordCursor(`${DB}.10001.0`, DB, bounds).reset).toBe(true);
    for (const bad of ['nonsense', `${DB}.1.2.3`, `${DB}.900.1.a.AA`, `${DB}.900.0.z.`])
      expect(() => decodeRecordCursor(bad, DB, bounds)).toThrow(ApiError);
  });
});
