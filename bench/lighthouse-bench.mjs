// Issue 15's slow-link figures: Lighthouse (mobile preset, its default config) in Debian's Chromium
// on the served browser build's Sign in page and, signed in as the demo agent, on the workspace;
// a real desk server process on loopback. Measures; never judges. Starts and stops only what it spawned.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { startDeskServer } from './desk-server.mjs';

/** @typedef {import('./bench-types').LighthouseResults} LighthouseResults */
/** @typedef {import('./bench-types').LighthouseRun} LighthouseRun */

/**
 * @typedef {object} LighthouseDeps
 * @property {string} repoRoot
 * @property {string} serverMain the built desk server (main.js)
 * @property {string} webRoot the browser build (dist/web), served by the desk server at /
 * @property {string} chromiumPath
 * @property {string[]} chromiumArgs
 * @property {(text: string) => void} say
 * @property {string} command
 */

const AGENT = { userName: 'demo.agent', name: 'Demo Agent', password: 'deskpad-demo' };
const READY_TIMEOUT_MS = 120_000;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/**
 * One Lighthouse run against the Chromium on `port`: its scores, key metrics and what it faulted.
 * @param {string} url @param {number} port @param {boolean} keepStorage
 * @returns {Promise<{ run: LighthouseRun; version: string }>}
 */
