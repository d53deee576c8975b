// `npm start [-- --port P]`: builds, starts the desk server (embedded PGlite, demo directory) as a
// child, signs the demo agent in, then opens the desktop app on it — or, where Electron cannot
// run, says so in one line and where the browser app is. Never leaves the server running after it.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureDependencies } from './ensure-setup.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** How long `require('electron')` may take; on a first run it downloads the runtime. */
const PROBE_TIMEOUT_MS = 120_000;
/** An Electron that exits with an error this soon never opened its window. */
const EARLY_EXIT_MS = 8_000;
/** A first start migrates the database and seeds 5,000 demo users; that takes seconds. */
const SERVER_READY_TIMEOUT_MS = 120_000;
/** How long the desk server may take to stop before it is killed. */
const SERVER_STOP_MS = 5_000;

export const DEFAULT_PORT = 8787;
export const DATA_DIR = '.deskpad-data';
export const DEMO_ACCOUNT = Object.freeze({ userName: 'demo.agent', password: 'deskpad-demo' });

/**
 * @param {readonly string[]} argv
 * @param {Readonly<Record<string, string | undefined>>} [env]
 * @returns {{ port: number }}
 */
export const readOptions = (argv, env = process.env) => {
  const { values } = parseArgs({
    args: [...argv],
    options: { port: { type: 'string', default: env.PORT ?? String(DEFAULT_PORT) } },
    strict: true,
  });
  const port = Number(values.port);
  // 0 would let the OS pick, but the app must be told the port before the server reports it.
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`--port must be a number from 1 to 65535, not "${values.port}"`);
  }
  return { port };
};

/**
 * The desk server's command line: the built server, embedded PGlite in DATA_DIR, the demo seeded.
 * @param {number} port
 * @returns {string[]}
 */
export const serverArgs = (port) => [
  path.join('dist', 'server', 'main.js'),
  '--port',
  String(port),
  '--data',
  DATA_DIR,
  '--demo',
];

/** @param {number} port */
export const serverUrl = (port) => `http://127.0.0.1:${port}`;

/**
 * The browser app's address with the session in the fragment: never sent to a server, and the
 * page takes it out of the address bar at once.
 * @param {number} port
 * @param {string} token
 */
export const appUrl = (port, token) => `${serverUrl(port)}/#session=${encodeURIComponent(token)}`;

/** @param {string} url */
export const runningLine = (url) =>
  `Deskpad is running at ${url} — signed in as ${DEMO_ACCOUNT.userName} (password ${DEMO_ACCOUNT.password})`;

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
 * Whether nothing listens on 127.0.0.1:port. Asked before starting the desk server: a health check
 * could otherwise be answered by another server already there, before ours fails to listen.
 * @param {number} port
 * @returns {Promise<boolean>}
 */
export const portIsFree = (port) =>
  new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      probe.close(() => resolve(true));
    });
  });

/**
 * @typedef {(input: string, init?: RequestInit) => Promise<Response>} FetchLike
 */

/**
 * Waits until the desk server answers its health check, or says why it never will.
 * @param {{
 *   fetch: FetchLike,
 *   baseUrl: string,
 *   exited: () => string | null,
 *   timeoutMs?: number,
 *   intervalMs?: number,
 *   sleep?: (ms: number) => Promise<unknown>,
 *   now?: () => number,
 * }} deps
 * @returns {Promise<{ ok: true } | { ok: false, reason: string }>}
 */
export const waitForHealth = async (deps) => {
  const now = deps.now ?? Date.now;
  const pause = deps.sleep ?? sleep;
  const deadline = now() + (deps.timeoutMs ?? SERVER_READY_TIMEOUT_MS);
  for (;;) {
    const gone = deps.exited();
    if (gone !== null) return { ok: false, reason: gone };
    try {
      const response = await deps.fetch(`${deps.baseUrl}/api/v1/health`);
      const body = response.ok ? /** @type {unknown} */ (await response.json()) : null;
      if (body !== null && typeof body === 'object' && 'ok' in body && body.ok === true) {
        // Another process could hold the port: only ours counts, and ours must still be alive.
        const after = deps.exited();
        return after === null ? { ok: true } : { ok: false, reason: after };
      }
    } catch {
      // Not listening yet, or not JSON yet: ask again.
    }
    if (now() >= deadline) {
      return { ok: false, reason: 'it did not answer its health check in time' };
    }
    await pause(deps.intervalMs ?? 250);
  }
};

/**
 * Signs the demo agent in, as the app's own sign-in would.
 * @param {{ fetch: FetchLike, baseUrl: string }} deps
 * @returns {Promise<string>} the session token
 */
