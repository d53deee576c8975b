// Refuses text PostgreSQL cannot store (NUL, unpaired surrogates) anywhere in the path, query or
// body before a handler sees it, so the database never fails with a 500. A pushed mutation's
// args are left to push.ts, which refuses that one mutation instead of the whole push.

import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../shared/sync/server-api';
import { findUnstorableText } from '../db/storable-text';
import { ApiError } from './api-error';

const MUTATION_ARGS = /^mutations\.\d+\.args$/;

export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const isPush = request.routeOptions.url === `${API_PREFIX}/sync/push`;
    const field =
      findUnstorableText(request.params) ??
      findUnstorableText(request.query) ??
      findUnstorableText(request.body, '', isPush ? (path) => MUTATION_ARGS.test(path) : undefined);
    if (field) {
      throw new ApiError(
        400,
        'invalid-input',
        'Text may not contain the NUL character or broken Unicode.',
        {
          fieldErrors: { [field]: 'Remove the NUL character or broken Unicode from this text.' },
        },
      );
    }
    return Promise.resolve();
  });
}
