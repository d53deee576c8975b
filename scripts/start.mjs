// `npm start [-- --port P]`: builds, starts the desk server (embedded PGlite, demo directory) as a
// child, hands the app a single-use launch code of the demo agent — or, where Electron cannot run,
// says so in one line and where the browser app is. Never prints a token, never outlives its server.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureDependencies } from './ensure-setup.mjs';
import { electronEnv, fallbackLine, tryElectron } from './start-electron.mjs';
import {
  DEMO_ACCOUNT,
  demoLaunchCode,
  portIsFree,
  serverUrl,
  startServer,
  waitForHealth,
} from './start-server.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export const DEFAULT_PORT = 8787;

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
 * The browser app's address with a launch code in the fragment: never sent to a server, taken out
 * of the address bar at once by the page, and worthless once exchanged or a minute old.
 * @param {number} port
 * @param {string} code
 */
export const appUrl = (port, code) => `${serverUrl(port)}/#launch=${encodeURIComponent(code)}`;

/** @param {string} url */
export const runningLine = (url) =>
  `Deskpad is running at ${url} — the link signs in as ${DEMO_ACCOUNT.userName} once, within a minute (after that, password ${DEMO_ACCOUNT.password})`;

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
  const launchCode = () => demoLaunchCode({ fetch, baseUrl: url });
  let launched;
  try {
    launched = await tryElectron(
      async () => electronEnv(process.env, url, await launchCode()),
      (child) => {
        electron = child;
      },
    );
    electron = null;
    if ('code' in launched) return stopAll(launched.code);
    console.log(fallbackLine(launched.reason));
    console.log(runningLine(appUrl(options.port, await launchCode())));
  } catch (error) {
    console.error(`Deskpad: ${error instanceof Error ? error.message : String(error)}.`);
    return stopAll(1);
  }
  // Runs until Ctrl+C, or until the desk server stops by itself.
  return Promise.race([interrupted, serverStopped]);
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
  // Nothing of ours should keep running; the signal listeners alone must not keep Node up.
  process.exit();
}
