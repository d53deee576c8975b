// `npm start [-- --port P]`: builds, launches Electron, or says in one line why not and serves the
// browser build (scripts/web.mjs). Never waits on the Electron probe without a timeout.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureDependencies } from './ensure-setup.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** How long `require('electron')` may take; on a first run it downloads the runtime. */
const PROBE_TIMEOUT_MS = 120_000;
/** An Electron that exits with an error this soon never opened its window. */
const EARLY_EXIT_MS = 8_000;

/**
 * @param {readonly string[]} argv
 * @returns {{ port: number }}
 */
export const readOptions = (argv) => {
  const { values } = parseArgs({
    args: [...argv],
    options: { port: { type: 'string', default: process.env.PORT ?? '5173' } },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  }
  return { port };
};

/**
 * The one-line reason from a failed probe or launch: the most telling line of its output.
 * @param {string} output
 * @returns {string}
 */
export const summarizeFailure = (output) => {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(
      (line) => line !== '' && !line.startsWith('at ') && line !== 'Downloading Electron binary...',
    );
  if (
    lines.some((line) =>
      /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo/.test(line),
    )
  ) {
    return 'its binary could not be downloaded';
  }
  const telling =
    lines.find((line) => /error|missing|cannot|failed|not supported|no such/i.test(line)) ??
    lines.at(-1);
  if (telling === undefined) return 'it exited without saying why';
  return telling.length > 160 ? `${telling.slice(0, 157)}…` : telling;
};

/**
 * Why Electron cannot open a window here before even trying, or null.
 * @param {NodeJS.Platform} platform
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | null}
 */
export const missingDisplay = (platform, env) =>
  platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY
    ? 'no display: DISPLAY and WAYLAND_DISPLAY are unset'
    : null;

/**
 * Asks the electron package for its binary in a child process, so a download that hangs or
 * throws cannot take this script with it.
 * @param {{ spawnSync: typeof spawnSync, exists: (file: string) => boolean, timeoutMs?: number }} deps
 * @returns {{ ok: true, binary: string } | { ok: false, reason: string }}
 */
export const probeElectron = (deps) => {
  const result = deps.spawnSync(
    process.execPath,
    ['-e', "process.stdout.write(String(require('electron')))"],
    { cwd: repoRoot, encoding: 'utf8', timeout: deps.timeoutMs ?? PROBE_TIMEOUT_MS },
  );
  if (result.error !== undefined) {
    const timedOut = /** @type {NodeJS.ErrnoException} */ (result.error).code === 'ETIMEDOUT';
    return {
      ok: false,
      reason: timedOut ? 'finding its binary timed out' : summarizeFailure(String(result.error)),
    };
  }
  if (result.status !== 0) {
    return { ok: false, reason: summarizeFailure(`${result.stderr}\n${result.stdout}`) };
  }
  const binary = String(result.stdout).trim();
  if (binary === '' || !deps.exists(binary)) return { ok: false, reason: 'its binary is missing' };
  return { ok: true, binary };
};

/** @param {string} reason */
export const fallbackLine = (reason) =>
  `Deskpad: the Electron runtime is not available on this machine (${reason}); serving the browser build instead.`;

/**
 * Runs a command with inherited output and resolves with its exit code.
 * @param {string} command
 * @param {string[]} args
 * @returns {Promise<number>}
 */
const run = (command, args) =>
  new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => resolve(code ?? (signal === null ? 1 : 0)));
    for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
      process.on(signal, () => child.kill(signal));
    }
  });

/**
 * Starts Electron on the built app. Resolves with its exit code once it ran, or with the reason
 * it died during start-up (missing libraries, no sandbox, no display…).
 * @param {string} binary
 * @returns {Promise<{ ran: true, code: number } | { ran: false, reason: string }>}
 */
const launchElectron = (binary) =>
  new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(binary, ['.'], { cwd: repoRoot, stdio: ['inherit', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      const text = String(chunk);
      stderr += text;
      // Past start-up, Electron's own messages belong on the terminal as usual.
      if (Date.now() - started > EARLY_EXIT_MS) process.stderr.write(text);
    });
    child.on('error', (error) => resolve({ ran: false, reason: summarizeFailure(String(error)) }));
    child.on('exit', (code) => {
      if (code !== 0 && Date.now() - started < EARLY_EXIT_MS) {
        resolve({ ran: false, reason: summarizeFailure(stderr) });
      } else resolve({ ran: true, code: code ?? 0 });
    });
    for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
      process.on(signal, () => child.kill(signal));
    }
  });

/** @returns {Promise<{ code: number } | { reason: string }>} */
const tryElectron = async () => {
  const probe = probeElectron({ spawnSync, exists: existsSync });
  if (!probe.ok) return { reason: probe.reason };
  const noDisplay = missingDisplay(process.platform, process.env);
  if (noDisplay !== null) return { reason: noDisplay };
  const launched = await launchElectron(probe.binary);
  return launched.ran ? { code: launched.code } : { reason: launched.reason };
};

const main = async () => {
  let options;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`Deskpad: ${error instanceof Error ? error.message : String(error)}.`);
    return 2;
  }

  ensureDependencies();
  const built = await run(npm, ['run', 'build']);
  if (built !== 0) {
    console.error('Deskpad: the build failed; see above.');
    return built;
  }

  const electron = await tryElectron();
  if ('code' in electron) return electron.code;

  console.log(fallbackLine(electron.reason));
  return run(process.execPath, [
    path.join(repoRoot, 'scripts', 'web.mjs'),
    '--port',
    String(options.port),
  ]);
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
