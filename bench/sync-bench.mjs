// Issue 3's figures against real desk server processes: the first directory download on a fresh
// desk, 1,000 interactions saved offline reaching the server, and 50 desks at once on PostgreSQL.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runnerImport } from 'vite';
import { createMutationSource, deskConnection, runDesks } from './desk-load.mjs';
import { signIn, startDeskServer } from './desk-server.mjs';
import { spreadOf } from './report.mjs';

/** @typedef {import('./bench-types').SyncBenchResults} SyncBenchResults */
/** @typedef {import('./bench-types').OfflineSyncRound} OfflineSyncRound */
/** @typedef {import('./bench-types').DirectoryDownloadResult} DirectoryDownloadResult */
/** @typedef {import('./bench-types').NaiveDirectoryResult} NaiveDirectoryResult */
/** @typedef {import('./bench-types').DeskLoadResult} DeskLoadResult */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('../shared/sync/protocol').PushedMutation} PushedMutation */

/**
 * What the runner lends this module: its clock-stamped log, its Chromium sessions and pages.
 * @typedef {object} SyncBenchDeps
 * @property {string} repoRoot
 * @property {string} serverMain the desk server build (main.js)
 * @property {string} webRoot the bench pages build, served by the desk server at /
 * @property {(text: string) => void} say
 * @property {<T>(profile: string, work: (context: BrowserContext) => Promise<T>) => Promise<T>} session
 * @property {(context: BrowserContext, url: string) => Promise<Page>} openPage
 */

/**
 * @typedef {object} SyncBenchOptions
 * @property {number} users demo users on the server (the directory download)
 * @property {number} rounds directory downloads and offline rounds
 * @property {number} offlineSaves
 * @property {number} desks simulated desks at once
 * @property {number} deskRounds pushes per simulated desk
 * @property {number} batch mutations per simulated push
 */

const PASSWORD = 'deskpad-demo';
const AGENT = 'demo.agent';
/** Seeded by the server's --demo after the generated users: only a downloaded directory has it. */
const DOWNLOADED_USER = 'demo.admin';
/** The desk's own demo directory before it signs in: small, so the first start is quick. */
const LOCAL_DEMO_USERS = 200;
/** The desks' page size (electron/store/sync/sync-engine.ts), for the naive baseline too. */
const DIRECTORY_PAGE_SIZE = 5000;
const OPENED_FOR = 'usr_000100';
/** Saves sent to the store host at once while offline (the time they take is not a figure). */
const SAVES_IN_FLIGHT = 8;
const SYNC_TIMEOUT_MS = 60_000;
const LOAD_USERS = 5000;

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {string} number e.g. IMS0001234 */
const numberValue = (number) => Number(number.replace(/^\D+/, ''));

/**
 * The read API, as an integration would use it.
 * @param {string} url
 * @param {string} token
 */
function readApi(url, token) {
  const headers = { authorization: `Bearer ${token}` };
  /** @param {string} query */
  const list = async (query) => {
    const response = await fetch(`${url}/api/v1/interactions?${query}`, { headers });
    if (!response.ok) throw new Error(`The read API answered ${response.status}.`);
    return /** @type {import('../shared/sync/server-api').InteractionList} */ (
      await response.json()
    );
  };
  return {
    /** The newest interaction's number as a count (IMS0001234 → 1234), 0 when there is none. */
    async newest() {
      const page = await list('limit=1');
      const first = page.interactions[0];
      return first ? numberValue(first.number) : 0;
    },
    /** Every interaction on the server: id → number. */
    async all() {
      /** @type {Map<string, string>} */
      const found = new Map();
      /** @type {string | null} */
      let cursor = null;
      do {
        const page = await list(
          `limit=200${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`,
        );
        for (const record of page.interactions) found.set(record.id, record.number);
        cursor = page.nextCursor;
      } while (cursor !== null);
      return found;
    },
  };
}

/**
 * server/testing/pg-cluster.ts, as far as the bench uses it (server/ is outside this tsconfig).
 * @typedef {object} PgClusterModule
 * @property {() => string | null} findPgBinaries
 * @property {(bin: string, settings?: readonly string[]) => Promise<{ createDatabase(name: string): Promise<string>; stop(): Promise<void> }>} startPgCluster
 */

/**
 * The shared modules the Node side needs at run time, loaded through Vite (they are TypeScript).
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
    pgCluster: /** @type {PgClusterModule} */ (await load('server/testing/pg-cluster.ts')),
  };
}

