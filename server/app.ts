// Builds the desk server: a Fastify app over an open database, with every route, the error
// shape, CORS for the desktop app and the browser build at `/`. It never opens or migrates a database.

import { existsSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import path from 'node:path';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { API_PREFIX } from '../shared/sync/server-api';
import { adminRoutes } from './admin/routes';
import { DEFAULT_SIGN_IN_LIMITS, sessionRoutes } from './auth/routes';
import { directoryWriterFor } from './auth/directory-writer';
import { hashPassword } from './auth/passwords';
import { createSessions, DEFAULT_AUTH_SETTINGS, type AuthSettings } from './auth/sessions';
import { setupRoutes } from './auth/setup-routes';
import type { ServerDatabase } from './db/open-database';
import type { PhoneRegion } from './directory/phone-e164';
import { directoryRoutes } from './directory/routes';
import { exportRoutes } from './export/routes';
import { authenticateBeforeBody } from './http/authenticate-first';
import { DEFAULT_ALLOWED_ORIGINS, registerCors } from './http/cors';
import { registerCompression } from './http/compression';
import { apiNotFound, registerErrorHandling } from './http/error-handling';
import { healthRoutes } from './http/health';
import { historyRoutes } from './history/routes';
import { DEFAULT_HTTP_LIMITS, httpServerOptions, type HttpLimits } from './http/http-limits';
import { SESSION_HOLD_MS, recentSessions } from './http/recent-sessions';
import { isSourceMap, registerSecurityHeaders } from './http/security-headers';
import { registerTextGuard } from './http/text-guard';
import type { RouteDeps } from './http/route-deps';
import { interactionRoutes } from './interactions/routes';
import { silentLogger, type Logger } from './logger';
import {
  createEventStreams,
  DEFAULT_STREAM_RECHECK_MS,
  DEFAULT_STREAMS_PER_TOKEN,
} from './sync/event-stream';
import { syncRoutes } from './sync/routes';
import { taskRoutes } from './tasks/routes';
import { callRoutes } from './phone/call-routes';
import { templateRoutes } from './templates/routes';
import { reportRoutes } from './reports/report-routes';
import { ctiRoutes } from './phone/cti-routes';
import { kioskRoutes } from './walk-up/kiosk-routes';
import { lobbyRoutes } from './walk-up/lobby-routes';
import { visitRoutes } from './walk-up/visit-routes';

/** The browser build's files under assets/ are named by their content (Vite's hashes). */
const HASHED_DIR = 'assets';

/** How long a browser may keep a file of the browser build without asking the server again. */
export function cacheControlOf(relativePath: string): string {
  const [top] = relativePath.split(/[\\/]/);
  return top === HASHED_DIR && relativePath.length > HASHED_DIR.length
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

export interface ServerOptions {
  database: Pick<ServerDatabase, 'db' | 'pokes'>;
  logger?: Logger;
  now?: () => Date;
  auth?: Partial<AuthSettings>;
  /**
   * How long who a token is may be reused (recent-sessions.ts; 1 s by default, 0: never). A test
   * that ends sessions in the database directly and expects the very next request refused sets 0.
   */
  sessionHoldMs?: number;
  /** The browser build to serve at `/` (e.g. dist/web); skipped when absent or missing. */
  webRoot?: string | null;
  /** Origins other than the server's own that may call the API; the desktop app's app://deskpad always may. */
  allowedOrigins?: readonly string[];
  /**
   * Cap on sign-in requests per address, all user names together (a tighter one per user name
   * and address is on too); false turns both off (tests sign in often).
   */
  signInRateLimit?: { max: number; timeWindowMs: number } | false;
  sseHeartbeatMs?: number;
  /** Event streams one token may hold at once (3); a further one closes the oldest. */
  sseStreamsPerToken?: number;
  /** How often open event streams' sessions are re-checked against the database (5 s). */
  sseRecheckMs?: number;
  /**
   * Behind a reverse proxy: take the client address from X-Forwarded-For. true trusts every
   * hop, a number that many hops, a string the proxies' addresses or CIDRs (comma-separated).
   */
  trustProxy?: boolean | number | string;
  /** Header, whole-request and idle timeouts; DEFAULT_HTTP_LIMITS for what is not given. */
  httpLimits?: Partial<HttpLimits>;
  /** Imports and LDAP: the region of phone numbers without a country code (US by default). */
  phoneRegion?: PhoneRegion;
  /** Where uploaded import files wait (`<data>/imports`); a temp directory when unset. */
  importDir?: string;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const loggerInstance: FastifyBaseLogger = options.logger ?? silentLogger();
  const trust = options.trustProxy ?? false;
  const app = Fastify<Server, IncomingMessage, ServerResponse>({
    loggerInstance,
    // A number n trusts the n nearest hops (Fastify's types take it as a function).
    trustProxy: typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust,
    bodyLimit: 1024 * 1024,
    ...httpServerOptions({ ...DEFAULT_HTTP_LIMITS, ...options.httpLimits }),
  });
  registerErrorHandling(app);
  // app://deskpad is always allowed, whatever else the command line names (decision 0004).
  registerCors(app, [...DEFAULT_ALLOWED_ORIGINS, ...(options.allowedOrigins ?? [])]);
  await registerSecurityHeaders(app);
  registerTextGuard(app);
  // Before every route, the browser build's files included: the plugin hooks routes as they are added.
  await registerCompression(app);
  await app.register(fastifyRateLimit, { global: false });

  const deps: RouteDeps = {
    db: options.database.db,
    pokes: options.database.pokes,
    now,
    ...(options.phoneRegion ? { phoneRegion: options.phoneRegion } : {}),
    ...(options.importDir ? { importDir: options.importDir } : {}),
    // Who a token is, held for a second (recent-sessions.ts): one database read per desk request.
    sessions: recentSessions(
      createSessions(options.database.db, now, { ...DEFAULT_AUTH_SETTINGS, ...options.auth }),
      now,
      { holdMs: options.sessionHoldMs ?? SESSION_HOLD_MS },
    ),
  };
  // After CORS (a refusal still carries its headers), before any body is read.
  authenticateBeforeBody(app, deps.sessions);
  const streams = createEventStreams(deps.pokes, {
    heartbeatMs: options.sseHeartbeatMs ?? 25_000,
    perToken: options.sseStreamsPerToken ?? DEFAULT_STREAMS_PER_TOKEN,
    recheckMs: options.sseRecheckMs ?? DEFAULT_STREAM_RECHECK_MS,
    living: (tokenHashes) => deps.sessions.living(tokenHashes),
    logger: loggerInstance,
  });
  app.addHook('preClose', (done) => {
    streams.closeAll();
    done();
  });

  const signInRateLimit = options.signInRateLimit ?? DEFAULT_SIGN_IN_LIMITS.perAddress;
  sessionRoutes(app, deps, { signInRateLimit });
  setupRoutes(
    app,
    deps,
    { now, writeDirectory: directoryWriterFor(options.database, now), hashPassword },
    signInRateLimit,
  );
  syncRoutes(app, deps, streams);
  directoryRoutes(app, deps);
  interactionRoutes(app, deps);
  historyRoutes(app, deps);
  visitRoutes(app, deps);
  taskRoutes(app, deps);
  kioskRoutes(app, deps);
  adminRoutes(app, deps);
  exportRoutes(app, deps);
  lobbyRoutes(app, deps);
  ctiRoutes(app, deps);
  callRoutes(app, deps);
  templateRoutes(app, deps);
  reportRoutes(app, deps);
  healthRoutes(app, deps.db);

  const webRoot = options.webRoot ? path.resolve(options.webRoot) : null;
  const serveWeb = webRoot !== null && existsSync(path.join(webRoot, 'index.html'));
  if (serveWeb)
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: true,
      index: 'index.html',
      // The build writes each file compressed beside itself (tooling/precompress.ts): sent as it
      // is, instead of compressed again on every request at a lower setting.
      preCompressed: true,
      // Which copy a client gets depends on what it accepts: a cache in between must know. The
      // build names every file under assets/ by its content, so a browser keeps those without
      // asking again (a script fetched ahead is then used as it is); the pages, the service worker
      // and the few files named as written are checked with the server at each use.
      cacheControl: false,
      setHeaders: (res, filePath) => {
        res.setHeader('Vary', 'Accept-Encoding');
        res.setHeader('Cache-Control', cacheControlOf(path.relative(webRoot, filePath)));
      },
      // Source maps (the service worker's too) stay on the build machine.
      allowedPath: (pathName) => !isSourceMap(pathName),
    });

  app.setNotFoundHandler(async (request, reply) => {
    const isApi =
      request.url === API_PREFIX ||
      request.url.startsWith(`${API_PREFIX}/`) ||
      request.url.startsWith('/api/');
    // The browser app routes on the client: an unknown page is the app's, an unknown API path is a 404.
    if (serveWeb && !isApi && request.method === 'GET' && !isSourceMap(request.url))
      return reply.sendFile('index.html');
    throw apiNotFound(request.method, request.url);
  });
  return app;
}
