// Builds the desk server: a Fastify app over an open database, with every route, the error
// shape, CORS for the desktop app and the browser build at `/`. It never opens or migrates a database.

import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { API_PREFIX } from '../shared/sync/server-api';
import { DEFAULT_SIGN_IN_LIMITS, sessionRoutes } from './auth/routes';
import { createSessions, DEFAULT_AUTH_SETTINGS, type AuthSettings } from './auth/sessions';
import type { ServerDatabase } from './db/open-database';
import { directoryRoutes } from './directory/routes';
import { DEFAULT_ALLOWED_ORIGINS, registerCors } from './http/cors';
import { apiNotFound, registerErrorHandling } from './http/error-handling';
import { registerTextGuard } from './http/text-guard';
import type { RouteDeps } from './http/route-deps';
import { interactionRoutes } from './interactions/routes';
import { silentLogger, type Logger } from './logger';
import { createEventStreams } from './sync/event-stream';
import { syncRoutes } from './sync/routes';
import { taskRoutes } from './tasks/routes';

export interface ServerOptions {
  database: Pick<ServerDatabase, 'db' | 'pokes'>;
  logger?: Logger;
  now?: () => Date;
  auth?: Partial<AuthSettings>;
  /** The browser build to serve at `/` (e.g. dist/web); skipped when absent or missing. */
  webRoot?: string | null;
  /** Origins other than the server's own that may call the API (the desktop app's app://deskpad). */
  allowedOrigins?: readonly string[];
  /**
   * Cap on sign-in requests per address, all user names together (a tighter one per user name
   * and address is on too); false turns both off (tests sign in often).
   */
  signInRateLimit?: { max: number; timeWindowMs: number } | false;
  sseHeartbeatMs?: number;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy?: boolean;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const loggerInstance: FastifyBaseLogger = options.logger ?? silentLogger();
  const app = Fastify({
    loggerInstance,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
  });
  registerErrorHandling(app);
  registerCors(app, options.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS);
  registerTextGuard(app);
  await app.register(fastifyRateLimit, { global: false });
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('x-content-type-options', 'nosniff');
  });

  const deps: RouteDeps = {
    db: options.database.db,
    pokes: options.database.pokes,
    now,
    sessions: createSessions(options.database.db, now, {
      ...DEFAULT_AUTH_SETTINGS,
      ...options.auth,
    }),
  };
  const streams = createEventStreams(deps.pokes, options.sseHeartbeatMs ?? 25_000);
  app.addHook('preClose', (done) => {
    streams.closeAll();
    done();
  });

  sessionRoutes(app, deps, {
    signInRateLimit: options.signInRateLimit ?? DEFAULT_SIGN_IN_LIMITS.perAddress,
  });
  syncRoutes(app, deps, streams);
  directoryRoutes(app, deps);
  interactionRoutes(app, deps);
  taskRoutes(app, deps);
  app.get(`${API_PREFIX}/health`, (_request, reply) => reply.send({ ok: true }));

  const webRoot = options.webRoot ? path.resolve(options.webRoot) : null;
  const serveWeb = webRoot !== null && existsSync(path.join(webRoot, 'index.html'));
  if (serveWeb)
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: true,
      index: 'index.html',
    });

  app.setNotFoundHandler(async (request, reply) => {
    const isApi =
      request.url === API_PREFIX ||
      request.url.startsWith(`${API_PREFIX}/`) ||
      request.url.startsWith('/api/');
    // The browser app routes on the client: an unknown page is the app's, an unknown API path is a 404.
    if (serveWeb && !isApi && request.method === 'GET') return reply.sendFile('index.html');
    throw apiNotFound(request.method, request.url);
  });
  return app;
}
