// Lets the desktop app (origin app://deskpad) and any configured origins call the API; the
// browser build needs none of this (same origin). It never allows an origin not listed.

import type { FastifyInstance } from 'fastify';
import { POKE_STREAM_HEADER } from '../../shared/sync/protocol';

export const DEFAULT_ALLOWED_ORIGINS = ['app://deskpad'] as const;

export function registerCors(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  const allowed = new Set(allowedOrigins);
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin || !allowed.has(origin)) return;
    void reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      await reply
        .header('access-control-allow-methods', 'GET, POST, DELETE')
        .header(
          'access-control-allow-headers',
          `authorization, content-type, ${POKE_STREAM_HEADER}`,
        )
        .header('access-control-max-age', '600')
        .status(204)
        .send();
    }
  });
}
