// Issue 9's server figures: desks pushing and pulling at once against desk server processes on one
// throwaway PostgreSQL cluster — one desk alone, 50 desks, 500 desks, and 50 desks split over two
// instances. Loopback only (127.0.x.y). Measures; never judges (parallel-report.mjs does).

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runnerImport } from 'vite';
import { runDesks } from './desk-load.mjs';
import { signIn, startDeskServer } from './desk-server.mjs';

/** @typedef {import('./bench-types').DeskLoadResult} DeskLoadResult */

/** @typedef {import('./bench-types').ParallelBenchResults} ParallelBenchResults */

/**
 * @typedef {object} ParallelBenchOptions
 * @property {number} desks
 * @property {number} rounds pushes per desk
 * @property {number} batch mutations per push
 * @property {number} manyDesks
 * @property {number} manyRounds
 * @property {number} manyBatch
 */

const PASSWORD = 'deskpad-demo';
const AGENT = 'demo.agent';
const LOAD_USERS = 5000;

/**
 * @param {string} repoRoot
 */
async function loadShared(repoRoot) {
  /** @param {string} file @returns {Promise<unknown>} */
  const load = async (file) =>
    (await runnerImport(path.join(repoRoot, file), { configFile: false, logLevel: 'warn' })).module;
  return {
    protocol: /** @type {typeof import('../shared/sync/protocol')} */ (
      await load('shared/sync/protocol.ts')
    ),
    generator: /** @type {typeof import('../shared/demo/directory-generator')} */ (
      await load('shared/demo/directory-generator.ts')
    ),
    pgCluster:
      /** @type {import('./sync-bench.mjs').PgClusterModule} */
      (await load('server/testing/pg-cluster.ts')),
  };
}

/**
 * Every interaction the read API lists (ids only), to check nothing was lost or doubled.
 * @param {string} url
 * @param {string} token
 */
async function countInteractions(url, token) {
  let total = 0;
  /** @type {string | null} */
  let cursor = null;
  do {
    const query = `limit=200${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
    const response = await fetch(`${url}/api/v1/interactions?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`The read API answered ${response.status}.`);
    const page = /** @type {{ interactions: unknown[]; nextCursor: string | null }} */ (
      await response.json()
    );
    total += page.interactions.length;
    cursor = page.nextCursor;
  } while (cursor !== null);
  return total;
}

/**
 * The cursor of a desk that has pulled everything so far: each run's desks start there, so a run
 * measures its own pushes and pulls, not the download of the runs before it.
 * @param {string} url
 * @param {string} token
 */
async function headCursor(url, token) {
  /** @type {string | null} */
  let cursor = null;
  for (;;) {
    const response = await fetch(`${url}/api/v1/sync/pull`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'bench-head', cursor }),
    });
    if (!response.ok) throw new Error(`A pull answered ${response.status}.`);
    const answer = /** @type {{ cursor: string; more: boolean }} */ (await response.json());
    cursor = answer.cursor;
    if (!answer.more) return cursor;
  }
}

/**
 * @param {{ repoRoot: string; serverMain: string; say: (text: string) => void; command: string }} deps
 * @param {ParallelBenchOptions} options
 * @returns {Promise<ParallelBenchResults>}
 */
