// Issue 15's figures: a desk holds what it needs. A real desk server process on a throwaway
// PostgreSQL cluster holding five years of a busy desk (bench/scope-load.mjs: 1,000,000
// interactions), and the real desk in headless Chromium (the bench pages' desk.html: the UI on a
// store host in a Worker, IndexedDB). A fresh desk signs in; the time until its sync says it is
// caught up and Go to anything finds the latest interaction by number and by a word; the desk's
// storage then; the same desk a week offline while the server takes a week of work, back online
// until caught up. Side by side, the full pull: a second database of 100,000 interactions whose
// administrator set N to 3650 days, so every row is in the desk's scope — the rows an unscoped
// pull sends. The desk is a black box: whichever first-sync path the app has is what is timed.
// Measures; never judges (scope-report.mjs).

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { runnerImport } from 'vite';
import { startDeskServer } from './desk-server.mjs';
import { loadScopeHistory, markNewestInteraction, settleDisk, writeWeek } from './scope-load.mjs';

/** @typedef {import('./scope-types').ScopeBenchResults} ScopeBenchResults */
/** @typedef {import('./scope-types').FreshDeskFigure} FreshDeskFigure */
/** @typedef {import('./sync-bench.mjs').PgClusterModule} PgClusterModule */
/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */

/**
 * @typedef {object} ScopeBenchDeps
 * @property {string} repoRoot
 * @property {string} serverMain the built desk server (main.js)
 * @property {string} webRoot the bench pages build (desk.html)
 * @property {(text: string) => void} say
 * @property {string} command
 * @property {<T>(profile: string, work: (context: BrowserContext) => Promise<T>) => Promise<T>} session
 * @property {(context: BrowserContext, url: string) => Promise<Page>} openPage
 */

/**
 * @typedef {object} ScopeBenchOptions
 * @property {number} interactions the long history's interactions (five years)
 * @property {number} baselineInteractions the full pull's interactions
 * @property {number} weekInteractions new interactions written during the week offline
 * @property {number} weekUpdates changes to held records during that week
 * @property {number} fullPullSeconds how long the full pull may take before it is called unfinished
 */

const PASSWORD = 'deskpad-demo';
/** The demo's service desk agent: the desk's agent (group Service Desk). */
const AGENT = 'demo.agent';
const SHARED_BUFFERS = '1GB';
const DEMO_USERS = 500;
/** The demo's weeks the copies are made of. */
const HISTORY_DAYS = 28;
const CAUGHT_UP_TIMEOUT_MS = 480_000;
/** Words no generated record has: the latest interaction's, and the week's last change's. */
const WORDS = { fresh: 'kestrel', baseline: 'kestrel', week: 'osprey' };
const POLL_MS = 50;
/** The full pull: every row within N days, N the administrator's maximum. */
const FULL_PULL_DAYS = 3650;
const FULL_PULL_CEILING_MB = 20000;

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `check` every POLL_MS until it answers true; the time it did (performance.now()).
 * @param {() => Promise<boolean>} check @param {string} what @param {number} [timeoutMs]
 */
async function until(check, what, timeoutMs = CAUGHT_UP_TIMEOUT_MS) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await check()) return performance.now();
    await sleep(POLL_MS);
  }
  throw new Error(`${what} did not happen within ${timeoutMs / 1000} s.`);
}

/** Whether Go to anything's query on the desk finds the record `id` for `text`. */
const finds = (/** @type {Page} */ page, /** @type {string} */ text, /** @type {string} */ id) =>
  page.evaluate(
    async ([query, wanted]) =>
      (await window.deskpadDesk.goTo(query, 20)).some((hit) => hit.id === wanted),
    /** @type {const} */ ([text, id]),
  );

/** The store host's word: online, with a complete pull at or after `since` (ISO), if given. */
const caughtUp = async (/** @type {Page} */ page, /** @type {string | null} */ since) => {
  const status = await page.evaluate(() => window.deskpadDesk.syncStatus());
  return (
    status.connection === 'online' &&
    status.lastSyncedAt !== null &&
    (since === null || status.lastSyncedAt >= since)
  );
};

