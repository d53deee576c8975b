// `npm run bench`: builds bench/pages, drives Debian's headless Chromium through the figures of
// issues 2 and 4 (pages on 127.0.0.1) and issue 3 (real desk server processes), writes
// bench/results.json (and, asked, the README section). Never in `npm test`; never touches 'deskpad'.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import {
  BENCH_COMMAND,
  chromiumVersion,
  escalationFigureRows,
  figureRows,
  keyboardFigure,
  readmeSection,
  replaceReadmeSection,
  spreadOf,
  syncFigureRows,
  textTable,
} from './report.mjs';
import { componentSearchFigure, keyboardEscalations } from './escalation-bench.mjs';
import { runParallelBench } from './parallel-bench.mjs';
import { parallelFigureRows } from './parallel-report.mjs';
import { runDosBench } from './dos-bench.mjs';
import { dosFigureRows } from './dos-report.mjs';
import { runSyncBench } from './sync-bench.mjs';
import { runImportBench } from './import-bench.mjs';
import { importFigureRows } from './import-report.mjs';
import { runLdapBench } from './ldap-bench.mjs';
import { ldapFigureRows } from './ldap-report.mjs';
import { runWalkupLatencyBench } from './walkup-latency-bench.mjs';
import { walkupLatencyFigureRows } from './walkup-latency-report.mjs';
import { runWalkUpEstimateBench } from './walkup-estimate-bench.mjs';
import { walkUpEstimateRows } from './walkup-estimate-report.mjs';
import { runPhoneBench } from './phone-bench.mjs';
import { runGoToBench } from './goto-bench.mjs';
import { goToFigureRows } from './goto-report.mjs';
import { runKeysBench } from './keys-bench.mjs';
import { keysFigureRows } from './keys-report.mjs';
import { phoneFigureRows } from './phone-report.mjs';
import { runReportsBench } from './reports-bench.mjs';
import { reportsFigureRows } from './reports-report.mjs';
import { runLighthouseBench } from './lighthouse-bench.mjs';
import { runScopeBench } from './scope-bench.mjs';
import { scopeFigureRows } from './scope-report.mjs';
import { lighthouseFigureRows } from './lighthouse-report.mjs';

/** @typedef {import('./bench-types').BenchResults} BenchResults */
/** @typedef {import('./bench-types').StartResult} StartResult */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('playwright-core').Page} Page */

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '..');
const resultsPath = path.join(benchDir, 'results.json');

const CHROMIUM_PATH = process.env.DESKPAD_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** The store host's database the figures are taken on; the app page reopens it. */
const HOST_DB = 'bench-host';
const STEP_TIMEOUT_MS = 120_000;

