// The import's HTTP side: the upload (`POST /api/v1/admin/imports`, the raw file streamed to the
// data directory, admin checked before a byte of the body is read) and the admin operations that
// run, watch, cancel and list imports. Never buffers a file in memory.

import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { IMPORT_UPLOAD_PATH, ImportKind } from '../../shared/admin/import';
import { ApiError, parseInput } from '../http/api-error';
import type { RouteDeps } from '../http/route-deps';
import { ImportRefused, type ImportJobs } from './import-jobs';

const UploadQuery = z.strictObject({
  kind: ImportKind,
  fileName: z.string().trim().min(1).max(255).default('import.csv'),
});

const CODES = {
  400: 'invalid-input',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
} as const;

/** An ImportRefused in the API's error shape. */
export function asApiError(error: unknown): unknown {
  if (!(error instanceof ImportRefused)) return error;
  return new ApiError(error.status, CODES[error.status], error.message);
}

export function registerImportUpload(
  app: FastifyInstance,
  deps: RouteDeps,
  jobs: ImportJobs,
): void {
  // Encapsulated: the raw-stream parser and the route's admin check apply to this route alone.
  void app.register((scope, _options, done) => {
    const bodies = new WeakMap<FastifyRequest, Readable>();
    // The body is not read here: the handler streams it to disk, so no body limit of the app's
    // applies; the upload counts bytes itself (IMPORT_MAX_BYTES).
    scope.addContentTypeParser('*', (request, payload, parsed) => {
      bodies.set(request, payload);
      parsed(null, undefined);
    });
    scope.post(
      IMPORT_UPLOAD_PATH,
      {
        // Before the body: a non-admin gets 401/403 from the headers alone.
        onRequest: async (request) => {
          await deps.sessions.authenticate(request.headers.authorization, ['admin']);
        },
      },
      async (request, reply) => {
        const query = parseInput(UploadQuery, request.query);
        const body = bodies.get(request) ?? request.raw;
        try {
          const upload = await jobs.upload(query.kind, query.fileName, body);
          return await reply.code(201).send(upload);
        } catch (error) {
          // The rest of a refused body is drained unread, so the client hears the answer.
          body.resume();
          throw asApiError(error);
        }
      },
    );
    done();
  });
}
