// The security headers on every answer of the desk server, pages and API alike, through
// @fastify/helmet: the same strict policy as scripts/web-server.mjs. Never loosens it per route.

import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Mirrors scripts/web-server.mjs and electron/main/content-security-policy.ts: our own scripts,
 * workers (the store worker, the service worker) and styles only; no eval, nothing inline, no
 * framing. A test keeps this and the web server's policy equal.
 */
export const CONTENT_SECURITY_POLICY_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  workerSrc: ["'self'"],
  connectSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'none'"],
  baseUri: ["'none'"],
} as const;

const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=()';

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      // Helmet's defaults add upgrade-insecure-requests, which breaks a desk server on plain http.
      useDefaults: false,
      directives: Object.fromEntries(
        Object.entries(CONTENT_SECURITY_POLICY_DIRECTIVES).map(([k, v]) => [k, [...v]]),
      ),
    },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    // The desktop app (app://deskpad) reads the API with CORS; CORP would only hinder no-cors loads.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // TLS ends at the reverse proxy in front of the server, which owns HSTS.
    strictTransportSecurity: false,
  });
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('permissions-policy', PERMISSIONS_POLICY);
  });
}

/** Source maps of the browser build (and its service worker) are never served. */
export const isSourceMap = (url: string): boolean => /\.map$/i.test(url.split(/[?#]/, 1)[0] ?? '');