const { values: options } = parseArgs({
  options: {
    users: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '3000' },
    restarts: { type: 'string', default: '3' },
    saves: { type: 'string', default: '200' },
    'typed-callers': { type: 'string', default: '80' },
    'ui-saves': { type: 'string', default: '40' },
    'minisearch-budget-ms': { type: 'string', default: '20000' },
    'sync-users': { type: 'string', default: '100000' },
    'sync-rounds': { type: 'string', default: '3' },
    'offline-saves': { type: 'string', default: '1000' },
    desks: { type: 'string', default: '50' },
    'desk-rounds': { type: 'string', default: '10' },
    'desk-batch': { type: 'string', default: '10' },
    'many-desks': { type: 'string', default: '500' },
    'many-rounds': { type: 'string', default: '2' },
    'many-batch': { type: 'string', default: '2' },
    'dos-health': { type: 'string', default: '500' },
    'dos-sign-ins': { type: 'string', default: '120' },
    'dos-concurrency': { type: 'string', default: '4' },
    'dos-bodies': { type: 'string', default: '10' },
    'dos-slow': { type: 'string', default: '200' },
    components: { type: 'string', default: '10000' },
    incidents: { type: 'string', default: '20000' },
    'component-searches': { type: 'string', default: '3000' },
    rebuilds: { type: 'string', default: '20' },
    'naive-db-searches': { type: 'string', default: '30' },
    escalations: { type: 'string', default: '10' },
    'import-users': { type: 'string', default: '100000' },
    'import-big-rows': { type: 'string', default: '1000000' },
    'ldap-users': { type: 'string', default: '10000' },
    'walkup-desks': { type: 'string', default: '20' },
    'walkup-check-ins': { type: 'string', default: '40' },
    'walkup-seed': { type: 'string', default: '1' },
    'walkup-days': { type: 'string', default: '10' },
    'phone-desks': { type: 'string', default: '50' },
    'phone-calls': { type: 'string', default: '40' },
    'phone-browser-calls': { type: 'string', default: '20' },
    'phone-rate': { type: 'string', default: '100' },
    'phone-seconds': { type: 'string', default: '10' },
    'reports-interactions': { type: 'string', default: '1000000' },
    'reports-visits': { type: 'string', default: '200000' },
    'reports-calls': { type: 'string', default: '500000' },
    'reports-runs': { type: 'string', default: '5' },
    'reports-renders': { type: 'string', default: '5' },
    'lighthouse-runs': { type: 'string', default: '3' },
    'goto-interactions': { type: 'string', default: '20000' },
    'goto-incidents': { type: 'string', default: '20000' },
    'goto-requests': { type: 'string', default: '20000' },
    'goto-texts': { type: 'string', default: '20' },
    'keys-rounds': { type: 'string', default: '10' },
    'scope-interactions': { type: 'string', default: '1000000' },
    'scope-full-pull-interactions': { type: 'string', default: '100000' },
    'scope-week-interactions': { type: 'string', default: '20000' },
    'scope-week-updates': { type: 'string', default: '2000' },
    'scope-full-pull-seconds': { type: 'string', default: '240' },
    'skip-keyboard': { type: 'boolean', default: false },
    only: { type: 'string', default: 'all' },
    'write-readme': { type: 'boolean', default: false },
  },
  strict: true,
});

/** @param {string} name @returns {number} */
function positive(name) {
  const value = Number(options[/** @type {keyof typeof options} */ (name)]);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`--${name} must be a positive whole number.`);
    process.exit(2);
  }
  return value;
}

const USERS = positive('users');
const QUERIES = positive('queries');
const RESTARTS = positive('restarts');
const SAVES = positive('saves');
const TYPED_CALLERS = positive('typed-callers');
const UI_SAVES = positive('ui-saves');
const MINISEARCH_BUDGET_MS = positive('minisearch-budget-ms');
const SYNC_USERS = positive('sync-users');
const SYNC_ROUNDS = positive('sync-rounds');
const OFFLINE_SAVES = positive('offline-saves');
const DESKS = positive('desks');
const DESK_ROUNDS = positive('desk-rounds');
const DESK_BATCH = positive('desk-batch');
const COMPONENTS = positive('components');
const INCIDENTS = positive('incidents');
const COMPONENT_SEARCHES = positive('component-searches');
const REBUILDS = positive('rebuilds');
const NAIVE_DB_SEARCHES = positive('naive-db-searches');
const ESCALATIONS = positive('escalations');
/** `--only issue2`, `sync`, `issue4`, `parallel`, `dos`, `import`, `ldap`, `walkup-latency`, `walkup-estimate`, `phone`, `reports`, `lighthouse`, `goto`, `keys` or `scope` measures one part and keeps the others from results.json. */
const ONLY = options.only;
const PARTS = [
  'issue2',
  'sync',
  'issue4',
  'parallel',
  'dos',
  'import',
  'ldap',
  'walkup-latency',
  'walkup-estimate',
  'phone',
  'reports',
  'lighthouse',
  'goto',
  'keys',
  'scope',
];
if (!['all', ...PARTS].includes(ONLY)) {
  console.error(`--only must be one of ${PARTS.join(', ')}.`);
  process.exit(2);
}
const runs = (/** @type {string} */ part) => ONLY === 'all' || ONLY === part;
/** The command line as typed, for a part's own record of how it was measured. */
const commandLine = () => {
  const args = process.argv.slice(2);
  return `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`;
};

const wallStart = performance.now();
/** @param {string} text */
const say = (text) =>
  console.log(`[${((performance.now() - wallStart) / 1000).toFixed(1).padStart(5)} s] ${text}`);

