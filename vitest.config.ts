// The test projects: unit (Node), component (jsdom + React), e2e (real Chromium, one file at a time),
// faults (a real desk server process, killed and cut off on purpose, one file at a time).
// `npm test` (scripts/test.mjs) runs them all; this file only says where tests live and how they run.

import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const E2E_TEST_TIMEOUT_MS = 120_000;
/** Each fault case bounds itself (about a minute); this only stops a hung one. */
const FAULT_TEST_TIMEOUT_MS = 120_000;

export default defineConfig({
  test: {
    passWithNoTests: true,
    // Vitest leaves a core to itself (cores − 1): on a two-core machine the unit and component
    // files ran one at a time, most of CI's time. Its own process mostly waits on the workers.
    // (e2e and faults still run one file at a time, below.)
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            'scripts/**/*.test.ts',
            'tooling/**/*.test.ts',
            'server/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          setupFiles: ['tooling/vitest-setup-unit.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}', 'web/**/*.test.{ts,tsx}'],
          setupFiles: ['tooling/vitest-setup-component.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/support/global-setup.ts'],
          pool: 'forks',
          // One browser at a time: two cores, and each file drives a whole Chromium.
          fileParallelism: false,
          testTimeout: E2E_TEST_TIMEOUT_MS,
          hookTimeout: E2E_TEST_TIMEOUT_MS,
          // expect.poll waits on a real browser and a real store host, not on a fake clock.
          expect: { poll: { timeout: 15_000, interval: 50 } },
          // After unit and component tests, so a broken domain fails fast before Chromium starts.
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'faults',
          environment: 'node',
          include: ['faults/**/*.test.ts'],
          globalSetup: ['faults/support/global-setup.ts'],
          pool: 'forks',
          // One desk server at a time: each case SIGKILLs its own, and counts everything on it.
          fileParallelism: false,
          testTimeout: FAULT_TEST_TIMEOUT_MS,
          hookTimeout: FAULT_TEST_TIMEOUT_MS,
          expect: { poll: { timeout: 15_000, interval: 100 } },
          // Last: after a broken domain has failed fast, and never beside e2e, whose two-desk test
          // measures a 2 s figure that a fault case hammering both cores would blur.
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
