// Reads the server's command line and environment into options. Pure: it never opens a file,
// a port or a database, so every flag is testable.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_HISTORY_DAYS } from '../shared/demo/history-generator';
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from './auth/sessions';
import { DEFAULT_PHONE_REGION, parsePhoneRegion, type PhoneRegion } from './directory/phone-e164';
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from './http/http-limits';

export interface CliOptions {
  port: number;
  host: string;
  /** The data directory (PGlite lives in `<data>/pglite`); unused when databaseUrl is set. */
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  demoUsers: number;
  /** Days of demo history before today (shared/demo/history-generator.ts). */
  demoHistoryDays: number;
  webRoot: string;
  /** Besides app://deskpad, which is always allowed. */
  allowedOrigins: string[];
  trustProxy: boolean | number | string;
  httpLimits: HttpLimits;
  /** How long a session lives unused, and at most since sign-in. */
  sessionLifetimes: Pick<AuthSettings, 'sessionIdleMs' | 'sessionMaxMs'>;
  /** The region phone numbers without a country code are read in (imports, LDAP): "GB". */
  phoneRegion: PhoneRegion;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const USAGE = `Usage: npm run server -- [options]

  --port <n>          port to listen on (default 8787, or $PORT)
  --host <address>    address to listen on (default 127.0.0.1; 0.0.0.0 for the whole network)
  --data <dir>        where the embedded database lives (default .deskpad-data)
  --demo              seed the demo directory and demo accounts into an empty database
  --demo-users <n>    how many demo users to generate (default 5000)
  --demo-history-days <n>  days of desk history before today the demo seeds (default 14; 0–90;
                      0 seeds none, not even today's)
  --web <dir>         the browser build to serve at / (default dist/web)
  --allow-origin <o>  another origin allowed to call the API (repeatable; app://deskpad always is)
  --trust-proxy <v>   behind a reverse proxy: take the client's address from X-Forwarded-For.
                      true (every hop), a number of hops, or the proxies' addresses/CIDRs
                      (comma-separated). Off by default: the header is ignored.
  --headers-timeout <s>  seconds a client has to send a request's headers (default 10)
  --request-timeout <s>  seconds a client has to send a whole request, body included (default 30)
  --idle-timeout <s>     seconds a kept-alive connection may stay idle (default 30)
  --session-idle-days <n>  days a session lives after its last use (default 14)
  --session-max-days <n>   days a session lives at most after sign-in, however busy (default 30)
  --phone-region <XX>    the country imported phone numbers without +code belong to
                         (default $DESKPAD_PHONE_REGION, or US)
  --help              show this

Environment: DATABASE_URL=postgres://… uses PostgreSQL instead of the embedded database.
LOG_LEVEL sets the log level (info by default).`;

export type CliParse =
  { ok: true; options: CliOptions } | { ok: false; help: boolean; message: string };

const whole = (
  value: string | undefined,
  name: string,
  min: number,
  max: number,
): number | string => {
  if (value === undefined) return `${name} needs a value`;
  if (!/^\d+$/.test(value)) return `${name} must be a whole number`;
  const n = Number(value);
  return n < min || n > max ? `${name} must be between ${min} and ${max}` : n;
};

export function parseCliOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): CliParse {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        demo: { type: 'boolean' },
        'demo-users': { type: 'string' },
        'demo-history-days': { type: 'string' },
        web: { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        'trust-proxy': { type: 'string' },
        'headers-timeout': { type: 'string' },
        'request-timeout': { type: 'string' },
        'idle-timeout': { type: 'string' },
        'session-idle-days': { type: 'string' },
        'session-max-days': { type: 'string' },
        'phone-region': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    return {
      ok: false,
      help: false,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  const { values } = parsed;
  if (values.help) return { ok: false, help: true, message: USAGE };
  const port = whole(values.port ?? env.PORT ?? '8787', '--port', 0, 65535);
  if (typeof port === 'string') return { ok: false, help: false, message: port };
  const demoUsers = whole(values['demo-users'] ?? '5000', '--demo-users', 1, 1_000_000);
  if (typeof demoUsers === 'string') return { ok: false, help: false, message: demoUsers };
  const demoHistoryDays = whole(
    values['demo-history-days'] ?? String(DEFAULT_HISTORY_DAYS),
    '--demo-history-days',
    0,
    90,
  );
  if (typeof demoHistoryDays === 'string')
    return { ok: false, help: false, message: demoHistoryDays };
  const httpLimits: HttpLimits = { ...DEFAULT_HTTP_LIMITS };
  const timeouts = [
    ['headers-timeout', 'headersTimeoutMs'],
    ['request-timeout', 'requestTimeoutMs'],
    ['idle-timeout', 'keepAliveTimeoutMs'],
  ] as const;
  for (const [flag, key] of timeouts) {
    const n = whole(values[flag] ?? String(httpLimits[key] / 1000), `--${flag}`, 1, 3600);
    if (typeof n === 'string') return { ok: false, help: false, message: n };
    httpLimits[key] = n * 1000;
  }
  const idleDays = whole(
    values['session-idle-days'] ?? String(DEFAULT_AUTH_SETTINGS.sessionIdleMs / DAY_MS),
    '--session-idle-days',
    1,
    365,
  );
  if (typeof idleDays === 'string') return { ok: false, help: false, message: idleDays };
  const maxDays = whole(
    values['session-max-days'] ?? String(DEFAULT_AUTH_SETTINGS.sessionMaxMs / DAY_MS),
    '--session-max-days',
    1,
    365,
  );
  if (typeof maxDays === 'string') return { ok: false, help: false, message: maxDays };
  if (idleDays > maxDays)
    return {
      ok: false,
      help: false,
      message: `--session-idle-days (${idleDays}) cannot be more than --session-max-days (${maxDays})`,
    };
  const regionText = values['phone-region'] ?? env.DESKPAD_PHONE_REGION ?? DEFAULT_PHONE_REGION;
  const phoneRegion = parsePhoneRegion(regionText);
  if (phoneRegion === null)
    return {
      ok: false,
      help: false,
      message: `--phone-region takes a two-letter country code such as US or GB, not "${regionText}"`,
    };
  const trustProxy = parseTrustProxy(values['trust-proxy']);
  if (trustProxy === null)
    return {
      ok: false,
      help: false,
      message: '--trust-proxy takes true, a number of hops, or addresses/CIDRs',
    };
  return {
    ok: true,
    options: {
      port,
      host: values.host ?? '127.0.0.1',
      dataDir: path.resolve(cwd, values.data ?? '.deskpad-data'),
      databaseUrl: env.DATABASE_URL || undefined,
      demo: values.demo ?? false,
      demoUsers,
      demoHistoryDays,
      webRoot: path.resolve(cwd, values.web ?? 'dist/web'),
      allowedOrigins: values['allow-origin'] ?? [],
      trustProxy,
      httpLimits,
      sessionLifetimes: { sessionIdleMs: idleDays * DAY_MS, sessionMaxMs: maxDays * DAY_MS },
      phoneRegion,
    },
  };
}

/** `--trust-proxy`: absent is false; null for a value Fastify's trustProxy would not take. */
function parseTrustProxy(value: string | undefined): boolean | number | string | null {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const parts = value.split(',').map((p) => p.trim());
  return parts.every((p) => /^[0-9a-f.:]+(\/\d{1,3})?$/i.test(p)) ? parts.join(',') : null;
}
