// The desk server's command line: opens the database (PostgreSQL or embedded PGlite), migrates,
// seeds the demo when asked, serves the API and the browser build. Owns the process; nothing else does.

import path from 'node:path';
import { buildServer } from './app';
import { issueSetupCode, setupLink } from './auth/setup-codes';
import { parseCliOptions } from './cli-options';
import { lockDataDir } from './db/data-dir-lock';
import { migrateToLatest } from './db/migrate';
import { openDatabase } from './db/open-database';
import { DEMO_PASSWORD, seedDemo } from './demo/seed';
import { createLogger } from './logger';
import { createLdapService } from './ldap/ldap-runtime';

async function main(): Promise<number> {
  const parsed = parseCliOptions(process.argv.slice(2), process.env, process.cwd());
  if (!parsed.ok) {
    (parsed.help ? console.log : console.error)(parsed.message);
    return parsed.help ? 0 : 2;
  }
  const options = parsed.options;
  const logger = createLogger();
  const unlock = options.databaseUrl ? () => undefined : lockDataDir(options.dataDir);
  const database = await openDatabase({
    databaseUrl: options.databaseUrl,
    pgliteDir: path.join(options.dataDir, 'pglite'),
    logger,
  });
  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'stopping the desk server');
    await stopLdapSchedule();
    await app.close();
    await database.close();
    unlock();
    process.exit(0);
  };

  const applied = await migrateToLatest(database.db);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  if (options.demo) {
    const outcome = await seedDemo(database.db, {
      users: options.demoUsers,
      historyDays: options.demoHistoryDays,
    });
    logger.info(
      { outcome },
      outcome === 'directory-exists'
        ? 'a directory exists: the demo was not seeded'
        : 'demo directory',
    );
  }

  const app = await buildServer({
    database,
    logger,
    webRoot: options.webRoot,
    allowedOrigins: options.allowedOrigins,
    trustProxy: options.trustProxy,
    httpLimits: options.httpLimits,
    auth: options.sessionLifetimes,
    phoneRegion: options.phoneRegion,
    importDir: path.join(options.dataDir, 'imports'),
  });
  // The LDAP schedule: every instance checks; the settings row's lease lets one run at a time.
  const stopLdapSchedule = createLdapService({
    db: database.db,
    pokes: database.pokes,
    logger,
  }).schedule();
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  const address = await app.listen({ port: options.port, host: options.host });
  logger.info(
    {
      address,
      database:
        database.kind === 'postgres'
          ? 'PostgreSQL (DATABASE_URL)'
          : path.join(options.dataDir, 'pglite'),
    },
    'Deskpad server ready',
  );
  if (options.demo) logger.info(`sign in as demo.agent with password ${DEMO_PASSWORD}`);
  else await announceFirstRun(database.db, address, logger);
  return -1;
}

/**
 * An empty server (no administrator) prints, once, how to create the first one: a setup link good
 * for one use within an hour, on the console and in the log, and the command-line alternative.
 */
async function announceFirstRun(
  db: Parameters<typeof issueSetupCode>[0],
  address: string,
  logger: ReturnType<typeof createLogger>,
): Promise<void> {
  const issued = await issueSetupCode(db, () => new Date());
  if (!issued) return;
  const link = setupLink(address.replace('://0.0.0.0', '://127.0.0.1'), issued.code);
  const command = 'npm run admin -- create-user --user-name NAME --role admin';
  logger.info(
    { setupLink: link, expiresAt: issued.expiresAt.toISOString() },
    'no administrator yet: open the setup link (one use, within an hour) to create the first one',
  );
  console.log(
    [
      '',
      'No administrator yet. Create the first one:',
      `  in the browser (one use, within an hour): ${link}`,
      `  or on the command line (stop this server first): ${command}`,
      '',
    ].join('\n'),
  );
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
