// `npm run admin -- <command> …`: builds the administration command line (server/vite.admin.config.ts)
// when its build is missing or older than a source file, then runs it with the same arguments.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const main = path.join(root, 'dist', 'admin-cli', 'main.js');

/** @param {string} dir @returns {number} */
function newestSourceMs(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(full));
    else if (/\.(ts|js|mjs|json)$/.test(entry.name))
      newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

const sources = Math.max(
  newestSourceMs(path.join(root, 'server')),
  newestSourceMs(path.join(root, 'shared')),
);
if (!existsSync(main) || statSync(main).mtimeMs < sources) {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'server', 'vite.admin.config.ts'), logLevel: 'warn' });
}

const child = spawn(process.execPath, [main, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
