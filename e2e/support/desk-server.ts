// Runs the real desk server as a child process (`node dist/server/main.js --port P --data DIR --demo`)
// for the e2e and fault tests: start, SIGKILL, start again on the same data. It never builds or deletes anything.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../../server/node-flags.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const serverMain = path.join(repoRoot, 'dist', 'server', 'main.js');
const READY_TIMEOUT_MS = 60_000;
const KEPT_OUTPUT = 16_000;

export interface DeskServerOptions {
  /** The data directory (PGlite lives in `<dataDir>/pglite`); kept across restarts. */
  dataDir: string;
  /** A fixed port (the browser's origin has the port in it); a free one when absent. */
  port?: number;
  /** Seed the demo (`--demo`, the default); false starts an empty server, as a new organization does. */
  demo?: boolean;
  /** How many demo users `--demo` seeds (the server's default is 5,000). */
  demoUsers?: number;
  /**
   * Days of the demo's desk history (`--demo-history-days`). 0 unless a test asks: a desk signing
   * in downloads every record, and the tests of other things time what they test, not that.
   */
  historyDays?: number;
  /** The browser build to serve at `/`; the server's default (dist/web) when absent. */
  webRoot?: string;
}

export interface DeskServerProcess {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** How many times it has been started (1 after startDeskServer). */
  readonly starts: number;
  running(): boolean;
  /** SIGKILL: no shutdown hook, no flush, no goodbye to connected desks. Resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM (its graceful shutdown), SIGKILL after 5 s. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory; resolves when it answers /api/v1/health. */
  restart(): Promise<void>;
  /** The last lines it printed, for failure messages. */
  output(): string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}

/** Starts the desk server and resolves when it answers its health check. */
export async function startDeskServer(options: DeskServerOptions): Promise<DeskServerProcess> {
  if (!existsSync(serverMain))
    throw new Error(`No desk server build at ${serverMain}: run \`npm run server\` once.`);
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let output = '';
  let starts = 0;

  const args = [
    ...SERVER_NODE_FLAGS,
    serverMain,
    '--port',
    String(port),
    '--data',
    options.dataDir,
  ];
  if (options.demo !== false)
    args.push('--demo', '--demo-history-days', String(options.historyDays ?? 0));
  if (options.demoUsers !== undefined) args.push('--demo-users', String(options.demoUsers));
  if (options.webRoot !== undefined) args.push('--web', options.webRoot);

  const isRunning = (): boolean =>
    child !== null && child.exitCode === null && child.signalCode === null;

  const start = async (): Promise<void> => {
    if (isRunning()) throw new Error('the desk server is already running');
    starts += 1;
    const started = spawn(process.execPath, args, {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Warnings only: the info log of every request would flood the test output on failure.
      env: { ...process.env, LOG_LEVEL: process.env.DESKPAD_SERVER_LOG_LEVEL ?? 'warn' },
    });
    child = started;
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-KEPT_OUTPUT);
    };
    started.stdout?.on('data', keep);
    started.stderr?.on('data', keep);
    output += `\n--- start #${starts} (pid ${String(started.pid)}) ---\n`;
    try {
      await waitUntilHealthy(url, started);
    } catch (error) {
      started.kill('SIGKILL');
      await exited;
      throw new Error(
        `The desk server (${args.join(' ')}) did not come up: ${String(error)}\n${output}`,
      );
    }
  };

  const kill = async (): Promise<void> => {
    if (!isRunning()) return;
    child?.kill('SIGKILL');
    await exited;
  };

  await start();
  return {
    url,
    port,
    dataDir: options.dataDir,
    get starts() {
      return starts;
    },
    running: isRunning,
    kill,
    async stop() {
      if (!isRunning()) return;
      child?.kill('SIGTERM');
      const timer = setTimeout(() => child?.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
    restart: start,
    output: () => output,
  };
}

async function waitUntilHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`it exited (${String(child.exitCode ?? child.signalCode)})`);
    try {
      const response = await fetch(`${url}/api/v1/health`);
      const body = (await response.json()) as { ok?: unknown };
      if (response.ok && body.ok === true) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`no health answer within ${READY_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
