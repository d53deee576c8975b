// `npm run admin -- <subcommand>`: administration from the command line (create-user,
// create-integration, import, help) on the database `--data DIR` or DATABASE_URL names. Owns the
// process; no rules of its own.

import path from 'node:path';
import { lockDataDir } from '../db/data-dir-lock';
import { migrateToLatest } from '../db/migrate';
import { openDatabase, type ServerDatabase } from '../db/open-database';
import { runImportCommand } from '../import/import-command';
import { silentLogger } from '../logger';
import type { AdminCliDeps } from './cli-deps';
import { CREATE_USER_USAGE, runCreateUser } from './create-user';
import { runCreateIntegration } from './create-integration';
import { passwordReader } from './read-password';

export const USAGE = `Usage: npm run admin -- <command> [options] [--data DIR]

Commands:
  create-user   an account: --user-name NAME --role admin|agent|technician|kiosk|lobby
                [--first-name F] [--last-name L] [--email E]; the password is typed
                without echo, or piped in: echo 'password' | npm run admin -- create-user …
  create-integration  a phone system's CTI integration: --name NAME [--location ID]
                [--server-url URL]; prints its address with the token once
  import        a CSV file of users, groups or configuration items:
                import FILE --kind users|groups|configuration-items [--dry-run]
  help          this text

--data DIR is the server's data directory (default .deskpad-data); DATABASE_URL=postgres://…
uses PostgreSQL instead. Stop a server that uses the same --data directory first.

${CREATE_USER_USAGE}`;

/** Takes `--data DIR` / `--data=DIR` out of the arguments, wherever it is. */
export function takeDataDir(args: readonly string[]): { dataDir: string | null; rest: string[] } {
  const rest: string[] = [];
  let dataDir: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--data') {
      dataDir = args[i + 1] ?? '';
      i++;
    } else if (arg.startsWith('--data=')) dataDir = arg.slice('--data='.length);
    else rest.push(arg);
  }
  return { dataDir, rest };
}

async function main(argv: readonly string[]): Promise<number> {
  const [command = 'help', ...others] = argv;
  const { dataDir, rest } = takeDataDir(others);
  if (dataDir === '') {
    console.error('--data needs a directory.');
    return 2;
  }
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dir = path.resolve(process.cwd(), dataDir ?? '.deskpad-data');
  const database = async (): Promise<ServerDatabase> => {
    const unlock = databaseUrl ? () => undefined : lockDataDir(dir);
    const opened = await openDatabase({
      databaseUrl,
      pgliteDir: path.join(dir, 'pglite'),
      logger: silentLogger(),
    });
    await migrateToLatest(opened.db);
    return {
      ...opened,
      close: async () => {
        await opened.close();
        unlock();
      },
    };
  };
  const deps: AdminCliDeps = {
    database,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    now: () => new Date(),
    readPassword: passwordReader(process.stdin, process.stderr),
  };
  switch (command) {
    case 'create-user':
      return runCreateUser(rest, deps);
    case 'create-integration':
      return runCreateIntegration(rest, deps);
    case 'import': {
      const opened = await database();
      try {
        return await runImportCommand(rest, {
          db: opened.db,
          pokes: opened.pokes,
          out: (line) => deps.out(line),
          now: () => deps.now(),
        });
      } finally {
        await opened.close();
      }
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    default:
      console.error(`There is no command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
