// The one way a handler says "no": an ApiError becomes `{ error: { code, message, … } }` with its
// HTTP status. Also turns zod's issues on a bad input into a 400 with per-field messages.

import type { z } from 'zod';
import type { ApiErrorBody, ApiErrorCode } from '../../shared/sync/server-api';

export interface ApiErrorExtra {
  fieldErrors?: Record<string, string>;
  expectedMutationId?: number;
  firstConflictingMutationId?: number;
  refused?: ApiErrorBody['error']['refused'];
  /** Seconds, for 429 answers. */
  retryAfter?: number;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly extra: ApiErrorExtra;

  constructor(status: number, code: ApiErrorCode, message: string, extra: ApiErrorExtra = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.extra = extra;
  }

  body(): ApiErrorBody {
    const error: ApiErrorBody['error'] = { code: this.code, message: this.message };
    if (this.extra.fieldErrors) error.fieldErrors = this.extra.fieldErrors;
    if (this.extra.expectedMutationId !== undefined)
      error.expectedMutationId = this.extra.expectedMutationId;
    if (this.extra.firstConflictingMutationId !== undefined)
      error.firstConflictingMutationId = this.extra.firstConflictingMutationId;
    if (this.extra.refused !== undefined) error.refused = this.extra.refused;
    return { error };
  }
}

/**
 * Parses `value` or throws a 400 that names each wrong field by its full path
 * (`mutations.3.at`), so whoever wrote the request can find it; `_` is the input as a whole.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.') || '_';
    fieldErrors[field] ??= issue.message;
  }
  const described = Object.entries(fieldErrors)
    .slice(0, 3)
    .map(([field, message]) => (field === '_' ? message : `${field}: ${message}`));
  throw new ApiError(400, 'invalid-input', described.join(' '), { fieldErrors });
}
