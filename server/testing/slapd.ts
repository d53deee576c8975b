// Starts Debian's real OpenLDAP slapd for tests and benches: a slapd.conf in a temporary directory,
// the mdb backend, a generated LDIF loaded with slapadd, listening on a free loopback port only.
// It only ever touches the directory it created and the process it started.

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { TEST_ADMIN_DN, TEST_ADMIN_PASSWORD, TEST_BASE_DN, generateLdif } from './ldap-ldif';

const run = promisify(execFile);

export const SLAPD_BIN = process.env.SLAPD_BIN ?? '/usr/sbin/slapd';
export const SLAPADD_BIN = process.env.SLAPADD_BIN ?? '/usr/sbin/slapadd';
const SCHEMA_DIR = '/etc/ldap/schema';
const MODULE_DIR = '/usr/lib/ldap';

/** The read-only account the sync binds as (not the rootdn: limits and ACLs apply to it). */
export const SYNC_BIND_DN = `cn=deskpad-sync,${TEST_BASE_DN}`;
export const SYNC_BIND_PASSWORD = 'sync-account-secret';
/** Entries a non-paged search may return to the sync account: more needs the paged control. */
export const UNPAGED_SIZE_LIMIT = 500;

export const slapdInstalled = (): boolean => existsSync(SLAPD_BIN) && existsSync(SLAPADD_BIN);

export interface Slapd {
  /** ldap://127.0.0.1:PORT */
  url: string;
  port: number;
  baseDn: string;
  adminDn: string;
  adminPassword: string;
  stop(): Promise<void>;
}

export interface StartSlapdOptions {
  /** Users in the generated directory (default 10,000). */
  users?: number;
  now?: Date;
}

export async function freeLoopbackPort(): Promise<number> {
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

/**
 * pwdAccountLockedTime (an account locked by the password policy) is OpenLDAP's own way to say
 * "disabled": the ppolicy overlay defines it, so the overlay is loaded. nsAccountLock is a 389-DS
 * attribute that stock OpenLDAP schemas do not define.
 */
function slapdConf(dir: string): string {
  const schemas = ['core', 'cosine', 'inetorgperson', 'nis'].map(
    (name) => `include ${path.join(SCHEMA_DIR, `${name}.schema`)}`,
  );
  return [
    ...schemas,
    `modulepath ${MODULE_DIR}`,
    'moduleload back_mdb',
    'moduleload ppolicy',
    `pidfile ${path.join(dir, 'slapd.pid')}`,
    `argsfile ${path.join(dir, 'slapd.args')}`,
    'loglevel none',
    // A service account gets 500 entries per plain search and everything page by page.
    `sizelimit size.soft=${UNPAGED_SIZE_LIMIT} size.hard=${UNPAGED_SIZE_LIMIT} size.pr=1000 size.prtotal=unlimited`,
    'database mdb',
    `suffix "${TEST_BASE_DN}"`,
    `rootdn "${TEST_ADMIN_DN}"`,
    `rootpw ${TEST_ADMIN_PASSWORD}`,
    `directory ${path.join(dir, 'data')}`,
    'maxsize 1073741824',
    'index objectClass eq',
    'index entryUUID eq',
    'index uid eq',
    'index member eq',
    'access to attrs=userPassword by self =xw by anonymous auth by * none',
    'access to * by users read by * none',
    'overlay ppolicy',
    '',
  ].join('\n');
}

function serviceAccountLdif(now: Date): string {
  const stamp = `${now.toISOString().slice(0, 19).replace(/[-:T]/g, '')}Z`;
  return [
    `dn: ${SYNC_BIND_DN}`,
    'objectClass: simpleSecurityObject',
    'objectClass: organizationalRole',
    'cn: deskpad-sync',
    `userPassword: ${SYNC_BIND_PASSWORD}`,
    `createTimestamp: ${stamp}`,
    `modifyTimestamp: ${stamp}`,
    '',
  ].join('\n');
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`slapd exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`slapd did not listen on 127.0.0.1:${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Loads the generated directory with slapadd (fast, offline) and starts slapd on it. */
export async function startSlapd(options: StartSlapdOptions = {}): Promise<Slapd> {
  if (!slapdInstalled())
    throw new Error(
      'OpenLDAP slapd is not installed: apt-get install -y slapd ldap-utils (or set SLAPD_BIN).',
    );
  const now = options.now ?? new Date();
  const dir = mkdtempSync(path.join(tmpdir(), 'deskpad-slapd-'));
  const cleanup = (): void => rmSync(dir, { recursive: true, force: true });
  let child: ChildProcess | null = null;
  try {
    mkdirSync(path.join(dir, 'data'));
    const conf = path.join(dir, 'slapd.conf');
    writeFileSync(conf, slapdConf(dir));
    const ldif = path.join(dir, 'directory.ldif');
    writeFileSync(
      ldif,
      `${generateLdif(options.users ?? 10_000, now)}\n${serviceAccountLdif(now)}`,
    );
    await run(SLAPADD_BIN, ['-q', '-f', conf, '-l', ldif], { maxBuffer: 16 * 1024 * 1024 });
    rmSync(ldif);
    const port = await freeLoopbackPort();
    const url = `ldap://127.0.0.1:${port}`;
    // -d 0: stays in the foreground, so this process owns it and can end it by its pid.
    child = spawn(SLAPD_BIN, ['-f', conf, '-h', `${url}/`, '-d', '0'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const started = child;
    let stderr = '';
    started.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    await waitForPort(port, started, 20_000).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${stderr}`);
    });
    const stopOnExit = (): void => {
      started.kill('SIGKILL');
      cleanup();
    };
    process.once('exit', stopOnExit);
    let stopped = false;
    return {
      url,
      port,
      baseDn: TEST_BASE_DN,
      adminDn: TEST_ADMIN_DN,
      adminPassword: TEST_ADMIN_PASSWORD,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', stopOnExit);
        if (started.exitCode === null) {
          const exited = new Promise<void>((resolve) => started.once('exit', () => resolve()));
          started.kill('SIGTERM');
          const timer = setTimeout(() => started.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        }
        cleanup();
      },
    };
  } catch (error) {
    child?.kill('SIGKILL');
    cleanup();
    throw error;
  }
}
