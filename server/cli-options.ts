// Reads the server's command line and environment into options. Pure: it never opens a file,
// a port or a database, so every flag is testable.

import path from 'node:path';
import { parseArgs } from 'node:util';

export interface CliOptions {
  port: number;
  host: string;
  /** The data directory (PGlite lives in `<data>/pglite`); unused when databaseUrl is set. */
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  demoUsers: number;
  webRoot: string;
  allowedOrigins: string[];
}

export const USAGE = `Usage: npm run server -- [options]

  --port <n>          port to listen on (default 8787, or $PORT)
  --host <address>    address to listen on (default 127.0.0.1; 0.0.0.0 for the whole network)
  --data <dir>        where the embedded database lives (default .deskpad-data)
  --demo              seed the demo directory and demo accounts into an empty database
  --demo-users <n>    how many demo users to generate (default 5000)
  --web <dir>         the browser build to serve at / (default dist/web)
  --allow-origin <o>  another origin allowed to call the API (repeatable; app://deskpad always is)
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
        web: { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
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
  return {
    ok: true,
    options: {
      port,
      host: values.host ?? '127.0.0.1',
      dataDir: path.resolve(cwd, values.data ?? '.deskpad-data'),
      databaseUrl: env.DATABASE_URL || undefined,
      demo: values.demo ?? false,
      demoUsers,
      webRoot: path.resolve(cwd, values.web ?? 'dist/web'),
      allowedOrigins: values['allow-origin'] ?? [],
    },
  };
}
