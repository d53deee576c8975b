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

/**
 * Rows sent as ONE JSON parameter and read back as a relation (`json_to_recordset`): a batch of
 * thousands of rows costs one bind parameter, not one per value. `columns` (trusted constants,
 * never input) names each field and its SQL type, in the order `alias.*` yields them.
 */
export function jsonRecordset(
  rows: readonly object[],
  columns: Readonly<Record<string, string>>,
  alias: string,
): RawBuilder<unknown> {
  const shape = Object.entries(columns)
    .map(([name, type]) => `${name} ${type}`)
    .join(', ');
  return sql`json_to_recordset(${JSON.stringify(rows)}::json) AS ${sql.raw(alias)}(${sql.raw(shape)})`;
}

/** `expression IN (…the strings…)` with the strings as one JSON parameter (any count). */
export function inJsonTexts(
  expression: RawBuilder<unknown>,
  texts: readonly string[],
): RawBuilder<boolean> {
  return sql<boolean>`${expression} IN (SELECT json_array_elements_text(${JSON.stringify(texts)}::json))`;
}

/**
 * An array column's value from strings, sent as one JSON parameter so both drivers store the same
 * thing; null when there are none (the columns keep "none" as null, not as an empty array).
 */
export function textArray(
  values: readonly string[],
  type: 'text' | 'timestamptz',
): RawBuilder<string[] | null> | null {
  if (values.length === 0) return null;
  return sql<
    string[]
  >`ARRAY(SELECT json_array_elements_text(${JSON.stringify(values)}::json)::${sql.raw(type)})`;
}
