// Converting between PostgreSQL values and the JavaScript the server works with, identically on
// node-postgres and PGlite. Never hides a value that does not fit: it throws instead.

import { sql, type RawBuilder } from 'kysely';

/** A `bigint` column as a JavaScript number; throws past 2^53 rather than lose digits. */
export function toNumber(value: string | number | bigint): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n))
    throw new RangeError(`Database integer out of range: ${String(value)}`);
  return n;
}

/** Sends a value as JSON text cast to jsonb, so both drivers store the same thing. */
export function jsonb(value: unknown): RawBuilder<string> {
  return sql<string>`${JSON.stringify(value)}::jsonb`;
}
