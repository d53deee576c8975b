// Issue 14's figures against a real desk server process on a throwaway PostgreSQL cluster holding a
// year of history (bench/reports-load.mjs: 1,000,000 interactions, 200,000 visits, 500,000 calls):
// each report over a month and over a year through GET /api/v1/reports/{name}; volume side by side
// with the same figure counted from the interactions (without report_hourly); and the dashboard's
// first render on a real desk in Chromium. Measures; never judges (reports-report.mjs).

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { runnerImport } from 'vite';
import { startDeskServer } from './desk-server.mjs';
import { loadReportHistory } from './reports-load.mjs';
import { spreadOf } from './report.mjs';
import { client, signInFrom } from './walkup-latency-bench.mjs';

/** @typedef {import('./bench-types').ReportsBenchResults} ReportsBenchResults */
/** @typedef {import('./bench-types').LatencySpread} LatencySpread */
/** @typedef {import('./sync-bench.mjs').PgClusterModule} PgClusterModule */

/**
 * @typedef {object} ReportsBenchDeps
 * @property {string} repoRoot
 * @property {string} serverMain the built desk server (main.js)
 * @property {(text: string) => void} say
 * @property {string} command
 * @property {string} webRoot the bench pages build (desk.html: the real UI on a store host)
 * @property {<T>(profile: string, work: (context: import('playwright-core').BrowserContext) => Promise<T>) => Promise<T>} session
 * @property {(context: import('playwright-core').BrowserContext, url: string) => Promise<import('playwright-core').Page>} openPage
 */

/**
 * @typedef {object} ReportsBenchOptions
 * @property {number} interactions
 * @property {number} visits
 * @property {number} calls
 * @property {number} runs timed requests per report and period (after one warm-up)
 * @property {number} renders dashboard openings timed on the desk
 */

const PASSWORD = 'deskpad-demo';
/** The demo's desk manager (role manager): the dashboard's user. */
const MANAGER = 'demo.manager';
const CAUGHT_UP_TIMEOUT_MS = 120_000;
const SHARED_BUFFERS = '1GB';
const DEMO_USERS = 500;
/** The demo's weeks the copies are made of (its generator's realistic day). */
const HISTORY_DAYS = 28;
/** A whole-hour zone with daylight saving: the dashboard's volume reads report_hourly. */
const TIME_ZONE = 'Europe/London';
const DAY_MS = 86_400_000;
const REPORTS = /** @type {const} */ ([
  'volume',
  'first-contact-resolution',
  'handle-time',
  'walk-up-times',
  'abandonment',
  'callbacks',
  'open-incidents',
  'satisfaction',
]);

/** @param {string} repoRoot */
async function loadParts(repoRoot) {
  /** @param {string} file @returns {Promise<any>} */
  const load = async (file) =>
    (await runnerImport(path.join(repoRoot, file), { configFile: false, logLevel: 'warn' })).module;
  return {
    pgCluster: /** @type {PgClusterModule} */ (await load('server/testing/pg-cluster.ts')),
    /** server/reports/report-queries.ts: the volume figure with and without report_hourly. */
    queries:
      /** @type {Record<'volumeFigure' | 'volumeFromInteractions', (db: Kysely<any>, f: { from: string; to: string; timeZone: string }) => Promise<{ total: number }>>} */ (
        await load('server/reports/report-queries.ts')
      ),
  };
}

