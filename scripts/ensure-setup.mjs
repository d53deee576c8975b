// Makes `npm start` and `npm test` work as the first command on a fresh machine: installs the
// locked dependencies when they are missing, and (tests only) Debian's Chromium when it can.

import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
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
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).status;

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

/** The e2e suite drives Debian's Chromium; install it when we may (root with apt-get). */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Deskpad: installing Chromium for the browser tests (apt-get install chromium)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`Deskpad: the browser tests need Chromium at ${CHROMIUM} (Debian: apt-get install chromium).`);
  }
}