export const signInDemo = async (deps) => {
  const response = await deps.fetch(`${deps.baseUrl}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_ACCOUNT),
  });
  /** @type {unknown} */
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Reported below as an answer without a token.
  }
  const record = body !== null && typeof body === 'object' ? body : {};
  if (response.ok && 'token' in record && typeof record.token === 'string') return record.token;
  const error =
    'error' in record && record.error !== null && typeof record.error === 'object'
      ? record.error
      : {};
  const message =
    'message' in error && typeof error.message === 'string'
      ? error.message
      : `the server answered ${response.status}`;
  throw new Error(`signing ${DEMO_ACCOUNT.userName} in did not work: ${message}`);
};

/**
 * Electron's environment: the desk server and the session token it takes over once.
 * @param {NodeJS.ProcessEnv} env
 * @param {string} url
 * @param {string} token
 * @returns {NodeJS.ProcessEnv}
 */
export const electronEnv = (env, url, token) => ({
  ...env,
  DESKPAD_SERVER_URL: url,
  DESKPAD_SESSION_TOKEN: token,
});

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
  });

/**
 * The desk server as a child process.
 * @param {number} port
 */
const startServer = (port) => {
  const child = spawn(process.execPath, serverArgs(port), {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    // Its JSON log lines would bury the one line that matters; warnings and errors still show.
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  });
  /** @type {string | null} */
  let exited = null;
  /** @type {Promise<void>} */
  const gone = new Promise((resolve) => {
    child.on('error', (error) => {
      exited = `it could not start (${error.message})`;
      resolve();
    });
    child.on('exit', (code, signal) => {
      exited = signal ? `it was stopped by ${signal}` : `it exited with code ${code}`;
      resolve();
    });
  });
  return {
    exited: () => exited,
    gone,
    /** Asks it to stop, then kills it if it does not. */
    async stop() {
      if (exited !== null) return;
      child.kill('SIGTERM');
      const stopped = await Promise.race([gone.then(() => true), sleep(SERVER_STOP_MS, false)]);
      if (!stopped) child.kill('SIGKILL');
    },
    /** For process exit, when nothing can be awaited any more. */
    killNow() {
      if (exited === null) child.kill('SIGKILL');
    },
  };
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
 * @param {NodeJS.ProcessEnv} env
 * @param {(child: import('node:child_process').ChildProcess) => void} onStart
 * @returns {Promise<{ code: number } | { reason: string }>}
 */
const tryElectron = async (env, onStart) => {
  const probe = probeElectron({ spawnSync, exists: existsSync });
  if (!probe.ok) return { reason: probe.reason };
  const noDisplay = missingDisplay(process.platform, process.env);
  if (noDisplay !== null) return { reason: noDisplay };
  const launched = await launchElectron(probe.binary, env, onStart);
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
  const viteBin = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const serverBuilt = await run(process.execPath, [
    viteBin,
    'build',
    '--config',
    path.join('server', 'vite.config.ts'),
  ]);
  if (serverBuilt !== 0) {
    console.error('Deskpad: the desk server build failed; see above.');
    return serverBuilt;
  }

  if (!(await portIsFree(options.port))) {
    console.error(
      `Deskpad: port ${options.port} is already in use (another desk server?); pick another with --port.`,
    );
    return 1;
  }
  const url = serverUrl(options.port);
  const server = startServer(options.port);
  /** @type {import('node:child_process').ChildProcess | null} */
  let electron = null;
  let stopping = false;
  /** @param {number} code */
  const stopAll = async (code) => {
    stopping = true;
    electron?.kill('SIGTERM');
    await server.stop();
    return code;
  };
  // Ctrl+C (the terminal also sends it to the children) or a kill: both children stop with us.
  /** @type {Promise<number>} */
  const interrupted = new Promise((resolve) => {
    for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
      process.on(signal, () => {
        if (!stopping) void stopAll(0).then(resolve);
      });
    }
  });
  process.on('exit', () => server.killNow());

  const ready = await waitForHealth({ fetch, baseUrl: url, exited: server.exited });
  if (!ready.ok) {
    console.error(
      `Deskpad: the desk server did not start on port ${options.port}: ${ready.reason}; see above.`,
    );
    return stopAll(1);
  }
  // From now on, a desk server that stops by itself is said at once; the app works on offline.
  const serverStopped = server.gone.then(() => {
    if (stopping) return 0;
    console.error(`Deskpad: the desk server stopped: ${server.exited() ?? 'for no known reason'}.`);
    return 1;
  });
  let token;
  try {
    token = await signInDemo({ fetch, baseUrl: url });
  } catch (error) {
    console.error(`Deskpad: ${error instanceof Error ? error.message : String(error)}.`);
    return stopAll(1);
  }

  const launched = await tryElectron(electronEnv(process.env, url, token), (child) => {
    electron = child;
  });
  electron = null;
  if ('code' in launched) return stopAll(launched.code);

  console.log(fallbackLine(launched.reason));
  console.log(runningLine(appUrl(options.port, token)));
  // Runs until Ctrl+C, or until the desk server stops by itself.
  return Promise.race([interrupted, serverStopped]);
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
  // Nothing of ours should keep running; the signal listeners alone must not keep Node up.
  process.exit();
}