/** @param {() => Promise<unknown>} work @param {number} runs */
async function timeRuns(work, runs) {
  await work();
  /** @type {number[]} */
  const samples = [];
  for (let n = 0; n < runs; n++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return spreadOf(samples);
}

/** @typedef {import('playwright-core').Page} Page */

/**
 * The real desk (bench pages' desk.html: the store host in a Worker) signed in as the demo's manager.
 * @param {ReportsBenchDeps} deps @param {import('playwright-core').BrowserContext} context
 * @param {string} url @param {string} db the desk's IndexedDB name
 */
async function openDesk(deps, context, url, db) {
  const page = await deps.openPage(context, `${url}/desk.html?users=${DEMO_USERS}&db=${db}`);
  await page.waitForFunction(() => 'deskpadDesk' in window);
  await page.evaluate(() => window.deskpadDesk.ready());
  await page.evaluate(
    ([user, password]) => window.deskpadDesk.signIn(user, password),
    /** @type {const} */ ([MANAGER, PASSWORD]),
  );
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Dashboard' })
    .waitFor();
  return page;
}

/** Until the desk says it is online with a sync behind it and stays so for 2 s. */
async function caughtUpOn(/** @type {Page} */ page) {
  const deadline = performance.now() + CAUGHT_UP_TIMEOUT_MS;
  let quietSince = 0;
  while (performance.now() < deadline) {
    const status = await page.evaluate(() => window.deskpadDesk.syncStatus());
    const quiet = status.connection === 'online' && status.lastSyncedAt !== null;
    if (!quiet) quietSince = 0;
    else if (quietSince === 0) quietSince = performance.now();
    else if (performance.now() - quietSince >= 2000) return;
    await sleep(100);
  }
  throw new Error('The desk did not catch up with the demo weeks.');
}

/**
 * Interactions, then Dashboard clicked, until the status names the figures' time and every chart
 * has its picture; then the period changed to the last 28 days, until drawn again. `renders` times.
 * @param {Page} page @param {number} renders
 * @returns {Promise<ReportsBenchResults['dashboard']>}
 */
async function timeDashboard(page, renders) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const dashboard = page.getByRole('region', { name: 'Dashboard' });
  const drawn = (/** @type {string} */ period) =>
    page.waitForFunction(
      (label) => {
        const status = document.querySelector('.dashboard__status')?.textContent ?? '';
        const figures = document.querySelectorAll('.dashboard__charts figure');
        return (
          status.startsWith(label) &&
          status.includes('figures as of') &&
          figures.length > 0 &&
          [...figures].every((f) => f.querySelector('svg') !== null)
        );
      },
      period,
      { polling: 'raf', timeout: 60_000 },
    );
  const period = page.getByLabel('Period', { exact: true });
  /** @type {number[]} */
  const today = [];
  /** @type {number[]} */
  const month = [];
  for (let n = 0; n < renders; n++) {
    await nav.getByRole('button', { name: 'Interactions' }).click();
    await dashboard.waitFor({ state: 'detached' });
    const opened = performance.now();
    await nav.getByRole('button', { name: 'Dashboard' }).click();
    await drawn('Today');
    today.push(performance.now() - opened);
    const changed = performance.now();
    await period.selectOption('last-28-days');
    await drawn('Last 28 days');
    month.push(performance.now() - changed);
    await period.selectOption('today');
  }
  return { first: today[0] ?? null, today: spreadOf(today), month: spreadOf(month) };
}

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param {ReportsBenchDeps} deps
 * @param {ReportsBenchOptions} options
 * @returns {Promise<ReportsBenchResults>}
 */
