// How long the desk server waits for a client: headers, the whole request, an idle kept-alive
// connection. Turns them into Fastify's and Node's (http.createServer) options; never opens a socket.

import type { ServerOptions } from 'node:http';

export interface HttpLimits {
  /** Until the request's headers have all arrived (also an idle new connection). */
  headersTimeoutMs: number;
  /** Until the whole request, body included, has arrived: a slow body is cut off here. */
  requestTimeoutMs: number;
  /** How long a kept-alive connection may sit idle between requests. */
  keepAliveTimeoutMs: number;
}

/**
 * A full push (8 MiB) needs ~2.2 Mbit/s to arrive within 30 s; a desk on a slower link retries
 * smaller batches. Idle connections go after 30 s, which is longer than a desk's pull interval
 * under load and shorter than any slow-loris needs.
 */
export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 30_000,
};

/**
 * Node checks the header and request timeouts every `connectionsCheckingInterval` (30 s by
 * default), so a limit of 30 s could hold a connection for 60: check at a quarter of the
 * shortest limit, between 250 ms and 2 s.
 */
export function httpServerOptions(limits: HttpLimits): {
  requestTimeout: number;
  keepAliveTimeout: number;
  http: ServerOptions;
} {
  const shortest = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  const headersTimeoutMs = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  return {
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    http: {
      headersTimeout: headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.max(250, Math.min(2000, Math.floor(shortest / 4))),
    },
  };
}