export async function runParallelBench(deps, options) {
  const { say } = deps;
  const started = performance.now();
  const loads = [os.loadavg()[0] ?? 0];
  const sampler = setInterval(() => loads.push(os.loadavg()[0] ?? 0), 5000);
  const shared = await loadShared(deps.repoRoot);
  const bin = shared.pgCluster.findPgBinaries();
  if (!bin) throw new Error('The parallel figures need PostgreSQL server binaries (PG_BIN).');
  const cluster = await shared.pgCluster.startPgCluster(bin);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskpad-bench-parallel-'));
  const database = `PostgreSQL ${path.basename(path.dirname(bin))} (throwaway cluster from ${bin})`;
  /** @type {Awaited<ReturnType<typeof startDeskServer>>[]} */
  const servers = [];
  try {
    const databaseUrl = await cluster.createDatabase('deskpad_parallel');
    const start = async (/** @type {string[]} */ extra) => {
      const server = await startDeskServer({
        main: deps.serverMain,
        cwd: deps.repoRoot,
        args: ['--data', dataDir, ...extra],
        env: { LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl },
      });
      servers.push(server);
      return server;
    };
    say(`Two desk servers on ${database} (the first seeds ${LOAD_USERS} demo users)…`);
    const first = await start(['--demo', '--demo-users', String(LOAD_USERS)]);
    const second = await start([]);
    const accounts = shared.generator
      .generateDirectory({ users: LOAD_USERS, seed: 1 })
      .users.filter((user) => user.roles.includes('agent'));
    const reader = await signIn(first.url, AGENT, PASSWORD);
    const caughtUp = () => headCursor(first.url, reader.token);
    const common = {
      accounts,
      password: PASSWORD,
      randomFor: (/** @type {number} */ seed) => shared.generator.mulberry32(seed),
      caller: (/** @type {() => number} */ random) =>
        `usr_${String(1 + Math.floor(random() * LOAD_USERS)).padStart(6, '0')}`,
      schemas: shared.protocol,
      database,
      checkFirstPullOnly: true,
    };
    const { rounds, batch } = options;
    say('One desk alone (the baseline)…');
    const alone = await runDesks({
      ...common,
      startCursor: await caughtUp(),
      baseUrl: first.url,
      desks: 1,
      rounds,
      batch,
      runId: 'p-alone',
    });
    say(`${options.desks} desks at once on one instance…`);
    const together = await runDesks({
      ...common,
      startCursor: await caughtUp(),
      baseUrl: first.url,
      desks: options.desks,
      rounds,
      batch,
      runId: 'p-together',
    });
    say(`${options.desks} desks at once, half on each of two instances…`);
    const half = Math.floor(options.desks / 2);
    const splitStart = await caughtUp();
    const split = await Promise.all([
      runDesks({
        ...common,
        startCursor: splitStart,
        baseUrl: first.url,
        desks: half,
        rounds,
        batch,
        runId: 'p-two-a',
      }),
      runDesks({
        ...common,
        startCursor: splitStart,
        baseUrl: second.url,
        desks: options.desks - half,
        rounds,
        batch,
        runId: 'p-two-b',
      }),
    ]);
    say(`${options.manyDesks} desks at once on one instance…`);
    const many = await runDesks({
      ...common,
      startCursor: await caughtUp(),
      baseUrl: first.url,
      desks: options.manyDesks,
      rounds: options.manyRounds,
      batch: options.manyBatch,
      runId: 'p-many',
    });
    const interactionsOnServer = await countInteractions(first.url, reader.token);
    return {
      date: new Date().toISOString(),
      database,
      command: deps.command,
      wallSeconds: (performance.now() - started) / 1000,
      loadAverage: { min: Math.min(...loads), max: Math.max(...loads) },
      cores: os.cpus().length,
      alone: { ...alone, onServer: interactionsOnServer, created: alone.created },
      together: { ...together, onServer: interactionsOnServer, created: together.created },
      many: { ...many, onServer: interactionsOnServer, created: many.created },
      twoInstances: { ...combine(split), onServer: interactionsOnServer },
      interactionsOnServer,
      interactionsCreated: [alone, together, ...split, many].reduce((s, r) => s + r.created, 0),
    };
  } finally {
    clearInterval(sampler);
    for (const server of servers) await server.stop();
    await cluster.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Two runs that went on at once, as one: their samples' spreads cannot be merged exactly, so the
 * slower side's latencies stand for both (the figure errs on the safe side).
 * @param {Awaited<ReturnType<typeof runDesks>>[]} runs
 */
function combine(runs) {
  const [a, b] = runs;
  if (!a || !b) throw new Error('two runs expected');
  const slower = a.push.p99 >= b.push.p99 ? a : b;
  const wallMs = Math.max(a.wallMs, b.wallMs);
  const pushes = a.pushes + b.pushes;
  const mutations = a.mutations + b.mutations;
  return {
    ...slower,
    desks: a.desks + b.desks,
    pushes,
    mutations,
    pulls: a.pulls + b.pulls,
    pulledRows: a.pulledRows + b.pulledRows,
    wallMs,
    pushesPerSecond: pushes / (wallMs / 1000),
    mutationsPerSecond: mutations / (wallMs / 1000),
    errors: a.errors + b.errors,
    errorSamples: [...a.errorSamples, ...b.errorSamples].slice(0, 5),
    created: a.created + b.created,
  };
}