/** The desk's storage: the store host's own measure (ADR 0020) and the browser's, by system. */
async function storageOf(/** @type {Page} */ page, /** @type {number} */ afterEpochMs) {
  // Eviction runs after the first complete pull and the directory's page; it measures after.
  const deadline = performance.now() + 30_000;
  let details = await page.evaluate(() => window.deskpadDesk.syncDetails());
  while (
    performance.now() < deadline &&
    !(details.storage && Date.parse(details.storage.measuredAt) >= afterEpochMs)
  ) {
    await sleep(250);
    details = await page.evaluate(() => window.deskpadDesk.syncDetails());
  }
  const estimate = await page.evaluate(async () => {
    const e = /** @type {StorageEstimate & { usageDetails?: Record<string, number> }} */ (
      await navigator.storage.estimate()
    );
    return { usage: e.usage ?? null, indexedDb: e.usageDetails?.indexedDB ?? null };
  });
  return {
    usageBytes: estimate.usage,
    indexedDbBytes: estimate.indexedDb,
    records: details.storage?.records ?? null,
    ceilingBytes: details.storage?.ceilingBytes ?? null,
    measuredAfterPull: details.storage
      ? Date.parse(details.storage.measuredAt) >= afterEpochMs
      : false,
  };
}

/**
 * What Sync details lists since `sinceEpochMs`: each kind's attempts and their time together.
 * @param {Page} page @param {number} sinceEpochMs
 */
async function attemptsSince(page, sinceEpochMs) {
  const { attempts } = await page.evaluate(() => window.deskpadDesk.syncDetails());
  /** @type {Record<string, { count: number; ms: number }>} */
  const byKind = {};
  for (const a of attempts) {
    if (Date.parse(a.startedAt) < sinceEpochMs) continue;
    const kind = (byKind[a.kind] ??= { count: 0, ms: 0 });
    kind.count += 1;
    kind.ms += a.durationMs;
  }
  return byKind;
}

/**
 * Ctrl+G, the number typed: until its row is on screen (the UI's answer, after the store's).
 * @param {Page} page @param {string} number
 */
async function goToOnScreen(page, number) {
  const dialog = page.getByRole('dialog', { name: 'Go to anything' });
  const started = performance.now();
  await page.keyboard.press('Control+g');
  await dialog.getByRole('combobox').waitFor();
  await page.keyboard.type(number);
  await dialog.getByRole('option').filter({ hasText: number }).first().waitFor();
  const ms = performance.now() - started;
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  return ms;
}

/**
 * The server's own time on pulls that ended from `sinceEpochMs` on (its request log).
 * @param {{ log: { requests: (wanted: (r: import('./desk-server.mjs').LoggedRequest) => boolean) => import('./desk-server.mjs').LoggedRequest[] } }} server
 * @param {number} sinceEpochMs
 */
function serverPulls(server, sinceEpochMs) {
  const pulls = server.log.requests(
    (r) => r.url === '/api/v1/sync/pull' && r.endedAt >= sinceEpochMs,
  );
  return { count: pulls.length, ms: pulls.reduce((sum, r) => sum + r.responseTime, 0) };
}

/**
 * A fresh desk (new profile, empty IndexedDB) signs in as the agent: sign-in → caught up, and →
 * the marked interaction found by number and by its word; then on screen; then its storage. A
 * desk not caught up within `timeoutMs` is a figure too: null times, and what it held by then.
 * @param {Page} page @param {{ number: string; id: string }} marked @param {string} word
 * @param {Parameters<typeof serverPulls>[0]} server @param {number} timeoutMs
 * @returns {Promise<FreshDeskFigure>}
 */
async function timeFreshDesk(page, marked, word, server, timeoutMs) {
  await page.waitForFunction(() => 'deskpadDesk' in window);
  await page.evaluate(() => window.deskpadDesk.ready());
  const signedInAt = Date.now();
  const started = performance.now();
  await page.evaluate(
    ([user, password]) => window.deskpadDesk.signIn(user, password),
    /** @type {const} */ ([AGENT, PASSWORD]),
  );
  const caughtUpAt = await until(
    () => caughtUp(page, null),
    'The fresh desk catching up',
    timeoutMs,
  ).catch((/** @type {unknown} */ error) => {
    // Only the wait running out is a figure; anything else fails the run.
    if (error instanceof Error && error.message.includes('did not happen within')) return null;
    throw error;
  });
  if (caughtUpAt === null)
    return {
      caughtUpMs: null,
      searchableMs: null,
      goToOnScreenMs: null,
      timeoutMs,
      attempts: await attemptsSince(page, signedInAt),
      serverPulls: serverPulls(server, signedInAt),
      storage: await storageOf(page, Date.now()),
    };
  let byNumber = false;
  let byWord = false;
  const searchableAt = await until(async () => {
    byNumber ||= await finds(page, marked.number, marked.id);
    byWord ||= await finds(page, word, marked.id);
    return byNumber && byWord;
  }, `${marked.number} found by number and by "${word}"`);
  const pulls = serverPulls(server, signedInAt);
  const goToMs = await goToOnScreen(page, marked.number);
  const storage = await storageOf(page, signedInAt);
  return {
    caughtUpMs: caughtUpAt - started,
    searchableMs: searchableAt - started,
    goToOnScreenMs: goToMs,
    timeoutMs,
    attempts: await attemptsSince(page, signedInAt),
    serverPulls: pulls,
    storage,
  };
}