/**
 * The protocol's floor for the same job as the offline desk: push `count` creates in full
 * batches from Node, then pull until the server has nothing more, as the desk must.
 * @param {object} options
 * @param {string} options.url
 * @param {string} options.token
 * @param {string} options.actorId
 * @param {string} options.clientId
 * @param {number} options.count
 * @param {Awaited<ReturnType<typeof loadShared>>} options.shared
 */
async function bareProtocol({ url, token, actorId, clientId, count, shared }) {
  const connection = deskConnection(url, '127.0.0.1');
  const { PushResponse, PullResponse, SYNC_LIMITS } = shared.protocol;
  try {
    /** @param {string | null} cursor */
    const pullAll = async (cursor) => {
      for (;;) {
        const pulled = await connection.request(
          'POST',
          '/api/v1/sync/pull',
          { clientId, cursor },
          token,
        );
        if (pulled.status !== 200) throw new Error(`pull answered ${pulled.status}`);
        const answer = PullResponse.parse(JSON.parse(pulled.text));
        cursor = answer.cursor;
        if (!answer.more) return cursor;
      }
    };
    const cursor = await pullAll(null);
    const source = createMutationSource({
      clientId,
      actorId,
      random: shared.generator.mulberry32(99),
      now: () => new Date(),
      caller: () => OPENED_FOR,
      followUpShare: 0,
    });
    const mutations = source.next(count);
    const started = performance.now();
    for (let i = 0; i < mutations.length; i += SYNC_LIMITS.mutationsPerPush) {
      const batch = mutations.slice(i, i + SYNC_LIMITS.mutationsPerPush);
      const pushed = await connection.request(
        'POST',
        '/api/v1/sync/push',
        { clientId, mutations: batch },
        token,
      );
      if (pushed.status !== 200) throw new Error(`push answered ${pushed.status}: ${pushed.text}`);
      const answer = PushResponse.parse(JSON.parse(pushed.text));
      if (answer.refused.length > 0) throw new Error('The server refused a baseline mutation.');
    }
    await pullAll(cursor);
    return performance.now() - started;
  } finally {
    connection.close();
  }
}

/**
 * @param {SyncBenchDeps} deps
 * @param {SyncBenchOptions} options
 * @returns {Promise<Omit<SyncBenchResults, 'wallSeconds' | 'command'>>}
 */
