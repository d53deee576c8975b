// A small HTTP proxy in front of the desk server that breaks requests on purpose: drops them before or after
// the server commits, delays, answers 500/503, or refuses connections. It never changes a byte it passes on.

import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { Socket } from 'node:net';

/** What the proxy does with one request. */
export type FaultAction =
  /** Forward it and stream the answer back untouched. */
  | { kind: 'pass' }
  /** Cut the desk's connection before anything reaches the server. */
  | { kind: 'drop-request' }
  /** Forward it, let the server answer (so it has committed), then cut the desk's connection. */
  | { kind: 'drop-answer' }
  /**
   * Swallow it: never forward, never answer, never close (a half-open connection, a hung middlebox).
   * Only the proxy closing ends it.
   */
  | { kind: 'hang' }
  /** Forward it, then hold the server's answer this long before passing it on. */
  | { kind: 'delay'; ms: number }
  /**
   * Answer `status` itself. `afterServer`: forward first and wait for the server's answer (it has
   * committed), then answer the error instead.
   */
  | { kind: 'status'; status: number; retryAfterSeconds?: number; afterServer?: boolean };

export interface ProxiedRequest {
  method: string;
  /** The path without the query, e.g. /api/v1/sync/push */
  path: string;
}

export type FaultPlan = (request: ProxiedRequest) => FaultAction;

export interface ProxyLogEntry extends ProxiedRequest {
  action: FaultAction['kind'];
  /** The status the server answered, when it was asked. */
  serverStatus: number | null;
}

export const PUSH = 'POST /api/v1/sync/push';
export const PULL = 'POST /api/v1/sync/pull';

export const passEverything: FaultPlan = () => ({ kind: 'pass' });

export interface FaultProxy {
  /** e.g. http://127.0.0.1:41234 — what the desks use as their desk server. */
  readonly url: string;
  setPlan(plan: FaultPlan): void;
  /** Where requests go (the desk server may come back on another port). */
  setTarget(url: string): void;
  /** Stops listening and cuts every open connection: desks get "connection refused". */
  refuseConnections(): Promise<void>;
  /** Listens again on the same port. */
  acceptConnections(): Promise<void>;
  /** Every request seen, in arrival order. */
  readonly log: ProxyLogEntry[];
  count(what: string, action?: FaultAction['kind']): number;
  /**
   * Resolves when the next request matching `what` (e.g. PUSH) has been handed to the server
   * in full: from then on the server may commit at any instant.
   */
  nextForwarded(what: string): Promise<void>;
  close(): Promise<void>;
}

const keyOf = (r: ProxiedRequest): string => `${r.method} ${r.path}`;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade']);

function forwardedHeaders(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  return out;
}

export async function startFaultProxy(target: string, port = 0): Promise<FaultProxy> {
  let targetUrl = new URL(target);
  let plan: FaultPlan = passEverything;
  const log: ProxyLogEntry[] = [];
  const sockets = new Set<Socket>();
  const forwarded = new EventEmitter();
  const upstreamAgent = new http.Agent({ keepAlive: true });

  const cut = (request: http.IncomingMessage): void => {
    request.socket.destroy();
  };

  const handle = (request: http.IncomingMessage, response: http.ServerResponse): void => {
    const info: ProxiedRequest = {
      method: request.method ?? 'GET',
      path: new URL(request.url ?? '/', 'http://proxy').pathname,
    };
    const action = plan(info);
    const entry: ProxyLogEntry = { ...info, action: action.kind, serverStatus: null };
    log.push(entry);

    if (action.kind === 'drop-request') {
      request.resume();
      cut(request);
      return;
    }
    if (action.kind === 'hang') {
      request.resume();
      return;
    }
    if (action.kind === 'status' && !action.afterServer) {
      request.resume();
      request.once('end', () => answerStatus(response, action.status, action.retryAfterSeconds));
      return;
    }

    const upstream = http.request(
      {
        host: targetUrl.hostname,
        port: targetUrl.port,
        method: info.method,
        path: request.url,
        headers: forwardedHeaders(request.headers),
        agent: upstreamAgent,
      },
      (answer) => {
        entry.serverStatus = answer.statusCode ?? null;
        // The server's answer is not cut short when the desk goes away; a dead desk is its own fault case.
        answer.on('error', () => cut(request));
        if (action.kind === 'drop-answer') {
          answer.resume();
          answer.once('end', () => cut(request));
          return;
        }
        if (action.kind === 'status') {
          answer.resume();
          answer.once('end', () => answerStatus(response, action.status, action.retryAfterSeconds));
          return;
        }
        const relay = (): void => {
          if (request.socket.destroyed) {
            answer.resume();
            return;
          }
          response.writeHead(answer.statusCode ?? 502, forwardedHeaders(answer.headers));
          response.flushHeaders();
          answer.pipe(response);
        };
        if (action.kind === 'delay') setTimeout(relay, action.ms);
        else relay();
      },
    );
    // The server died or refused: to the desk it looks like a dead connection, as without a proxy.
    upstream.on('error', () => cut(request));
    request.on('error', () => upstream.destroy());
    // A desk that goes away (closed store host, aborted fetch) aborts what it asked for, as TCP would.
    response.on('close', () => {
      if (!response.writableFinished) upstream.destroy();
    });
    request.pipe(upstream);
    request.once('end', () => forwarded.emit(keyOf(info)));
  };

  const server = http.createServer(handle);
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  const listen = (onPort: number): Promise<number> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(onPort, '127.0.0.1', () => {
        server.off('error', reject);
        const address = server.address();
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('the proxy has no port'));
      });
    });

  const stopListening = async (): Promise<void> => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };

  const boundPort = await listen(port);
  return {
    url: `http://127.0.0.1:${boundPort}`,
    setPlan(next) {
      plan = next;
    },
    setTarget(url) {
      targetUrl = new URL(url);
    },
    refuseConnections: async () => {
      if (server.listening) await stopListening();
    },
    acceptConnections: async () => {
      if (!server.listening) await listen(boundPort);
    },
    log,
    count(what, action) {
      return log.filter((e) => keyOf(e) === what && (action === undefined || e.action === action))
        .length;
    },
    nextForwarded(what) {
      return new Promise((resolve) => forwarded.once(what, () => resolve()));
    },
    async close() {
      if (server.listening) await stopListening();
      upstreamAgent.destroy();
    },
  };
}

function answerStatus(
  response: http.ServerResponse,
  status: number,
  retryAfterSeconds: number | undefined,
): void {
  if (response.destroyed) return;
  const body = JSON.stringify({
    error: { code: 'internal', message: `The fault proxy answered ${status}.` },
  });
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    ...(retryAfterSeconds !== undefined ? { 'retry-after': String(retryAfterSeconds) } : {}),
  });
  response.end(body);
}