/** @param {FreshDeskFigure} d */
const described = (d) =>
  `${d.caughtUpMs === null ? `not caught up within ${d.timeoutMs / 1000} s` : `caught up ${d.caughtUpMs.toFixed(0)} ms, searchable ${(d.searchableMs ?? 0).toFixed(0)} ms`}, ${d.storage.records} records, ${((d.storage.usageBytes ?? 0) / 1e6).toFixed(1)} MB; the server's pulls ${d.serverPulls.count} × ${d.serverPulls.ms.toFixed(0)} ms together`;

/** @param {string} repoRoot */
async function loadPgCluster(repoRoot) {
  return /** @type {PgClusterModule} */ (
    (
      await runnerImport(path.join(repoRoot, 'server/testing/pg-cluster.ts'), {
        configFile: false,
        logLevel: 'warn',
      })
    ).module
  );
}

/**
 * @param {ScopeBenchDeps} deps
 * @param {ScopeBenchOptions} options
 * @returns {Promise<ScopeBenchResults>}
 */
export async function runScopeBench(deps, options) {
  const { say } = deps;
  const started = performance.now();
  const loads = [os.loadavg()[0] ?? 0];
  const sampler = setInterval(() => loads.push(os.loadavg()[0] ?? 0), 5000);
  const pgCluster = await loadPgCluster(deps.repoRoot);
  const bin = pgCluster.findPgBinaries();
  if (!bin) throw new Error('The scope figures need PostgreSQL server binaries (PG_BIN).');
  const cluster = await pgCluster.startPgCluster(bin, [`-c shared_buffers=${SHARED_BUFFERS}`]);
  const database = `PostgreSQL ${path.basename(path.dirname(bin))} (throwaway cluster, shared_buffers ${SHARED_BUFFERS})`;
  /** @type {string[]} */
  const dirs = [];
  const tempDir = async (/** @type {string} */ name) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), `deskpad-scope-bench-${name}-`));
    dirs.push(dir);
    return dir;
  };
  /** @type {Awaited<ReturnType<typeof startDeskServer>> | null} */
  let server = null;
  /** @type {pg.Client | null} */
  let loader = null;

  /** A desk server with the demo's weeks on a new database, and a loader connection to it. */
  const serve = async (/** @type {string} */ name) => {
    const databaseUrl = await cluster.createDatabase(name);
    server = await startDeskServer({
      main: deps.serverMain,
      cwd: deps.repoRoot,
      args: [
        '--data',
        await tempDir(`${name}-data`),
        '--demo',
        '--demo-users',
        String(DEMO_USERS),
        '--demo-history-days',
        String(HISTORY_DAYS),
        '--web',
        deps.webRoot,
      ],
      // info: the request log, for the server's own time on pulls.
      env: { LOG_LEVEL: 'info', DATABASE_URL: databaseUrl },
    });
    loader = new pg.Client({ connectionString: databaseUrl });
    await loader.connect();
    return { url: server.url, db: loader, server };
  };
  const stopServing = async () => {
    await /** @type {pg.Client | null} */ (loader)?.end();
    loader = null;
    await /** @type {Awaited<ReturnType<typeof startDeskServer>> | null} */ (server)?.stop();
    server = null;
  };

  try {
    // 1. Five years of the desk, a fresh desk on it, its storage, then a week offline.
    say(
      `Five years of history: ${options.interactions.toLocaleString('en-US')} interactions on ${database}…`,
    );
    const big = await serve('deskpad_scope');
    const loadStarted = performance.now();
    const history = await loadScopeHistory(big.db, { interactions: options.interactions }, say);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const marked = await markNewestInteraction(big.db, WORDS.fresh);
    await settleDisk(big.db, say);
    say(
      `  ${history.openInteractions} open interactions, ${history.openIncidents} open incidents, ${history.recentInteractions} interactions changed in 30 days; loaded in ${loadSeconds.toFixed(0)} s`,
    );
    const [scoped, week] = await deps.session(await tempDir('desk'), async (context) => {
      say(`A fresh desk signs in as ${AGENT} and pulls its scope…`);
      const page = await deps.openPage(
        context,
        `${big.url}/desk.html?users=${DEMO_USERS}&db=bench-scope`,
      );
      const fresh = await timeFreshDesk(
        page,
        marked,
        WORDS.fresh,
        big.server,
        CAUGHT_UP_TIMEOUT_MS,
      );
      say(`  ${described(fresh)}`);
      if (fresh.caughtUpMs === null) throw new Error('The fresh desk never caught up.');

      say('The desk goes offline; a week of work is written on the server…');
      await context.setOffline(true);
      await until(
        async () =>
          (await page.evaluate(() => window.deskpadDesk.syncStatus())).connection === 'offline',
        'The desk noticing it is offline',
        10_000,
      );
      const written = await writeWeek(
        big.db,
        { interactions: options.weekInteractions, updates: options.weekUpdates },
        say,
      );
      const last = await markNewestInteraction(big.db, WORDS.week);
      await settleDisk(big.db, say);
      const before = new Date().toISOString();
      say('Back online: until caught up and the week’s last change is found…');
      const back = performance.now();
      await context.setOffline(false);
      const backAt = Date.now();
      const caughtUpAt = await until(() => caughtUp(page, before), 'The desk catching up');
      const foundAt = await until(
        () => finds(page, WORDS.week, last.id),
        `${last.number} found by "${WORDS.week}"`,
      );
      const status = await page.evaluate(() => window.deskpadDesk.syncStatus());
      const pulls = serverPulls(big.server, backAt);
      say(
        `  caught up ${(caughtUpAt - back).toFixed(0)} ms, found ${(foundAt - back).toFixed(0)} ms; the server's pulls ${pulls.count} × ${pulls.ms.toFixed(0)} ms together`,
      );
      return /** @type {const} */ ([
        fresh,
        {
          ...written,
          caughtUpMs: caughtUpAt - back,
          lastChangeFoundMs: foundAt - back,
          pendingChanges: status.pendingChanges,
          attempts: await attemptsSince(page, backAt),
          serverPulls: pulls,
        },
      ]);
    });
    await stopServing();

    // 2. The full pull, side by side: every row of a 100,000-interaction history in scope.
    say(
      `The full pull: ${options.baselineInteractions.toLocaleString('en-US')} interactions, N = ${FULL_PULL_DAYS} days…`,
    );
    const small = await serve('deskpad_full_pull');
    const baselineHistory = await loadScopeHistory(
      small.db,
      { interactions: options.baselineInteractions },
      say,
    );
    // What Administration's sync-scope.save keeps (server/sync/scope-settings.ts), at its maximum.
    await small.db.query(
      `INSERT INTO server_meta (key, value) VALUES ('scope_recent_days', $1), ('scope_ceiling_mb', $2)
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [String(FULL_PULL_DAYS), String(FULL_PULL_CEILING_MB)],
    );
    const baselineMarked = await markNewestInteraction(small.db, WORDS.baseline);
    await settleDisk(small.db, say);
    const baseline = await deps.session(await tempDir('full-pull'), async (context) => {
      say(`A fresh desk signs in as ${AGENT} and pulls every row…`);
      const page = await deps.openPage(
        context,
        `${small.url}/desk.html?users=${DEMO_USERS}&db=bench-full-pull`,
      );
      return timeFreshDesk(
        page,
        baselineMarked,
        WORDS.baseline,
        small.server,
        options.fullPullSeconds * 1000,
      );
    });
    say(`  ${described(baseline)}`);
    await stopServing();
    clearInterval(sampler);
    loads.push(os.loadavg()[0] ?? 0);
    return {
      date: new Date().toISOString(),
      command: deps.command,
      database,
      agent: AGENT,
      history: { ...history, loadSeconds },
      scoped,
      week,
      baseline: { ...baseline, history: baselineHistory, recentDays: FULL_PULL_DAYS },
      loadAverage: { min: Math.min(...loads), max: Math.max(...loads) },
      wallSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    clearInterval(sampler);
    await stopServing().catch(() => undefined);
    await cluster.stop();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}
