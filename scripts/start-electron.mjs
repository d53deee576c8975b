// Electron for `npm start`: finds its binary in a child process, launches it on the built app, and
// says in one line why it cannot run here. Never starts the desk server, never prints a token.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** How long `require('electron')` may take; on a first run it downloads the runtime. */
const PROBE_TIMEOUT_MS = 120_000;
/** An Electron that exits with an error this soon never opened its window. */
const EARLY_EXIT_MS = 8_000;

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
 * Electron's environment: the desk server and the single-use launch code the app exchanges once
 * for its own session (never a token: main takes the code out of its environment at once).
 * @param {NodeJS.ProcessEnv} env
 * @param {string} url
 * @param {string} code
 * @returns {NodeJS.ProcessEnv}
 */
export const electronEnv = (env, url, code) => {
  const { DESKPAD_SESSION_TOKEN: _inherited, ...rest } = env;
  return { ...rest, DESKPAD_SERVER_URL: url, DESKPAD_LAUNCH_CODE: code };
};

/**
 * Starts Electron on the built app. Resolves with its exit code once it ran, or with the reason
 * it died during start-up (missing libraries, no sandbox, no display…).
 * @param {string} binary
 * @param {NodeJS.ProcessEnv} env
 * @param {(child: import('node:child_process').ChildProcess) => void} onStart
 * @returns {Promise<{ ran: true, code: number } | { ran: false, reason: string }>}
 */
const launchElectron = (binary, env, onStart) =>
  new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(binary, ['.'], {
      cwd: repoRoot,
      env,
      stdio: ['inherit', 'inherit', 'pipe'],
    });
    onStart(child);
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
  });

/**
 * @param {() => Promise<NodeJS.ProcessEnv>} envFor Asked only once Electron can be launched: a
 *   launch code lives a minute, and finding the binary may take longer on a first run.
 * @param {(child: import('node:child_process').ChildProcess) => void} onStart
 * @returns {Promise<{ code: number } | { reason: string }>}
 */
export const tryElectron = async (envFor, onStart) => {
  const probe = probeElectron({ spawnSync, exists: existsSync });
  if (!probe.ok) return { reason: probe.reason };
  const noDisplay = missingDisplay(process.platform, process.env);
  if (noDisplay !== null) return { reason: noDisplay };
  const launched = await launchElectron(probe.binary, await envFor(), onStart);
  return launched.ran ? { code: launched.code } : { reason: launched.reason };
};
