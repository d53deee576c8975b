// The desk server for `npm start`: a child process on embedded PGlite with the demo, its health
// check, and the demo agent's sign-in. Never launches Electron, never outlives the script.

import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A first start migrates the database and seeds 5,000 demo users; that takes seconds. */
const SERVER_READY_TIMEOUT_MS = 120_000;
/** How long the desk server may take to stop before it is killed. */
const SERVER_STOP_MS = 5_000;

export const DATA_DIR = '.deskpad-data';
export const DEMO_ACCOUNT = Object.freeze({ userName: 'demo.agent', password: 'deskpad-demo' });

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
 * The desk server as a child process.
 * @param {number} port
 */
export const startServer = (port) => {
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