export async function runReportsBench(deps, options) {
  const { say } = deps;
  const started = performance.now();
  const loads = [os.loadavg()[0] ?? 0];
  const sampler = setInterval(() => loads.push(os.loadavg()[0] ?? 0), 5000);
  const parts = await loadParts(deps.repoRoot);
  const bin = parts.pgCluster.findPgBinaries();
  if (!bin) throw new Error('The reports figures need PostgreSQL server binaries (PG_BIN).');
  // A production-sized cache (the test clusters' 32 MB would read a year's index from the OS each time).
  const cluster = await parts.pgCluster.startPgCluster(bin, [
    `-c shared_buffers=${SHARED_BUFFERS}`,
  ]);
  const database = `PostgreSQL ${path.basename(path.dirname(bin))} (throwaway cluster, shared_buffers ${SHARED_BUFFERS})`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskpad-reports-bench-'));
  /** @type {Awaited<ReturnType<typeof startDeskServer>> | null} */
  let server = null;
  /** @type {pg.Client | null} */
  let loader = null;
  /** @type {Kysely<any> | null} */
  let kysely = null;
  /** @type {ReturnType<typeof client> | null} */
  let http = null;
  try {
    const databaseUrl = await cluster.createDatabase('deskpad_reports');
    say(`A desk server on ${database} with the demo's last ${HISTORY_DAYS} days…`);
    server = await startDeskServer({
      main: deps.serverMain,
      cwd: deps.repoRoot,
      args: [
        '--data',
        dataDir,
        '--demo',
        '--demo-users',
        String(DEMO_USERS),
        '--demo-history-days',
        String(HISTORY_DAYS),
        '--web',
        deps.webRoot,
      ],
      env: { LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl },
    });
    const url = server.url;
    const profiles = await Promise.all(
      ['caught-up', 'first-sync'].map((name) =>
        mkdtemp(path.join(os.tmpdir(), `deskpad-reports-bench-${name}-`)),
      ),
    );
    const [caughtUpProfile = '', firstSyncProfile = ''] = profiles;
    try {
      // A manager's desk in daily use: signed in before the year arrives, its sync caught up and idle
      // (the copies are written in SQL, so no desk is poked about them).
      const [measured, caughtUp] = await deps.session(caughtUpProfile, async (context) => {
        const page = await openDesk(deps, context, url, 'bench-reports-caught-up');
        await caughtUpOn(page);
        const figures = await loadAndMeasure();
        say(`The dashboard on the caught-up desk in Chromium, ${options.renders} times…`);
        return /** @type {const} */ ([figures, await timeDashboard(page, options.renders)]);
      });
      // A manager's new desk: its first sync of the whole year runs while the dashboard is opened.
      say(`The dashboard on a new desk during its first sync, ${options.renders} times…`);
      const firstSync = await deps.session(firstSyncProfile, async (context) => {
        const page = await openDesk(deps, context, url, 'bench-reports-first-sync');
        return timeDashboard(page, options.renders);
      });
      clearInterval(sampler);
      return {
        date: new Date().toISOString(),
        command: deps.command,
        database,
        timeZone: TIME_ZONE,
        runs: options.runs,
        ...measured,
        dashboard: caughtUp,
        dashboardFirstSync: firstSync,
        loadAverage: { min: Math.min(...loads), max: Math.max(...loads) },
        wallSeconds: (performance.now() - started) / 1000,
      };
    } finally {
      await Promise.all(profiles.map((p) => rm(p, { recursive: true, force: true })));
    }

    async function loadAndMeasure() {
      say(
        `Copying the demo's weeks to a year: ${options.interactions.toLocaleString('en-US')} interactions, ${options.visits.toLocaleString('en-US')} visits, ${options.calls.toLocaleString('en-US')} calls…`,
      );
      loader = new pg.Client({ connectionString: databaseUrl });
      await loader.connect();
      const loadStarted = performance.now();
      const loaded = await loadReportHistory(loader, options, say);
      const loadSeconds = (performance.now() - loadStarted) / 1000;
      await loader.end();
      loader = null;

      http = client(url, '127.0.0.2');
      const { token } = await signInFrom(http, MANAGER, PASSWORD);
      // Periods end at the last whole UTC hour: today's figures as the dashboard asks for them.
      const to = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
      const periods = {
        month: { from: new Date(to.getTime() - 30 * DAY_MS), to },
        year: { from: new Date(to.getTime() - 365 * DAY_MS), to },
      };
      const query = (/** @type {{ from: Date; to: Date }} */ period) =>
        `from=${encodeURIComponent(period.from.toISOString())}&to=${encodeURIComponent(period.to.toISOString())}&timeZone=${encodeURIComponent(TIME_ZONE)}`;
      const health = await timeRuns(async () => {
        const answer = await /** @type {ReturnType<typeof client>} */ (http).request(
          'GET',
          '/api/v1/health',
          undefined,
          null,
        );
        if (answer.status !== 200) throw new Error(`health answered ${answer.status}`);
      }, options.runs);

      /** @type {ReportsBenchResults['reports']} */
      const reports = [];
      for (const name of REPORTS)
        for (const period of /** @type {const} */ (['month', 'year'])) {
          say(`  ${name} over a ${period}…`);
          const spread = await timeRuns(async () => {
            const got = await /** @type {ReturnType<typeof client>} */ (http).request(
              'GET',
              `/api/v1/reports/${name}?${query(periods[period])}`,
              undefined,
              token,
            );
            if (got.status !== 200)
              throw new Error(`${name} answered ${got.status}: ${JSON.stringify(got.json)}`);
          }, options.runs);
          reports.push({ name, period, spread });
        }

      // Volume with and without report_hourly: the queries alone, on the server's database.
      kysely = new Kysely({
        dialect: new PostgresDialect({
          pool: new pg.Pool({ connectionString: databaseUrl, max: 2 }),
        }),
      });
      const db = kysely;
      /** @type {ReportsBenchResults['volume']} */
      const volume = [];
      for (const period of /** @type {const} */ (['month', 'year'])) {
        const filter = {
          from: periods[period].from.toISOString(),
          to: periods[period].to.toISOString(),
          timeZone: TIME_ZONE,
        };
        const withHourly = await timeRuns(
          () => parts.queries.volumeFigure(db, filter),
          options.runs,
        );
        const without = await timeRuns(
          () => parts.queries.volumeFromInteractions(db, filter),
          options.runs,
        );
        const a = await parts.queries.volumeFigure(db, filter);
        const b = await parts.queries.volumeFromInteractions(db, filter);
        if (JSON.stringify(a) !== JSON.stringify(b))
          throw new Error(`Volume over a ${period} differs with and without report_hourly.`);
        volume.push({ period, withHourly, without, total: a.total });
      }
      await kysely.destroy();
      kysely = null;

      return {
        loaded: { ...loaded, seconds: loadSeconds },
        healthRoundTrip: health,
        reports,
        volume,
      };
    }
  } finally {
    clearInterval(sampler);
    // Assigned inside loadAndMeasure: read as what they may hold, not as narrowed to null.
    /** @type {ReturnType<typeof client> | null} */ (http)?.close();
    await /** @type {Kysely<any> | null} */ (kysely)?.destroy().catch(() => undefined);
    await /** @type {pg.Client | null} */ (loader)?.end().catch(() => undefined);
    await server?.stop();
    await cluster.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