/**
 * Chromium defers posted messages after a discrete input until the next frame is produced
 * (INP work); the store worker's answer is such a message. Switched off for one comparison only.
 */
const NO_INPUT_DEFERRAL = '--disable-features=DeferRendererTasksAfterInput';

/**
 * A browser on the run's profile: each session is a fresh Chromium, as after a reboot.
 * @template T
 * @param {string} profile
 * @param {(context: BrowserContext) => Promise<T>} work
 * @param {string[]} [extraArgs]
 * @returns {Promise<T>}
 */
async function session(profile, work, extraArgs = []) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    headless: true,
    viewport: { width: 1280, height: 900 },
  });
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}

/**
 * What a bench that drives a real desk in Chromium against the built desk server is given: the
 * bench pages (or `webRoot`), the browser session and page opener, and the command line.
 * @param {string} [webRoot]
 */
const browserBench = (webRoot = path.join(repoRoot, 'dist', 'bench')) => ({
  repoRoot,
  serverMain: path.join(repoRoot, 'dist', 'bench-server', 'main.js'),
  webRoot,
  say,
  /** @type {typeof session} */
  session: (profile, work) => session(profile, work),
  openPage,
  command: commandLine(),
});

/**
 * Opens a page and fails the run on any uncaught page error rather than timing a broken page.
 * @param {BrowserContext} context
 * @param {string} url
 */
async function openPage(context, url) {
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`page console: ${message.text()}`);
  });
  await page.goto(url);
  return page;
}

/**
 * Opens (first start) or reopens (restart) the store host on the bench database.
 * @param {Page} page
 * @returns {Promise<StartResult>}
 */
const start = (page) =>
  page.evaluate(
    ([n, db]) => window.deskpadBench.start(n, db),
    /** @type {const} */ ([USERS, HOST_DB]),
  );

/**
 * The app on the bench's stored directory, once its store worker answers searches.
 * @param {BrowserContext} context
 * @param {string} base
 */
async function openApp(context, base) {
  const page = await openPage(context, `${base}app.html?users=${USERS}&db=${HOST_DB}`);
  await page.waitForFunction(() => 'deskpadApp' in window);
  await page.evaluate(() => window.deskpadApp.install());
  await page.getByRole('button', { name: 'New interaction', exact: true }).waitFor();
  // A search waits for the directory: once one answers, the agent could type.
  await page.evaluate(() => window.deskpadApp.timePortSearches(['a']));
  return page;
}

/** @param {BrowserContext} context @param {string} base */
async function storePage(context, base) {
  const page = await openPage(context, `${base}store.html`);
  await page.waitForFunction(() => 'deskpadBench' in window);
  return page;
}

/**
 * Types each caller's letters into Opened for, one key at a time, and reads the renderer's
 * keystroke-to-render measure after each key.
 * @param {Page} page
 * @param {string[]} callers
 */
async function typeCallers(page, callers) {
  const field = page.getByRole('combobox', { name: 'Opened for', exact: true });
  const measureCount = () => page.evaluate(() => window.deskpadApp.measureCount());
  /** @param {number} seen */
  const nextMeasure = (seen) =>
    page.waitForFunction((n) => window.deskpadApp.measureCount() > n, seen, { polling: 'raf' });
  /** @type {number[]} */
  const samples = [];
  /** @type {number[]} */
  const fromKeydown = [];
  let withResults = 0;
  for (const text of callers) {
    await page.keyboard.press('Control+k');
    if ((await field.inputValue()) !== '') {
      const before = await measureCount();
      await field.press('Control+a');
      await field.press('Backspace');
      await nextMeasure(before);
    }
    const from = await measureCount();
    for (const key of text) {
      const seen = await measureCount();
      await page.keyboard.type(key);
      await nextMeasure(seen);
    }
    const measures = await page.evaluate((n) => window.deskpadApp.measuresSince(n), from);
    for (const m of measures) {
      if (m.query.trim() === '') continue;
      samples.push(m.duration);
      fromKeydown.push(m.fromKeydown);
      if (m.options > 0) withResults += 1;
    }
    await page.keyboard.press('Escape');
  }
  return { samples, fromKeydown, withResults };
}

