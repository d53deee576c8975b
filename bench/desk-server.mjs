// Runs the real desk server as a child process for the bench (`node <build>/main.js --port P
// --data DIR --demo …`) and reads its request log. Starts and stops only the process it spawned.

import { spawn } from 'node:child_process';
import net from 'node:net';
import { SERVER_NODE_FLAGS } from '../server/node-flags.mjs';

const READY_TIMEOUT_MS = 180_000;

/**
 * A request the server logged as completed (Fastify's "request completed" line at info level).
 * @typedef {object} LoggedRequest
 * @property {string} method
 * @property {string} url
 * @property {number} statusCode
 * @property {number} responseTime ms the server spent on it
 * @property {number} endedAt epoch ms the server logged the answer
 */

/**
 * Pairs Fastify's "incoming request" and "request completed" lines (pino JSON) by reqId.
 * Pure: feed it lines, read the requests.
 */
export function createRequestLog() {
  /** @type {Map<string, { method: string; url: string }>} */
  const incoming = new Map();
  /** @type {LoggedRequest[]} */
  const completed = [];
  return {
    /** @param {string} line */
    feed(line) {
      if (!line.startsWith('{')) return;
      /** @type {{ reqId?: unknown; req?: { method?: unknown; url?: unknown }; res?: { statusCode?: unknown }; responseTime?: unknown; time?: unknown }} */
      let entry;
      try {
        entry = JSON.parse(line);
      } catch {
        return;
      }
      if (typeof entry.reqId !== 'string') return;
      const { req, res } = entry;
      if (req && typeof req.method === 'string' && typeof req.url === 'string') {
        incoming.set(entry.reqId, { method: req.method, url: req.url });
        return;
      }
      const request = incoming.get(entry.reqId);
      if (
        request &&
        res &&
        typeof res.statusCode === 'number' &&
        typeof entry.responseTime === 'number' &&
        typeof entry.time === 'number'
      ) {
        incoming.delete(entry.reqId);
        completed.push({
          ...request,
          statusCode: res.statusCode,
          responseTime: entry.responseTime,
          endedAt: entry.time,
        });
      }
    },
    /** @param {(request: LoggedRequest) => boolean} wanted */
    requests: (wanted) => completed.filter(wanted),
  };
}

export async function freePort() {
  return new Promise(
    /** @param {(port: number) => void} resolve @param {(error: Error) => void} reject */
    (resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() =>
          address && typeof address === 'object'
            ? resolve(address.port)
            : reject(new Error('No free port.')),
        );
      });
    },
  );
}

/**
 * Starts the desk server and resolves once it answers /api/v1/health.
 * @param {object} options
 * @param {string} options.main the built server (main.js)
 * @param {string} options.cwd
 * @param {string[]} options.args after --port
 * @param {Record<string, string>} [options.env] added to this process's environment
 * @param {string[]} [options.nodeArgs] flags for node itself, e.g. --cpu-prof to see where it spends
 */
export async function startDeskServer(options) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = createRequestLog();
  let tail = '';
  const child = spawn(
    process.execPath,
    [
      ...SERVER_NODE_FLAGS,
      ...(options.nodeArgs ?? []),
      options.main,
      '--port',
      String(port),
      ...options.args,
    ],
    {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let partial = '';
  child.stdout.on('data', (/** @type {Buffer} */ chunk) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) log.feed(line);
    tail = (tail + chunk.toString('utf8')).slice(-8000);
  });
  child.stderr.on('data', (/** @type {Buffer} */ chunk) => {
    tail = (tail + chunk.toString('utf8')).slice(-8000);
  });

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`The desk server exited while starting:\n${tail}`);
    const healthy = await fetch(`${url}/api/v1/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The desk server did not answer within ${READY_TIMEOUT_MS} ms:\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    log,
    /** The server process's id (to read its CPU time in /proc). */
    pid: child.pid,
    output: () => tail,
    /** SIGTERM (its own clean shutdown), SIGKILL if it has not gone 10 s later. */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Signs in over HTTP and answers the token.
 * @param {string} url
 * @param {string} userName
 * @param {string} password
 */
export async function signIn(url, userName, password) {
  const response = await fetch(`${url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName, password }),
  });
  if (!response.ok)
    throw new Error(`Sign-in answered ${response.status}: ${await response.text()}`);
  const body = /** @type {{ token: string; agent: { id: string } }} */ (await response.json());
  return body;
}
