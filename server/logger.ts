// The server's structured log (pino). One factory, so the CLI, tests and Fastify agree on the
// shape; it must never log a password, a token or an Authorization header — nor a secret that
// travels in a URL path (a phone system's CTI token: POST /api/v1/cti/{token}).

import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/** Path segments that are secrets, and what they are replaced with in the log. */
const SECRET_IN_PATH = /(\/api\/v1\/cti\/)[^/?#]+/gi;

/** A request URL as it may be logged: secrets in the path masked. */
export const loggableUrl = (url: string): string => url.replace(SECRET_IN_PATH, '$1[redacted]');

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  hostname?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Fastify's request fields (method, url, host, address), the URL without its secrets. */
function requestSerializer(req: LoggedRequest) {
  return {
    method: req.method,
    url: typeof req.url === 'string' ? loggableUrl(req.url) : req.url,
    host: req.host ?? req.hostname,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

export function createLogger(
  level: string = process.env.LOG_LEVEL ?? 'info',
  destination?: DestinationStream,
): Logger {
  const options = {
    level,
    redact: {
      paths: ['req.headers.authorization', 'password', '*.password', 'token', '*.token'],
      censor: '[redacted]',
    },
    serializers: { req: requestSerializer },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** For tests: a logger that writes nothing. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
