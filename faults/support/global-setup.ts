// Builds the desk server for the fault suite when dist/server is missing or older than its sources.
// A failed build never stops the other test projects: each fault case fails instead, saying why.

import type { TestProject } from 'vitest/node';
import { ensureDeskServerBuild } from '../../e2e/support/desk-server-build';

export default function setup(project: TestProject): void {
  project.provide('deskServerBuildProblem', ensureDeskServerBuild());
}
