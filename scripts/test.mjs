// The one test command (`npm test`): typecheck, lint, build the browser app, then every vitest project.
// Its last line is always `N passed, N failed[, N skipped]`; it exits non-zero when anything failed.

import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies, ensureTestTools, postgresBin } from './ensure-setup.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reportFile = path.join(root, 'node_modules', '.cache', 'deskpad-test', 'vitest-report.json');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Runs a command with its output streaming through, so every step reads as it would on its own.
 * @param {string} title
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<{ ok: boolean, code: number | null, seconds: number }>}
 */
const step = (title, command, args, env = {}) =>
  new Promise((resolve) => {
    const started = performance.now();
    console.log(`\n▶ ${title}: ${[command, ...args].join(' ')}`);
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
      shell: process.platform === 'win32',
    });
    /** @param {number | null} code */
    const done = (code) => {
      const seconds = (performance.now() - started) / 1000;
      console.log(`${code === 0 ? '✔' : '✘'} ${title} (${seconds.toFixed(1)} s)`);
      resolve({ ok: code === 0, code, seconds });
    };
    child.on('error', (error) => {
      console.error(error);
      done(null);
    });
    child.on('exit', (code) => done(code));
  });

/**
 * @typedef {{ status: string }} AssertionResult
 * @typedef {{ name: string, status: string, message?: string, assertionResults: AssertionResult[] }} FileResult
 * @typedef {{ testResults: FileResult[] }} JsonReport
 */

/**
 * Counts tests in vitest's JSON report. A file that failed outside any test (it did not load, or a
 * hook threw) counts as one failed test, so a broken file can never make the total look green.
 * @param {JsonReport} report
 */
const countVitest = (report) => {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const file of report.testResults) {
    let failedInFile = 0;
    for (const test of file.assertionResults) {
      if (test.status === 'passed') counts.passed += 1;
      else if (test.status === 'failed') failedInFile += 1;
      else counts.skipped += 1;
    }
    if (file.status === 'failed' && failedInFile === 0) {
      failedInFile = 1;
      console.log(
        `✘ ${path.relative(root, file.name)} failed outside its tests: ${file.message ?? ''}`,
      );
    }
    counts.failed += failedInFile;
  }
  return counts;
};

ensureDependencies();
ensureTestTools();
// The server suite runs on a throwaway PostgreSQL cluster as well as on PGlite when the binaries
// are here (DESKPAD_TEST_PG=0 turns that off; DATABASE_URL points it at an existing server).
if (process.env.DESKPAD_TEST_PG === undefined && postgresBin() !== null) {
  process.env.DESKPAD_TEST_PG = '1';
}

const started = performance.now();
const totals = { passed: 0, failed: 0, skipped: 0 };
/** @param {boolean} ok */
const tally = (ok) => {
  if (ok) totals.passed += 1;
  else totals.failed += 1;
};

// Typecheck, lint and the build each count as one test.
tally((await step('typecheck', npm, ['run', '--silent', 'typecheck'])).ok);
tally((await step('lint', npm, ['run', '--silent', 'lint'])).ok);
const build = await step('build:web', npm, ['run', '--silent', 'build:web']);
tally(build.ok);

rmSync(reportFile, { force: true });
mkdirSync(path.dirname(reportFile), { recursive: true });
const vitest = await step(
  'vitest',
  process.execPath,
  [
    path.join(root, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
  ],
  // The e2e global setup would otherwise rebuild what was just built.
  { DESKPAD_WEB_BUILT: build.ok ? '1' : '0' },
);

/** @type {JsonReport | undefined} */
let report;
try {
  report = /** @type {JsonReport} */ (JSON.parse(readFileSync(reportFile, 'utf8')));
} catch {
  report = undefined;
}
if (report) {
  const counts = countVitest(report);
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  // An unhandled error fails the run without failing a test; it must still show in the total.
  if (!vitest.ok && counts.failed === 0) {
    console.log(`✘ vitest exited with code ${String(vitest.code)} although no test failed`);
    totals.failed += 1;
  }
} else {
  console.log('✘ vitest wrote no report: it did not run to the end');
  totals.failed += 1;
}

console.log(`\nnpm test took ${((performance.now() - started) / 1000).toFixed(1)} s`);
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exitCode = totals.failed > 0 ? 1 : 0;
