// Makes sure the browser build the e2e tests drive is current: builds it unless scripts/test.mjs just did.
// A failed build never stops the other test projects: each e2e test fails instead, saying why.

import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Why there is no current browser build to test, or null when there is one. */
    webBuildProblem: string | null;
  }
}

export default function setup(project: TestProject): void {
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
