// Turns every failure into the one JSON error shape: ApiErrors as they are, Fastify's own 4xx
// (bad JSON, too large, wrong media type) in words a person can read, anything else as a 500.

import type { FastifyError, FastifyInstance } from 'fastify';
import type { ApiErrorCode } from '../../shared/sync/server-api';
import { API_PREFIX } from '../../shared/sync/server-api';
import { ApiError } from './api-error';

function fromFastify(error: FastifyError): ApiError | null {
  const status = error.statusCode;
  if (status === undefined || status < 400 || status >= 500) return null;
  const byCode: Record<string, [ApiErrorCode, string]> = {
    FST_ERR_CTP_INVALID_JSON_BODY: ['invalid-input', 'The request body is not valid JSON.'],
    FST_ERR_CTP_EMPTY_JSON_BODY: [
      'invalid-input',
      'The request body is empty; send a JSON object.',
    ],
    FST_ERR_CTP_BODY_TOO_LARGE: ['payload-too-large', 'The request body is too large.'],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: [
      'unsupported-media-type',
      'Send the request body as application/json.',
    ],
  };
  const known = error.code ? byCode[error.code] : undefined;
  if (known) return new ApiError(status, known[0], known[1]);
  if (status === 413)
    return new ApiError(413, 'payload-too-large', 'The request body is too large.');
  if (status === 415)
    return new ApiError(
      415,
      'unsupported-media-type',
      'Send the request body as application/json.',
    );
  if (status === 429)
    return new ApiError(
      429,
      'too-many-requests',
      'Too many requests. Wait a minute and try again.',
    );
  if (status === 404) return new ApiError(404, 'not-found', 'There is nothing here.');
  // JSON.parse's SyntaxError and the prototype-poisoning guard both arrive as plain 400s.
  if (error instanceof SyntaxError || status === 400)
    return new ApiError(400, 'invalid-input', 'The request body is not valid JSON.');
  return new ApiError(status, 'invalid-input', 'The request could not be read.');
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = error instanceof ApiError ? error : fromFastify(error);
    if (known) {
      if (known.extra.retryAfter !== undefined)
        void reply.header('retry-after', String(known.extra.retryAfter));
      return reply.status(known.status).send(known.body());
    }
    request.log.error({ err: error }, 'request failed');
    return reply
      .status(500)
      .send(
        new ApiError(
          500,
          'internal',
          'Something went wrong on the desk server. Try again in a moment.',
        ).body(),
      );
  });
}

export function apiNotFound(method: string, url: string): ApiError {
  const path = url.split('?')[0] ?? url;
  return new ApiError(
    404,
    'not-found',
    `There is no ${method} ${path} in the Deskpad API (${API_PREFIX}).`,
  );
}
