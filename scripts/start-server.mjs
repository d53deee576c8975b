// The desk server for `npm start`: a child process on embedded PGlite with the demo, its health
// check, and the demo agent's launch code. Never launches Electron, never outlives the script,
// never prints a token.

import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../server/node-flags.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A first start migrates the database and seeds 5,000 demo users; that takes seconds. */
const SERVER_READY_TIMEOUT_MS = 120_000;
/** How long the desk server may take to stop before it is killed. */
const SERVER_STOP_MS = 5_000;

export const DATA_DIR = '.deskpad-data';
export const DEMO_ACCOUNT = Object.freeze({ userName: 'demo.agent', password: 'deskpad-demo' });

/**
 * The desk server's command line: Node's flags for it, the built server, embedded PGlite in
 * DATA_DIR, the demo seeded.
 * @param {number} port
 * @returns {string[]}
 */
export const serverArgs = (port) => [
  ...SERVER_NODE_FLAGS,
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
 * The error a desk server answer carries, in words.
 * @param {Response} response
 * @param {unknown} body
 */
const answerError = (response, body) => {
  const record = body !== null && typeof body === 'object' ? body : {};
  const error =
    'error' in record && record.error !== null && typeof record.error === 'object'
      ? record.error
      : {};
  return 'message' in error && typeof error.message === 'string'
    ? error.message
    : `the server answered ${response.status}`;
};

/**
 * One JSON call to the desk server: the answer's body, or an error that says what failed.
 * @param {{ fetch: FetchLike, baseUrl: string }} deps
 * @param {string} what
 * @param {string} method
 * @param {string} pathName
 * @param {{ token?: string, body?: unknown }} [options]
 * @returns {Promise<Record<string, unknown>>}
 */
const call = async (deps, what, method, pathName, options = {}) => {
  /** @type {Record<string, string>} */
  const headers = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const response = await deps.fetch(`${deps.baseUrl}${pathName}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  /** @type {unknown} */
  let body = null;
  try {
    body = response.status === 204 ? {} : await response.json();
  } catch {
    // Reported below as an answer without what was asked for.
  }
  if (!response.ok) throw new Error(`${what} did not work: ${answerError(response, body)}`);
  return body !== null && typeof body === 'object'
    ? /** @type {Record<string, unknown>} */ (body)
    : {};
};

/**
 * Signs the demo agent in, as the app's own sign-in would.
 * @param {{ fetch: FetchLike, baseUrl: string }} deps
 * @returns {Promise<string>} the session token (kept in memory, never printed)
 */
export const signInDemo = async (deps) => {
  const what = `signing ${DEMO_ACCOUNT.userName} in`;
  const body = await call(deps, what, 'POST', '/api/v1/sessions', { body: DEMO_ACCOUNT });
  if (typeof body.token !== 'string') throw new Error(`${what} did not work: no token came back`);
  return body.token;
};

/**
 * A single-use launch code for the demo agent, good for a minute: what the app's address or
 * Electron's environment carries instead of a token. The launcher's own session is signed out at
 * once, so no token outlives this call, and none is ever printed or put in an address.
 * @param {{ fetch: FetchLike, baseUrl: string }} deps
 * @returns {Promise<string>}
 */
export const demoLaunchCode = async (deps) => {
  const token = await signInDemo(deps);
  try {
    const what = `getting a launch code for ${DEMO_ACCOUNT.userName}`;
    const body = await call(deps, what, 'POST', '/api/v1/sessions/launch-codes', { token });
    if (typeof body.code !== 'string') throw new Error(`${what} did not work: no code came back`);
    return body.code;
  } finally {
    await call(deps, 'signing the launcher out', 'DELETE', '/api/v1/sessions/current', {
      token,
    }).catch(() => undefined);
  }
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