export async function runSyncBench(deps, options) {
  const { say } = deps;
  // Other work on a shared machine moves these figures: say how busy it was.
  const loads = [os.loadavg()[0] ?? 0];
  const sampler = setInterval(() => loads.push(os.loadavg()[0] ?? 0), 5000);
  const shared = await loadShared(deps.repoRoot);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskpad-bench-server-'));
  const profile = await mkdtemp(path.join(os.tmpdir(), 'deskpad-bench-desk-'));
  const serverArgs = ['--demo', '--demo-users', String(options.users)];
  say(
    `Desk server on PGlite with ${options.users.toLocaleString('en-US')} demo users (seeding takes a while)…`,
  );
  const server = await startDeskServer({
    main: deps.serverMain,
    cwd: deps.repoRoot,
    args: ['--data', dataDir, ...serverArgs, '--web', deps.webRoot],
    // Info: the log of every request, from which the push handling time is read.
    env: { LOG_LEVEL: 'info' },
  });
  try {
    const reader = await signIn(server.url, AGENT, PASSWORD);
    const api = readApi(server.url, reader.token);

    const { directory, offline } = await deps.session(profile, async (context) => {
      /** @type {DirectoryDownloadResult[]} */
      const downloads = [];
      /** @type {NaiveDirectoryResult[]} */
      const naive = [];
      /** @type {Page | null} */
      let desk = null;
      for (let round = 1; round <= options.rounds; round++) {
        await desk?.close();
        desk = await deps.openPage(
          context,
          `${server.url}/desk.html?users=${LOCAL_DEMO_USERS}&db=bench-desk-${round}`,
        );
        await desk.waitForFunction(() => 'deskpadDesk' in window);
        await desk.evaluate(() => window.deskpadDesk.ready());
        const page = desk;
        const deskpad = async () => {
          say(
            `Directory ${round} of ${options.rounds}: fresh desk, sign in → ${DOWNLOADED_USER} found…`,
          );
          downloads.push(
            await page.evaluate(
              ([user, password, expect, timeout]) =>
                window.deskpadDesk.timeDirectoryDownload(user, password, expect, timeout),
              /** @type {const} */ ([AGENT, PASSWORD, DOWNLOADED_USER, SYNC_TIMEOUT_MS]),
            ),
          );
        };
        const baseline = async () => {
          say(`Directory ${round}: the naive baseline (same pages, one record per user)…`);
          naive.push(
            await page.evaluate(
              ([token, pageSize]) => window.deskpadDesk.naiveDirectory(token, pageSize),
              /** @type {const} */ ([reader.token, DIRECTORY_PAGE_SIZE]),
            ),
          );
        };
        // Turn about, so neither always runs on the warmer (or busier) machine.
        if (round % 2 === 1) {
          await deskpad();
          await baseline();
        } else {
          await baseline();
          await deskpad();
        }
      }
      if (!desk) throw new Error('No desk was opened.');
      const page = desk;

      /** @type {OfflineSyncRound[]} */
      const rounds = [];
      /** @type {number[]} */
      const bare = [];
      for (let round = 1; round <= options.rounds; round++) {
        // First, so the server never starts a round empty: the desk's numbers then follow the
        // newest one it holds, which is how the read API is watched below.
        say(`Offline ${round} of ${options.rounds}: the bare protocol baseline from Node…`);
        bare.push(
          await bareProtocol({
            url: server.url,
            token: reader.token,
            actorId: reader.agent.id,
            clientId: `bench-bare-${round}-${Date.now()}`,
            count: options.offlineSaves,
            shared,
          }),
        );
        say(`Offline ${round}: ${options.offlineSaves} interactions saved on the desk offline…`);
        // Caught up first (the previous round's baseline added interactions), so each round
        // pulls back only its own.
        await page.evaluate(() => window.deskpadDesk.syncNow());
        await context.setOffline(true);
        await page.waitForFunction(
          async () => (await window.deskpadDesk.syncStatus()).connection === 'offline',
        );
        const started = performance.now();
        const ids = await page.evaluate(
          ([count, caller, inFlight]) =>
            window.deskpadDesk.saveInteractions(count, caller, inFlight),
          /** @type {const} */ ([options.offlineSaves, OPENED_FOR, SAVES_IN_FLIGHT]),
        );
        const saveMs = performance.now() - started;
        const waiting = (await page.evaluate(() => window.deskpadDesk.syncStatus())).pendingChanges;
        if (waiting !== ids.length)
          throw new Error(`${waiting} changes wait on the desk, not ${ids.length}.`);
        // Numbers have no holes (docs/decisions/0004): the desk's last one is `before` + its count.
        const before = await api.newest();
        const countBefore = (await api.all()).size;
        if (countBefore === 0) throw new Error('The server holds no interaction to count from.');
        await page.evaluate(() => window.deskpadDesk.watchSynced());

        say(`Offline ${round}: network back…`);
        const backAt = Date.now();
        const deskSynced = page.evaluate(
          (timeout) => window.deskpadDesk.syncedAt(timeout),
          SYNC_TIMEOUT_MS,
        );
        await context.setOffline(false);
        let serverAt = 0;
        while (Date.now() - backAt < SYNC_TIMEOUT_MS) {
          if ((await api.newest()) >= before + ids.length) {
            serverAt = Date.now();
            break;
          }
          await sleep(10);
        }
        if (serverAt === 0) throw new Error(`The server did not list the interactions in time.`);
        const deskAt = await deskSynced;
        await page.getByText('0 changes not synced').first().waitFor();

        const onServer = await api.all();
        const numbered = ids.filter((id) => onServer.has(id)).length;
        const pushes = server.log.requests(
          (r) =>
            r.url === '/api/v1/sync/push' &&
            r.endedAt >= backAt &&
            r.endedAt <= Math.max(serverAt, deskAt) + 50,
        );
        const firstStart = Math.min(...pushes.map((r) => r.endedAt - r.responseTime));
        const lastEnd = Math.max(...pushes.map((r) => r.endedAt));
        rounds.push({
          saves: ids.length,
          saveMs,
          serverMs: serverAt - backAt,
          deskMs: deskAt - backAt,
          bothMs: Math.max(serverAt, deskAt) - backAt,
          pushes: pushes.length,
          pushHandlingMs: pushes.reduce((sum, r) => sum + r.responseTime, 0),
          pushSpanMs: pushes.length > 0 ? lastEnd - firstStart : 0,
          reachedServer: onServer.size - countBefore,
          numbered,
        });
      }
      await page.close();

      const longTasks = downloads.flatMap((d) => d.longTasks);
      return {
        directory: {
          users: downloads.at(-1)?.users ?? 0,
          localUsers: LOCAL_DEMO_USERS,
          pageSize: DIRECTORY_PAGE_SIZE,
          rounds: downloads,
          searchable: spreadOf(downloads.map((d) => d.searchableMs)),
          naive,
          naiveTotal: spreadOf(naive.map((n) => n.totalMs)),
          naivePut: spreadOf(naive.map((n) => n.putMs)),
          longTasks: spreadOf(longTasks),
        },
        offline: {
          savesInFlight: SAVES_IN_FLIGHT,
          rounds,
          both: spreadOf(rounds.map((r) => r.bothMs)),
          server: spreadOf(rounds.map((r) => r.serverMs)),
          desk: spreadOf(rounds.map((r) => r.deskMs)),
          serverMutationsPerSecond: spreadOf(
            rounds.map((r) => (r.pushHandlingMs > 0 ? (r.saves / r.pushHandlingMs) * 1000 : 0)),
          ),
          bareProtocol: spreadOf(bare),
        },
      };
    });

    const load = await deskLoad(deps, options, shared);
    loads.push(os.loadavg()[0] ?? 0);
    return {
      date: new Date().toISOString(),
      server: `node ${path.relative(deps.repoRoot, deps.serverMain)} --port P --data DIR ${serverArgs.join(' ')} --web ${path.relative(deps.repoRoot, deps.webRoot)}`,
      loadAverage: { min: Math.min(...loads), max: Math.max(...loads) },
      directory,
      offline,
      load,
    };
  } finally {
    clearInterval(sampler);
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}

/**
 * 50 desks at once against a server on a throwaway PostgreSQL cluster (PGlite without the
 * binaries), after one desk alone on the same server as the baseline.
 * @param {SyncBenchDeps} deps
 * @param {SyncBenchOptions} options
 * @param {Awaited<ReturnType<typeof loadShared>>} shared
 * @returns {Promise<{ alone: DeskLoadResult; together: DeskLoadResult }>}
 */
async function deskLoad(deps, options, shared) {
  const { say } = deps;
  const bin = shared.pgCluster.findPgBinaries();
  const cluster = bin ? await shared.pgCluster.startPgCluster(bin) : null;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskpad-bench-load-'));
  const database = cluster
    ? `PostgreSQL ${path.basename(path.dirname(bin ?? ''))} (throwaway cluster from ${bin})`
    : 'PGlite: no PostgreSQL server binaries were found';
  say(`${options.desks} desks at once, on ${database}…`);
  try {
    const databaseUrl = cluster ? await cluster.createDatabase('deskpad_bench') : null;
    const server = await startDeskServer({
      main: deps.serverMain,
      cwd: deps.repoRoot,
      args: ['--data', dataDir, '--demo', '--demo-users', String(LOAD_USERS)],
      env: { LOG_LEVEL: 'warn', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    });
    try {
      // The demo's desk agents (demo.agent first), whom --demo gives the demo password.
      const accounts = shared.generator
        .generateDirectory({ users: LOAD_USERS, seed: 1 })
        .users.filter((user) => user.roles.includes('agent'));
      const common = {
        baseUrl: server.url,
        rounds: options.deskRounds,
        batch: options.batch,
        accounts,
        password: PASSWORD,
        randomFor: (/** @type {number} */ seed) => shared.generator.mulberry32(seed),
        caller: (/** @type {() => number} */ random) =>
          `usr_${String(1 + Math.floor(random() * LOAD_USERS)).padStart(6, '0')}`,
        schemas: shared.protocol,
        database,
      };
      say('One desk alone first (the baseline)…');
      const alone = await runDesks({ ...common, desks: 1, runId: 'alone' });
      say(`${options.desks} desks pushing and pulling at once…`);
      const together = await runDesks({ ...common, desks: options.desks, runId: 'together' });
      const reader = await signIn(server.url, AGENT, PASSWORD);
      const onServer = (await readApi(server.url, reader.token).all()).size;
      // Both runs' creates are on the server; each run is told the total it shares.
      const created = alone.created + together.created;
      return {
        alone: { ...alone, onServer, created },
        together: { ...together, onServer, created },
      };
    } finally {
      await server.stop();
    }
  } finally {
    await cluster?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