/**
 * New interaction, pick a caller, write a short description, Ctrl+S: time until "Saved IMS…".
 * @param {Page} page
 * @param {string[]} callers
 */
async function saveInteractions(page, callers) {
  /** @type {number[]} */
  const samples = [];
  for (const [i, text] of callers.entries()) {
    await page.keyboard.press('Alt+n');
    await page.getByRole('heading', { name: 'New interaction', exact: true }).waitFor();
    await page.keyboard.press('Control+k');
    await page.keyboard.type(text);
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page
      .getByRole('textbox', { name: 'Contact email', exact: true })
      .and(page.locator(':not([value=""])'))
      .waitFor();
    await page
      .getByRole('combobox', { name: 'Short description', exact: true })
      .fill(`Benchmark walk-in ${i + 1}: printer jam`);
    await page.evaluate(() => window.deskpadApp.armSave());
    await page.keyboard.press('Control+s');
    const took = await page.waitForFunction(() => window.deskpadApp.saveDuration());
    samples.push(/** @type {number} */ (await took.jsonValue()));
  }
  return samples;
}

/**
 * The figures of issue 2, on the bench pages served by Vite's preview (cross-origin isolated).
 * @param {string} base
 * @returns {Promise<Omit<BenchResults, 'command' | 'date' | 'sync' | 'wallSeconds'>>}
 */
