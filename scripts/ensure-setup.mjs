// Makes `npm start` and `npm test` work as the first command on a fresh machine: installs the
// locked dependencies when they are missing, and (tests only) Debian's Chromium when it can.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
export const CHROMIUM = process.env.DESKPAD_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Whether node_modules is missing or older than the lock file.
 * @param {string} dir
 */
export const needsInstall = (dir) => {
  const installed = path.join(dir, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return true;
  return statSync(path.join(dir, 'package-lock.json')).mtimeMs > statSync(installed).mtimeMs + 1000;
};

/** @param {string} command @param {string[]} args */
const run = (command, args) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
    .status;

export function ensureDependencies() {
  if (!needsInstall(root)) return;
  console.log('Deskpad: installing the locked dependencies (npm ci)…');
  // The Electron runtime is fetched on first launch, never during install.
  process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ??= '1';
  if (run(npm, ['ci', '--no-audit', '--no-fund']) !== 0) {
    console.error('Deskpad: npm ci failed; see above.');
    process.exit(1);
  }
}

/** The newest PostgreSQL server binaries Debian installed, or null. */
export const postgresBin = (base = '/usr/lib/postgresql') => {
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : path.join(base, versions[0], 'bin');
};

/**
 * The tests drive Debian's Chromium, run the server suite on a real PostgreSQL as well as on
 * PGlite, and sync from a real OpenLDAP slapd; install them when we may (root with apt-get), else
 * say what is missing.
 */
export function ensureTestTools() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (postgresBin() === null) missing.push('postgresql');
  // The LDAP sync tests start their own OpenLDAP slapd.
  if (!existsSync('/usr/sbin/slapd')) missing.push('slapd', 'ldap-utils');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (missing.length > 0 && isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`Deskpad: installing ${missing.join(' and ')} for the tests (apt-get)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  }
  if (!existsSync(CHROMIUM)) {
    console.error(
      `Deskpad: the browser tests need Chromium at ${CHROMIUM} (Debian: apt-get install chromium).`,
    );
  }
  if (!existsSync('/usr/sbin/slapd')) {
    console.error(
      'Deskpad: OpenLDAP slapd is missing (Debian: apt-get install slapd ldap-utils); the LDAP sync tests are skipped.',
    );
  }
  if (postgresBin() === null) {
    console.error(
      'Deskpad: PostgreSQL is missing (Debian: apt-get install postgresql); the server suite runs on PGlite only.',
    );
  }
}
