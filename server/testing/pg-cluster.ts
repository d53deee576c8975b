// Starts and stops a throwaway PostgreSQL cluster from the installed server binaries, for tests
// and benches. It only ever touches the temporary directory it created and the process it started.

import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** How many free ports a cluster tries before it gives up starting. */
const PORT_ATTEMPTS = 3;

/** The bin directory holding initdb and pg_ctl: $PG_BIN, else the newest /usr/lib/postgresql/N/bin. */
export function findPgBinaries(): string | null {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv) return existsSync(path.join(fromEnv, 'initdb')) ? fromEnv : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = path.join(root, version, 'bin');
    if (existsSync(path.join(bin, 'initdb')) && existsSync(path.join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

export interface PgCluster {
  /** A connection string to `database` (default: the `postgres` maintenance database). */
  url(database?: string): string;
  /** Creates an empty database and answers its connection string. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object'
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** initdb refuses to run as root, so as root the cluster runs as the `postgres` system user. */
async function asClusterUser(command: string, args: string[]): Promise<void> {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) await run('runuser', ['-u', 'postgres', '--', command, ...args]);
  else await run(command, args);
}

async function postgresUid(): Promise<{ uid: number; gid: number } | null> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const { stdout } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(stdout.trim()), gid: Number(gid.trim()) };
}

/**
 * Fast and disposable: no fsync, since the data dies with the test anyway. `settings` (`-c name=value`)
 * come last and win: the reports bench gives a production-sized shared_buffers.
 */
export async function startPgCluster(
  bin = findPgBinaries(),
  settings: readonly string[] = [],
): Promise<PgCluster> {
  if (!bin)
    throw new Error('PostgreSQL server binaries not found (install `postgresql` or set PG_BIN).');
  const dir = mkdtempSync(path.join(tmpdir(), 'deskpad-pg-'));
  const owner = await postgresUid();
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const dataDir = path.join(dir, 'data');
  await asClusterUser(path.join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const log = path.join(dir, 'log');
  let port = 0;
  for (let attempt = 1; ; attempt += 1) {
    port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
      '-c shared_buffers=32MB',
      ...settings,
    ].join(' ');
    try {
      await asClusterUser(path.join(bin, 'pg_ctl'), [
        '-D',
        dataDir,
        '-o',
        options,
        '-l',
        log,
        '-w',
        'start',
      ]);
      break;
    } catch (error) {
      // Another process took the port between our look and the server's bind: another port.
      const taken = existsSync(log) && readFileSync(log, 'utf8').includes('Address already in use');
      if (!taken || attempt >= PORT_ATTEMPTS) throw error;
    }
  }

  const url = (database = 'postgres'): string =>
    `postgres://postgres@127.0.0.1:${port}/${database}`;
  let stopped = false;
  // A test run that ends without stop() (a crash, a forgotten dispose) must not leave a server behind.
  const stopOnExit = (): void => {
    if (stopped) return;
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const pgCtl = [path.join(bin, 'pg_ctl'), '-D', dataDir, '-m', 'immediate', 'stop'];
    try {
      if (isRoot) execFileSync('runuser', ['-u', 'postgres', '--', ...pgCtl], { stdio: 'ignore' });
      else execFileSync(pgCtl[0] as string, pgCtl.slice(1), { stdio: 'ignore' });
    } catch {
      // Already stopped.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopOnExit);
  return {
    url,
    createDatabase: async (name) => {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', stopOnExit);
      await asClusterUser(path.join(bin, 'pg_ctl'), [
        '-D',
        dataDir,
        '-m',
        'immediate',
        'stop',
      ]).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