async function issue2Figures(base) {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'deskpad-bench-'));
  say(`Serving ${base} · profile ${profile} · ${USERS.toLocaleString('en-US')} users`);
  try {
    // 1–3 (first start) and 2 (search): one browser, fresh profile.
    const first = await session(profile, async (context) => {
      const page = await storePage(context, base);
      const clock = await page.evaluate(() => window.deskpadBench.clock());
      // The user agent says 156.0.0.0 (reduced); the DevTools protocol gives the full version.
      const cdp = await context.newCDPSession(page);
      const { product } = await cdp.send('Browser.getVersion');
      await cdp.detach();
      say(`Storage: Dexie bulkPut of ${USERS} records vs column chunks…`);
      const storage = await page.evaluate((n) => window.deskpadBench.storage(n), USERS);
      say('First start of the store host (generate, index, store)…');
      const firstStart = await start(page);
      say(`Caller search: ${QUERIES} queries, store host and MiniSearch…`);
      const search = await page.evaluate(
        ([n, q, budget]) => window.deskpadBench.search(n, q, budget),
        /** @type {const} */ ([USERS, QUERIES, MINISEARCH_BUDGET_MS]),
      );
      const typed = await page.evaluate(
        ([n, count]) => window.deskpadBench.sampleQueries(n, count, 11),
        /** @type {const} */ ([USERS, TYPED_CALLERS + UI_SAVES]),
      );
      await page.evaluate(() => window.deskpadBench.close());
      return { clock, product, storage, firstStart, search, typed };
    });

    // 3: restarts, each in a new Chromium on the same profile; 5: saves after the first.
    /** @type {StartResult[]} */
    const restarts = [];
    /** @type {import('./bench-types').SaveResult | null} */
    let saves = null;
    for (let round = 0; round < RESTARTS; round++) {
      say(`Restart ${round + 1} of ${RESTARTS}: open the store host until search answers…`);
      await session(profile, async (context) => {
        const page = await storePage(context, base);
        restarts.push(await start(page));
        if (round === 0) {
          say(`Save to durable: ${SAVES} × interaction.create…`);
          saves = await page.evaluate((n) => window.deskpadBench.saves(n), SAVES);
        }
        await page.evaluate(() => window.deskpadBench.close());
      });
    }
    if (!saves) throw new Error('No saves were measured.');

    say('Baseline for index ready: one record per user, read and indexed by MiniSearch…');
    const naiveReady = await session(profile, async (context) =>
      (await storePage(context, base)).evaluate((n) => window.deskpadBench.naiveReady(n), USERS),
    );

    // 4 and 5 in the real UI, on the same stored directory.
    const callers = first.typed.slice(0, TYPED_CALLERS);
    const saveCallers = first.typed.slice(TYPED_CALLERS);
    say(`The app: typing ${callers.length} callers into Opened for, one key at a time…`);
    const ui = await session(profile, async (context) => {
      const page = await openApp(context, base);
      const keystrokes = await typeCallers(page, callers);
      const prefixes = callers.flatMap((text) =>
        [...text].map((_, i) => text.slice(0, i + 1)).filter((q) => q.trim() !== ''),
      );
      const portRoundTrip = await page.evaluate(
        (queries) => window.deskpadApp.timePortSearches(queries),
        prefixes,
      );
      say(`The app: ${saveCallers.length} saves (new, pick caller, short description, Ctrl+S)…`);
      const uiSaves = await saveInteractions(page, saveCallers);
      return { keystrokes, portRoundTrip, uiSaves };
    });
    say('The app again, with Chromium not deferring messages after input…');
    const undeferred = await session(
      profile,
      async (context) => typeCallers(await openApp(context, base), callers),
      [NO_INPUT_DEFERRAL],
    );

    return {
      machine: {
        cores: os.cpus().length,
        chromium: chromiumVersion(first.product),
        node: process.version,
        platform: `${os.type()} ${os.arch()}`,
      },
      clock: first.clock,
      users: USERS,
      storage: first.storage,
      search: first.search,
      firstStart: first.firstStart,
      restarts,
      restart: spreadOf(restarts.map((r) => r.searchReadyMs)),
      naiveReady,
      saves,
      uiKeystrokes: {
        keystrokes: ui.keystrokes.samples.length,
        queries: callers.length,
        spread: spreadOf(ui.keystrokes.samples),
        withResults: ui.keystrokes.withResults,
        fromKeydown: spreadOf(ui.keystrokes.fromKeydown),
        portRoundTrip: spreadOf(ui.portRoundTrip),
        withoutInputDeferral: spreadOf(undeferred.samples),
      },
      uiSaves: { spread: spreadOf(ui.uiSaves) },
    };
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/**
 * The figures of issue 4, on the bench pages served by Vite's preview (cross-origin isolated).
 * @param {string} base
 * @returns {Promise<import('./bench-types').EscalationBenchResults>}
 */
async function issue4Figures(base) {
  const started = performance.now();
  const loads = [os.loadavg()[0] ?? 0];
  const sampler = setInterval(() => loads.push(os.loadavg()[0] ?? 0), 5000);
  try {
    const deps = { say, session, openPage };
    const components = await componentSearchFigure(deps, base, {
      components: COMPONENTS,
      incidents: INCIDENTS,
      searches: COMPONENT_SEARCHES,
      rebuilds: REBUILDS,
      naiveFromDb: NAIVE_DB_SEARCHES,
    });
    // --skip-keyboard: the search figure alone, while the app cannot escalate yet.
    const escalations = options['skip-keyboard']
      ? null
      : await keyboardEscalations(deps, base, ESCALATIONS);
    const keyboard = escalations
      ? keyboardFigure(escalations.rounds, escalations.withoutShortcut)
      : null;
    loads.push(os.loadavg()[0] ?? 0);
    return {
      date: new Date().toISOString(),
      command: commandLine(),
      loadAverage: { min: Math.min(...loads), max: Math.max(...loads) },
      components,
      keyboard,
      wallSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** @returns {Promise<BenchResults | null>} */
async function previousResults() {
  try {
    return /** @type {BenchResults} */ (JSON.parse(await readFile(resultsPath, 'utf8')));
  } catch {
    return null;
  }
}

async function main() {
  const { build, preview } = await import('vite');
  const configFile = path.join(benchDir, 'vite.config.ts');
  // The walk-up estimate is a simulation in Node, Lighthouse loads the real app: neither needs them.
  if (ONLY !== 'walkup-estimate' && ONLY !== 'lighthouse') {
    say('Building bench pages (bench/pages → dist/bench)…');
    await build({ configFile, logLevel: 'warn' });
  }
  const previous = ONLY === 'all' ? null : await previousResults();
  if (ONLY !== 'all' && !previous) {
    console.error(
      `--only ${ONLY} keeps the other figures from bench/results.json: run it whole first.`,
    );
    process.exit(2);
  }

  /** @type {Omit<BenchResults, 'command' | 'date' | 'sync' | 'issue4' | 'wallSeconds'> | null} */
  let issue2 = null;
  /** @type {import('./bench-types').EscalationBenchResults | undefined} */
  let issue4 = previous?.issue4;
  /** @type {BenchResults['goTo']} */
  let goTo = previous?.goTo;
  if (runs('issue2') || runs('issue4') || runs('goto')) {
    const server = await preview({ configFile, preview: { port: 0 } });
    const address = server.httpServer.address();
    if (!address || typeof address !== 'object')
      throw new Error('The bench server is not listening.');
    const base = `http://127.0.0.1:${address.port}/`;
    try {
      if (runs('issue2')) issue2 = await issue2Figures(base);
      if (runs('issue4')) issue4 = await issue4Figures(base);
      if (runs('goto'))
        goTo = await runGoToBench({ say, session, openPage, command: commandLine() }, base, {
          interactions: positive('goto-interactions'),
          incidents: positive('goto-incidents'),
          requests: positive('goto-requests'),
          // Each of the kinds of text (a number, a caller, words): 3 × this many texts typed.
          queries: positive('goto-texts'),
        });
    } finally {
      await server.close();
    }
  }

  /** @type {import('./bench-types').SyncBenchResults | undefined} */
  let sync = previous?.sync;
  if (runs('sync')) {
    say('Building the desk server (server/ → dist/bench-server, as `npm run server` builds it)…');
    await build({
      configFile: path.join(repoRoot, 'server', 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: path.join(repoRoot, 'dist', 'bench-server') },
    });
    const started = performance.now();
    const figures = await runSyncBench(
      {
        repoRoot,
        serverMain: path.join(repoRoot, 'dist', 'bench-server', 'main.js'),
        webRoot: path.join(repoRoot, 'dist', 'bench'),
        say,
        session: (profile, work) => session(profile, work),
        openPage,
      },
      {
        users: SYNC_USERS,
        rounds: SYNC_ROUNDS,
        offlineSaves: OFFLINE_SAVES,
        desks: DESKS,
        deskRounds: DESK_ROUNDS,
        batch: DESK_BATCH,
      },
    );
    sync = {
      ...figures,
      command: commandLine(),
      wallSeconds: (performance.now() - started) / 1000,
    };
  }

  /** @type {BenchResults['parallel']} */
  let parallel = previous?.parallel;
  if (
    (runs('parallel') ||
      runs('dos') ||
      runs('import') ||
      runs('ldap') ||
      runs('walkup-latency') ||
      runs('phone') ||
      runs('reports') ||
      runs('lighthouse') ||
      runs('keys') ||
      runs('scope')) &&
    !runs('sync')
  )
    await build({
      configFile: path.join(repoRoot, 'server', 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: path.join(repoRoot, 'dist', 'bench-server') },
    });
  if (runs('parallel')) {
    parallel = await runParallelBench(
      {
        repoRoot,
        serverMain: path.join(repoRoot, 'dist', 'bench-server', 'main.js'),
        say,
        command: commandLine(),
      },
      {
        desks: DESKS,
        rounds: DESK_ROUNDS,
        batch: DESK_BATCH,
        manyDesks: positive('many-desks'),
        manyRounds: positive('many-rounds'),
        manyBatch: positive('many-batch'),
      },
    );
  }

  /** @type {BenchResults['dos']} */
  let dos = previous?.dos;
  if (runs('dos'))
    dos = await runDosBench(
      {
        repoRoot,
        serverMain: path.join(repoRoot, 'dist', 'bench-server', 'main.js'),
        say,
        command: commandLine(),
      },
      {
        healthRequests: positive('dos-health'),
        signIns: positive('dos-sign-ins'),
        concurrency: positive('dos-concurrency'),
        bodies: positive('dos-bodies'),
        slow: positive('dos-slow'),
      },
    );

  /** @type {BenchResults['import']} */
  let imported = previous?.import;
  if (runs('import'))
    imported = await runImportBench(browserBench(), {
      users: positive('import-users'),
      bigRows: positive('import-big-rows'),
    });
  /** @type {BenchResults['ldap']} */
  let ldap = previous?.ldap;
  if (runs('ldap'))
    ldap = await runLdapBench(
      {
        repoRoot,
        serverMain: path.join(repoRoot, 'dist', 'bench-server', 'main.js'),
        say,
        command: commandLine(),
      },
      { users: positive('ldap-users') },
    );

  /** @type {BenchResults['walkupLatency']} */
  let walkupLatency = previous?.walkupLatency;
  if (runs('walkup-latency'))
    walkupLatency = await runWalkupLatencyBench(
      {
        repoRoot,
        serverMain: path.join(repoRoot, 'dist', 'bench-server', 'main.js'),
        say,
        command: commandLine(),
      },
      {
        desks: positive('walkup-desks'),
        checkIns: positive('walkup-check-ins'),
        // A check-in a second: a busy walk-up desk's peak, several times over.
        spacingMs: 1000,
      },
    );

  /** @type {BenchResults['walkUpEstimate']} */
  let walkUpEstimate = previous?.walkUpEstimate;
  if (runs('walkup-estimate'))
    walkUpEstimate = await runWalkUpEstimateBench(
      { repoRoot, say, command: commandLine() },
      { seed: positive('walkup-seed'), days: positive('walkup-days') },
    );

  /** @type {BenchResults['phone']} */
  let phone = previous?.phone;
  if (runs('phone'))
    phone = await runPhoneBench(
      {
        repoRoot,
        serverMain: path.join(repoRoot, 'dist', 'bench-server', 'main.js'),
        say,
        command: commandLine(),
        webRoot: path.join(repoRoot, 'dist', 'bench'),
        session,
        openPage,
      },
      {
        browserCalls: positive('phone-browser-calls'),
        desks: positive('phone-desks'),
        calls: positive('phone-calls'),
        // One measured call at a time, half a second apart: the figure is each call's own path.
        spacingMs: 500,
        rate: positive('phone-rate'),
        seconds: positive('phone-seconds'),
        // Short rings and talks keep the burst's calls overlapping as a busy hour's do, in seconds.
        ringMs: 1000,
        talkMs: 2000,
      },
    );

  /** @type {BenchResults['reports']} */
  let reports = previous?.reports;
  if (runs('reports'))
    reports = await runReportsBench(
      {
        repoRoot,
        serverMain: path.join(repoRoot, 'dist', 'bench-server', 'main.js'),
        say,
        command: commandLine(),
        webRoot: path.join(repoRoot, 'dist', 'bench'),
        session,
        openPage,
      },
      {
        interactions: positive('reports-interactions'),
        visits: positive('reports-visits'),
        calls: positive('reports-calls'),
        runs: positive('reports-runs'),
        renders: positive('reports-renders'),
      },
    );
  /** @type {BenchResults['lighthouse']} */
  let lighthouse = previous?.lighthouse;
  if (runs('lighthouse')) {
    say('Building the browser app (web/ → dist/web, as `npm run build:web` builds it)…');
    await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
    lighthouse = await runLighthouseBench(
      {
        repoRoot,
        serverMain: path.join(repoRoot, 'dist', 'bench-server', 'main.js'),
        webRoot: path.join(repoRoot, 'dist', 'web'),
        chromiumPath: CHROMIUM_PATH,
        chromiumArgs: CHROMIUM_ARGS,
        say,
        command: commandLine(),
      },
      { runs: positive('lighthouse-runs') },
    );
  }
  /** @type {BenchResults['keys']} */
  let keys = previous?.keys;
  if (runs('keys')) {
    if (!runs('lighthouse')) {
      say('Building the browser app (web/ → dist/web, as `npm run build:web` builds it)…');
      await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
    }
    keys = await runKeysBench(browserBench(path.join(repoRoot, 'dist', 'web')), {
      rounds: positive('keys-rounds'),
    });
  }

  /** @type {BenchResults['scope']} */
  let scope = previous?.scope;
  if (runs('scope'))
    scope = await runScopeBench(browserBench(), {
      interactions: positive('scope-interactions'),
      baselineInteractions: positive('scope-full-pull-interactions'),
      weekInteractions: positive('scope-week-interactions'),
      weekUpdates: positive('scope-week-updates'),
      fullPullSeconds: positive('scope-full-pull-seconds'),
    });

  const base = issue2 ?? /** @type {BenchResults} */ (previous);
  /** @type {BenchResults} */
  const results = {
    date: issue2 ? new Date().toISOString() : /** @type {BenchResults} */ (previous).date,
    command: BENCH_COMMAND,
    machine: base.machine,
    clock: base.clock,
    users: base.users,
    storage: base.storage,
    search: base.search,
    firstStart: base.firstStart,
    restarts: base.restarts,
    restart: base.restart,
    naiveReady: base.naiveReady,
    saves: base.saves,
    uiKeystrokes: base.uiKeystrokes,
    uiSaves: base.uiSaves,
    ...(sync ? { sync } : {}),
    ...(issue4 ? { issue4 } : {}),
    ...(parallel ? { parallel } : {}),
    ...(dos ? { dos } : {}),
    ...(imported ? { import: imported } : {}),
    ...(ldap ? { ldap } : {}),
    ...(walkupLatency ? { walkupLatency } : {}),
    ...(walkUpEstimate ? { walkUpEstimate } : {}),
    ...(phone ? { phone } : {}),
    ...(reports ? { reports } : {}),
    ...(lighthouse ? { lighthouse } : {}),
    ...(goTo ? { goTo } : {}),
    ...(keys ? { keys } : {}),
    ...(scope ? { scope } : {}),
    // The whole run's time; a partial run (--only) keeps the figure of the run it completes.
    wallSeconds:
      ONLY === 'all'
        ? (performance.now() - wallStart) / 1000
        : /** @type {BenchResults} */ (previous).wallSeconds,
  };

  await writeFile(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${textTable(figureRows(results))}\n`);
  if (results.sync) console.log(`${textTable(syncFigureRows(results.sync))}\n`);
  if (results.issue4) console.log(`${textTable(escalationFigureRows(results.issue4))}\n`);
  if (results.parallel) console.log(`${textTable(parallelFigureRows(results.parallel))}\n`);
  if (results.dos) console.log(`${textTable(dosFigureRows(results.dos))}\n`);
  if (results.import) console.log(`${textTable(importFigureRows(results.import))}\n`);
  if (results.ldap) console.log(`${textTable(ldapFigureRows(results.ldap))}\n`);
  if (results.walkupLatency)
    console.log(`${textTable(walkupLatencyFigureRows(results.walkupLatency))}\n`);
  if (results.walkUpEstimate)
    console.log(`${textTable(walkUpEstimateRows(results.walkUpEstimate))}\n`);
  if (results.phone) console.log(`${textTable(phoneFigureRows(results.phone))}\n`);
  if (results.reports) console.log(`${textTable(reportsFigureRows(results.reports))}\n`);
  if (results.lighthouse) console.log(`${textTable(lighthouseFigureRows(results.lighthouse))}\n`);
  if (results.goTo) console.log(`${textTable(goToFigureRows(results.goTo))}\n`);
  if (results.keys) console.log(`${textTable(keysFigureRows(results.keys))}\n`);
  if (results.scope) console.log(`${textTable(scopeFigureRows(results.scope))}\n`);
  say('Wrote bench/results.json.');
  if (options['write-readme']) {
    const readmePath = path.join(repoRoot, 'README.md');
    const readme = await readFile(readmePath, 'utf8').catch(() => '');
    // Formatted as `npm run format` would, so the section never churns between the two.
    const prettier = await import('prettier');
    const style = (await prettier.resolveConfig(readmePath)) ?? {};
    const section = (
      await prettier.format(readmeSection(results), { ...style, parser: 'markdown' })
    ).trimEnd();
    await writeFile(readmePath, replaceReadmeSection(readme, section));
    say('Rewrote the bench section of README.md.');
  }
}

await main();
