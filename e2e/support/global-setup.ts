// Makes sure the browser build and the desk server the e2e tests drive are current: builds the browser app
// unless scripts/test.mjs just did, the server when stale. A failed build fails the e2e tests, not the run.

import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { ensureDeskServerBuild } from './desk-server-build';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Why there is no current browser build to test, or null when there is one. */
    webBuildProblem: string | null;
  }
}

export default function setup(project: TestProject): void {
  project.provide('deskServerBuildProblem', ensureDeskServerBuild());
  const told = process.env.DESKPAD_WEB_BUILT;
  if (told === '1') {
    project.provide('webBuildProblem', null);
    return;
  }
  if (told === '0') {
    project.provide(
      'webBuildProblem',
      '`npm run build:web` failed earlier in this run (see its output above).',
    );
    return;
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build:web'], { stdio: 'inherit' });
  project.provide(
    'webBuildProblem',
    build.status === 0
      ? null
      : `\`npm run build:web\` failed (exit ${String(build.status)}): see its output above.`,
  );
}
