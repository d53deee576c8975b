// The one error shape every command and query answers with, across the store port and HTTP.
// Never throws across a boundary: callers branch on `ok`, so a bad input can't crash a window.

export type StoreErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'rule'
  | 'conflict'
  /** The agent's role or relation to the record does not allow it (the permission matrix). */
  | 'not-permitted'
  | 'unknown-operation'
  | 'not-ready'
  | 'internal';

export interface StoreError {
  code: StoreErrorCode;
  /** A sentence a desk agent can read. */
  message: string;
  /** Per-field messages keyed by the field's name in the schema (e.g. `shortDescription`). */
  fieldErrors?: Record<string, string>;
}

export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: StoreError };

export const ok = <T>(value: T): StoreResult<T> => ({ ok: true, value });

export const fail = (
  code: StoreErrorCode,
  message: string,
  fieldErrors?: Record<string, string>,
): { ok: false; error: StoreError } =>
  fieldErrors
    ? { ok: false, error: { code, message, fieldErrors } }
    : { ok: false, error: { code, message } };
