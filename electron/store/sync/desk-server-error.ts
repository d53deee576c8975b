// Why a call to the desk server gave no answer the desk can use: DeskServerError, and the reading
// of the server's JSON error answer into one. Never sends a request itself.

import { z } from 'zod';
import { MutationRefusal } from '../../../shared/sync/protocol';
import type { ApiErrorCode } from '../../../shared/sync/server-api';

const FieldErrors = z.record(z.string(), z.string());

/** Why a call to the desk server did not give an answer we can use. */
export class DeskServerError extends Error {
  /** `network`: no answer at all; `http`: an error answer; `bad-answer`: not what the API sends. */
  readonly kind: 'network' | 'http' | 'bad-answer';
  readonly status: number | null;
  readonly code: ApiErrorCode | null;
  readonly expectedMutationId: number | null;
  /** On `client-conflict`: where this desk's push and the server's history part ways. */
  readonly firstConflictingMutationId: number | null;
  /** On `client-conflict`: refusals among the push's mutations before that one. */
  readonly refused: MutationRefusal[];
  readonly retryAfterSeconds: number | null;
  /** On `invalid-input`: the server's message per field of the request. */
  readonly fieldErrors: Record<string, string> | null;

  constructor(
    kind: DeskServerError['kind'],
    message: string,
    extra: {
      status?: number;
      code?: ApiErrorCode;
      expectedMutationId?: number;
      firstConflictingMutationId?: number;
      refused?: MutationRefusal[];
      retryAfterSeconds?: number;
      fieldErrors?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = 'DeskServerError';
    this.kind = kind;
    this.status = extra.status ?? null;
    this.code = extra.code ?? null;
    this.expectedMutationId = extra.expectedMutationId ?? null;
    this.firstConflictingMutationId = extra.firstConflictingMutationId ?? null;
    this.refused = extra.refused ?? [];
    this.retryAfterSeconds = extra.retryAfterSeconds ?? null;
    this.fieldErrors = extra.fieldErrors ?? null;
  }
}

interface ErrorBody {
  error?: {
    code?: unknown;
    message?: unknown;
    expectedMutationId?: unknown;
    firstConflictingMutationId?: unknown;
    refused?: unknown;
    fieldErrors?: unknown;
  };
}

/** The desk server's error answer as a DeskServerError, with what its JSON body says. */
export async function errorOfAnswer(response: Response): Promise<DeskServerError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not our JSON error shape: a proxy or a file server answered.
  }
  const message =
    typeof body.error?.message === 'string'
      ? body.error.message
      : `The desk server answered ${response.status} ${response.statusText}.`;
  const retryAfter = Number(response.headers.get('retry-after'));
  const refused = MutationRefusal.array().safeParse(body.error?.refused);
  const fieldErrors = FieldErrors.safeParse(body.error?.fieldErrors);
  return new DeskServerError('http', message, {
    status: response.status,
    ...(typeof body.error?.code === 'string' ? { code: body.error.code as ApiErrorCode } : {}),
    ...(typeof body.error?.expectedMutationId === 'number'
      ? { expectedMutationId: body.error.expectedMutationId }
      : {}),
    ...(typeof body.error?.firstConflictingMutationId === 'number'
      ? { firstConflictingMutationId: body.error.firstConflictingMutationId }
      : {}),
    ...(refused.success ? { refused: refused.data } : {}),
    ...(fieldErrors.success ? { fieldErrors: fieldErrors.data } : {}),
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
  });
}
