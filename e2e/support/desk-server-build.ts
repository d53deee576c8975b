// Makes sure dist/server/main.js is built from the current server/ and shared/ sources before tests start it.
// It only runs the server's own Vite build, and only when the build is missing or older than a source file.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, serverMain } from './desk-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Why there is no current desk server build to run, or null when there is one. */
    deskServerBuildProblem: string | null;
  }
}

const SOURCE_DIRS = ['server', 'shared'];
const SOURCE_FILE = /\.(ts|tsx|js|mjs|json)$/;

function newestSourceMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(full));
    else if (SOURCE_FILE.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Why the build is not current, or null when it is. */
export function deskServerBuildStaleness(): string | null {
  if (!existsSync(serverMain)) return 'there is no dist/server/main.js';
  const built = statSync(serverMain).mtimeMs;
  const newest = Math.max(
    ...SOURCE_DIRS.map((dir) => newestSourceMs(path.join(repoRoot, dir))),
    statSync(path.join(repoRoot, 'server', 'vite.config.ts')).mtimeMs,
  );
  return newest > built ? 'a file in server/ or shared/ changed since it was built' : null;
}

/** Builds the desk server when it is missing or stale; answers why it could not, or null. */
export function ensureDeskServerBuild(): string | null {
  const stale = deskServerBuildStaleness();
  if (stale === null) return null;
  console.log(`Building the desk server (${stale})…`);
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--config', 'server/vite.config.ts'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  return build.status === 0
    ? null
    : `\`vite build --config server/vite.config.ts\` failed (exit ${String(build.status)}): see its output above.`;
}