async function audit(url, port, keepStorage) {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: CATEGORIES,
    // Signed in, the session is in the desk's IndexedDB: Lighthouse must not wipe it.
    disableStorageReset: keepStorage,
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}.`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  // The whole report, to read what a figure is made of: DESKPAD_LIGHTHOUSE_REPORTS=<dir>.
  const reports = process.env.DESKPAD_LIGHTHOUSE_REPORTS;
  if (reports) {
    const name = `${keepStorage ? 'workspace' : 'sign-in'}-${Date.now()}`;
    await writeFile(path.join(reports, `${name}.json`), JSON.stringify(lhr));
    // Its trace too, to read a long task's own events (chrome://tracing or Perfetto opens it).
    const trace = /** @type {any} */ (result.artifacts)?.Trace;
    if (trace) await writeFile(path.join(reports, `${name}.trace.json`), JSON.stringify(trace));
  }
  const score = (/** @type {string} */ id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const value = (/** @type {string} */ id) => lhr.audits[id]?.numericValue ?? Number.NaN;
  /** @type {{ resourceType?: string; transferSize?: number; url?: string }[]} */
  const requests = /** @type {any} */ (lhr.audits['network-requests']?.details)?.items ?? [];
  const scriptBytes = requests
    .filter((r) => r.resourceType === 'Script')
    .reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
  // What the other categories still fault, by audit id (performance's are its metrics, given).
  const faults = Object.entries(lhr.categories)
    .filter(([category]) => category !== 'performance')
    .flatMap(([category, c]) =>
      c.auditRefs
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id])
        .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
        .map((a) => `${category}: ${a?.id}`),
    );
  const run = {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    fcpMs: value('first-contentful-paint'),
    lcpMs: value('largest-contentful-paint'),
    tbtMs: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    speedIndexMs: value('speed-index'),
    transferBytes: value('total-byte-weight'),
    scriptBytes,
    requests: requests.length,
    faults,
  };
  return { run, version: lhr.lighthouseVersion };
}

/**
 * The median run by performance score (then LCP): one slow run on a shared machine is not the figure.
 * @param {LighthouseRun[]} runs
 */
function medianRun(runs) {
  const sorted = [...runs].sort((a, b) => a.performance - b.performance || b.lcpMs - a.lcpMs);
  return /** @type {LighthouseRun} */ (sorted[Math.floor(sorted.length / 2)]);
}

/**
 * Over the same Chromium (CDP), a new page for `work`; the browser stays chrome-launcher's.
 * @param {number} port
 * @param {(page: import('playwright-core').Page, cdp: import('playwright-core').CDPSession) => Promise<void>} work
 */
async function withPage(port, work) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0] ?? (await browser.newContext());
    const page = await context.newPage();
    await work(page, await context.newCDPSession(page));
    await page.close();
  } finally {
    await browser.close();
  }
}

/**
 * Signs the demo agent in through the Sign in page, as an agent would, and waits until the
 * workspace is ready with the directory downloaded.
 * @param {number} port @param {string} url
 */
const signInThroughThePage = (port, url) =>
  withPage(port, async (page) => {
    await page.goto(url);
    await page
      .getByRole('heading', { name: 'Sign in', exact: true })
      .waitFor({ timeout: READY_TIMEOUT_MS });
    await page.getByRole('textbox', { name: 'User name', exact: true }).fill(AGENT.userName);
    await page.getByLabel('Password', { exact: true }).fill(AGENT.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page
      .getByRole('banner')
      .getByText(AGENT.name, { exact: true })
      .waitFor({ timeout: READY_TIMEOUT_MS });
  });

/**
 * The next start over the network from a cold cache: no service worker, no Cache Storage, no HTTP
 * cache; the session (IndexedDB) stays, so the workspace is what opens.
 * @param {number} port @param {string} url
 */
const forgetTheApp = (port, url) =>
  withPage(port, async (_page, cdp) => {
    await cdp.send('Storage.clearDataForOrigin', {
      origin: new URL(url).origin,
      storageTypes: 'service_workers,cache_storage',
    });
    await cdp.send('Network.clearBrowserCache');
  });

/**
 * @param {LighthouseDeps} deps
 * @param {{ runs: number }} options
 * @returns {Promise<LighthouseResults>}
 */
export async function runLighthouseBench(deps, options) {
  const started = performance.now();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskpad-lighthouse-'));
  const profile = await mkdtemp(path.join(os.tmpdir(), 'deskpad-lighthouse-profile-'));
  deps.say('Lighthouse: starting a desk server with the demo and the browser build…');
  const server = await startDeskServer({
    main: deps.serverMain,
    cwd: deps.repoRoot,
    args: ['--data', dataDir, '--demo', '--web', deps.webRoot],
  });
  /** @type {chromeLauncher.LaunchedChrome | null} */
  let chrome = null;
  try {
    const url = `${server.url}/`;
    chrome = await chromeLauncher.launch({
      chromePath: deps.chromiumPath,
      chromeFlags: deps.chromiumArgs,
      userDataDir: profile,
      logLevel: 'silent',
    });
    const port = chrome.port;
    let version = '';
    /** @param {string} what @param {boolean} signedIn */
    const runs = async (what, signedIn) => {
      /** @type {LighthouseRun[]} */
      const done = [];
      for (let i = 0; i < options.runs; i += 1) {
        deps.say(`Lighthouse: ${what}, run ${i + 1} of ${options.runs}…`);
        if (signedIn) await forgetTheApp(port, url);
        const { run, version: v } = await audit(url, port, signedIn);
        version = v;
        done.push(run);
      }
      return done;
    };
    const signInRuns = await runs('Sign in page', false);
    deps.say('Lighthouse: signing in as the demo agent…');
    await signInThroughThePage(port, url);
    const workspaceRuns = await runs('workspace (signed in, cold cache)', true);
    return {
      command: deps.command,
      date: new Date().toISOString(),
      lighthouseVersion: version,
      chromium: await browserVersion(port),
      runs: options.runs,
      signIn: medianRun(signInRuns),
      workspace: medianRun(workspaceRuns),
      loadAverage: os.loadavg()[0] ?? 0,
      wallSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    chrome?.kill();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}

/** @param {number} port */
async function browserVersion(port) {
  const response = await fetch(`http://127.0.0.1:${port}/json/version`);
  const body = /** @type {{ Browser?: string }} */ (await response.json());
  return body.Browser ?? 'Chromium';
}
