// Issue 10's figure: /api/v1/health p99 and sign-in p99 on a desk server (embedded PGlite, as
// `npm run server` starts it) idle, then while big unauthenticated bodies flood it and slow
// connections hang (bench/dos-attack.mjs, its own process). Loopback only. Measures; never judges.

import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { percentileOf, spreadOf } from './report.mjs';
import { startDeskServer } from './desk-server.mjs';

/** @typedef {import('./dos-types').DosBenchResults} DosBenchResults */
/** @typedef {import('./dos-types').LatencySample} LatencySample */
/** @typedef {import('./dos-types').AttackStats} AttackStats */

/**
 * @typedef {object} DosBenchOptions
 * @property {number} healthRequests per phase
 * @property {number} signIns per phase, each with a correct password
 * @property {number} concurrency requests in flight at once while measuring
 * @property {number} bodies attackers sending 8 MiB bodies without a session
 * @property {number} slow slow connections kept hanging
 */

const PASSWORD = 'deskpad-demo';
const BODY_BYTES = 8 * 1024 * 1024;
const TRICKLE_MS = 2_000;
/** The attack runs this long before the measuring starts, so every slow connection is open. */
const WARM_UP_MS = 3_000;
/** …and at least this long in all: past the server's whole-request limit (30 s), so it shows. */
const ATTACK_MS = 36_000;
const attackScript = fileURLToPath(new URL('./dos-attack.mjs', import.meta.url));

/**
 * One request on its own connection from `localAddress`; answers the status and the time from
 * sending to the whole answer read (a connection refused or reset counts as status 0).
 * @param {URL} base
 * @param {{ method: string; path: string; body?: string; localAddress: string }} request
 */
function timed(base, request) {
  return new Promise(
    /** @param {(answer: { status: number; ms: number }) => void} resolve */
    (resolve) => {
      const started = performance.now();
      const done = (/** @type {number} */ status) =>
        resolve({ status, ms: performance.now() - started });
      const req = http.request(
        {
          host: base.hostname,
          port: base.port,
          method: request.method,
          path: request.path,
          localAddress: request.localAddress,
          agent: false,
          headers: request.body
            ? {
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(request.body),
              }
            : {},
        },
        (res) => {
          res.resume();
          res.on('end', () => done(res.statusCode ?? 0));
          res.on('error', () => done(0));
        },
      );
      req.on('error', () => done(0));
      req.end(request.body);
    },
  );
}

/**
 * Runs `count` requests, `concurrency` at a time, and answers their spread.
 * @param {number} count
 * @param {number} concurrency
 * @param {(i: number) => Promise<{ status: number; ms: number }>} send
 * @param {number} expected the status of a good answer
 * @returns {Promise<LatencySample>}
 */
async function sample(count, concurrency, send, expected) {
  /** @type {number[]} */
  const ms = [];
  let failures = 0;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const answer = await send(next++);
      ms.push(answer.ms);
      if (answer.status !== expected) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ...spreadOf(ms), p99: percentileOf(ms, 0.99), failures };
}

/**
 * @param {{ serverMain: string; repoRoot: string; say: (text: string) => void; command: string }} deps
 * @param {DosBenchOptions} options
 * @returns {Promise<DosBenchResults>}
 */
export async function runDosBench(deps, options) {
  const { say } = deps;
  const started = performance.now();
  const loads = [os.loadavg()[0] ?? 0];
  const sampler = setInterval(() => loads.push(os.loadavg()[0] ?? 0), 5000);
  const generator = /** @type {typeof import('../shared/demo/directory-generator')} */ (
    (
      await runnerImport(path.join(deps.repoRoot, 'shared/demo/directory-generator.ts'), {
        configFile: false,
        logLevel: 'warn',
      })
    ).module
  );
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskpad-bench-dos-'));
  const users = 500;
  say(`A desk server on embedded PGlite (${users} demo users)…`);
  const server = await startDeskServer({
    main: deps.serverMain,
    cwd: deps.repoRoot,
    args: ['--data', dataDir, '--demo', '--demo-users', String(users)],
    env: { LOG_LEVEL: 'warn' },
  });
  const base = new URL(server.url);
  // The demo's desk agents (they sign in with the demo password), each sign-in from its own
  // address: the server limits tries per user name and address; this figure is about load.
  const accounts = generator
    .generateDirectory({ users, seed: 1 })
    .users.filter((u) => u.roles.includes('agent'))
    .map((u) => u.userName);
  let signInsSoFar = 0;
  const phase = async () => {
    const health = await sample(
      options.healthRequests,
      options.concurrency,
      (i) =>
        timed(base, {
          method: 'GET',
          path: '/api/v1/health',
          localAddress: `127.0.1.${(i % 250) + 1}`,
        }),
      200,
    );
    const signIn = await sample(
      options.signIns,
      options.concurrency,
      () => {
        const n = signInsSoFar++;
        return timed(base, {
          method: 'POST',
          path: '/api/v1/sessions',
          body: JSON.stringify({ userName: accounts[n % accounts.length], password: PASSWORD }),
          localAddress: `127.0.2.${(n % 250) + 1}`,
        });
      },
      201,
    );
    return { health, signIn };
  };

  /** @type {import('node:child_process').ChildProcess | null} */
  let attacker = null;
  try {
    if (accounts.length === 0) throw new Error('The demo directory has no agents to sign in as.');
    say(`Idle: ${options.healthRequests} health checks, ${options.signIns} sign-ins…`);
    const idle = await phase();
    const attackers = {
      bodies: options.bodies,
      bodyBytes: BODY_BYTES,
      slow: options.slow,
      trickleMs: TRICKLE_MS,
    };
    say(
      `Under attack: ${options.bodies} clients sending 8 MiB bodies, ${options.slow} slow connections…`,
    );
    const child = spawn(
      process.execPath,
      [
        attackScript,
        JSON.stringify({ host: base.hostname, port: Number(base.port), ...attackers }),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    attacker = child;
    const attackStarted = performance.now();
    await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));
    const attacked = await phase();
    const rest = ATTACK_MS - (performance.now() - attackStarted);
    if (rest > 0) {
      say(
        `The attack goes on ${Math.round(rest / 1000)} s more, past the server's request timeout…`,
      );
      await new Promise((resolve) => setTimeout(resolve, rest));
    }
    /** @type {Promise<AttackStats>} */
    const report = new Promise((resolve, reject) => {
      let text = '';
      child.stdout.on('data', (/** @type {Buffer} */ data) => (text += data.toString('utf8')));
      child.once('exit', () => {
        try {
          resolve(JSON.parse(text));
        } catch (error) {
          reject(error);
        }
      });
    });
    child.stdin.write('stop\n');
    const attack = await report;
    const attackSeconds = (performance.now() - attackStarted) / 1000;
    attacker = null;
    return {
      date: new Date().toISOString(),
      command: deps.command,
      wallSeconds: (performance.now() - started) / 1000,
      database: 'embedded PGlite (no DATABASE_URL)',
      cores: os.cpus().length,
      loadAverage: { min: Math.min(...loads), max: Math.max(...loads) },
      healthRequests: options.healthRequests,
      signIns: options.signIns,
      concurrency: options.concurrency,
      attackers,
      idle,
      attacked,
      attack,
      attackSeconds,
    };
  } finally {
    clearInterval(sampler);
    attacker?.kill('SIGKILL');
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
