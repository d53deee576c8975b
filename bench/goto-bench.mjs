// Issue 16's figure: Go to anything over what a busy desk holds, keystroke → results shown, in the
// app in headless Chromium. Seeds the desk (bench/pages/goto.html), opens the app on it and types
// each text one key at a time into the box, reading the renderer's own measure after each key.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** @typedef {import('./bench-types').GoToResults} GoToResults */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('playwright-core').Page} Page */

const DB_NAME = 'bench-goto';
const USERS = 5000;
/** The renderer's measure (renderer/go-to/go-to-dialog.tsx): from the input event to the results on screen. */
const MEASURE = 'goto:keystroke-to-render';
/** The renderer's measure (renderer/knowledge/article-suggestions.tsx): Short description's input → its suggestions shown. */
const KNOWLEDGE_MEASURE = 'knowledge:keystroke-to-render';
/** Published articles on the desk for the suggestions' figure (the issue's 5,000). */
const ARTICLES = 5000;
/** As the desktop app runs Chromium (electron/main/chromium-switches.ts). */
const NO_INPUT_DEFERRAL = '--disable-features=DeferRendererTasksAfterInput';

/** @param {number[]} samples */
function spread(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (/** @type {number} */ q) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0, count: sorted.length };
}

/**
 * Opens the app on the seeded desk, and types each text into the Go to anything box one key at a
 * time, reading the renderer's measure after each key.
 * @param {(context: BrowserContext, url: string) => Promise<Page>} openPage
 * @param {BrowserContext} context
 * @param {string} base
 * @param {{ kind: string, text: string }[]} queries
 * @param {string} articleText typed into Short description afterwards, for the suggestions
 */
async function typeTexts(openPage, context, base, queries, articleText) {
  const page = await openPage(context, `${base}app.html?users=${USERS}&db=${DB_NAME}`);
  await page.getByRole('button', { name: 'New interaction', exact: true }).waitFor();
  await page.getByRole('combobox', { name: 'Opened for', exact: true }).waitFor();
  await page.evaluate(([name, knowledgeName]) => {
    const measures = /** @type {number[]} */ ([]);
    const knowledge = /** @type {number[]} */ ([]);
    window.gotoMeasures = measures;
    window.knowledgeMeasures = knowledge;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntriesByName(name)) measures.push(entry.duration);
      for (const entry of list.getEntriesByName(knowledgeName)) knowledge.push(entry.duration);
      performance.clearMeasures(name);
      performance.clearMeasures(knowledgeName);
    }).observe({ type: 'measure', buffered: false });
  }, /** @type {const} */ ([MEASURE, KNOWLEDGE_MEASURE]));
  const count = () => page.evaluate(() => window.gotoMeasures?.length ?? 0);
  const box = page.getByRole('dialog', { name: 'Go to anything' }).getByRole('combobox');
  // One search first: the store host has read the desk once, as after a morning's work.
  await page.keyboard.press('Control+g');
  await box.waitFor();
  await page.keyboard.press('Escape');

  /** @type {Record<string, number[]>} */
  const byKind = { number: [], caller: [], words: [] };
  let found = 0;
  for (const { kind, text } of queries) {
    await page.keyboard.press('Control+g');
    await box.waitFor();
    // The box opens with the recent records and commands: that first answer is not a keystroke.
    await page.waitForFunction(() => document.querySelector('[role="dialog"] [role="option"]'));
    const from = await count();
    for (const key of text) {
      const seen = await count();
      await page.keyboard.type(key);
      await page.waitForFunction((n) => (window.gotoMeasures?.length ?? 0) > n, seen, {
        polling: 'raf',
      });
    }
    const samples = await page.evaluate((n) => window.gotoMeasures?.slice(n) ?? [], from);
    byKind[kind]?.push(...samples);
    if ((await page.locator('[role="dialog"] [role="option"]').count()) > 0) found += 1;
    await page.keyboard.press('Escape');
    await box.waitFor({ state: 'hidden' });
  }
  return { byKind, found, knowledge: await typeShortDescription(page, articleText) };
}

/**
 * Types `text` into Short description one key at a time; from the second letter on, each key's
 * suggestions are measured (one letter asks nothing).
 * @param {Page} page @param {string} text
 * @returns {Promise<number[]>}
 */
async function typeShortDescription(page, text) {
  const count = () => page.evaluate(() => window.knowledgeMeasures?.length ?? 0);
  await page.getByRole('combobox', { name: 'Short description', exact: true }).click();
  // The suggestions' index is built at the first question: ask once, as the first call of a day does.
  await page.keyboard.type('pr');
  await page
    .getByRole('button', { name: /^printer/i })
    .first()
    .waitFor({ timeout: 60_000 });
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  const from = await count();
  for (let end = 1; end <= text.length; end++) {
    const seen = await count();
    await page.keyboard.type(text.charAt(end - 1));
    if (text.slice(0, end).trim().length < 2) continue;
    await page.waitForFunction((n) => (window.knowledgeMeasures?.length ?? 0) > n, seen, {
      polling: 'raf',
    });
  }
  await page
    .getByRole('button', { name: /^printer offline/i })
    .first()
    .waitFor();
  return page.evaluate((n) => window.knowledgeMeasures?.slice(n) ?? [], from);
}

/**
 * @param {{ say: (text: string) => void, session: <T>(profile: string, work: (context: BrowserContext) => Promise<T>, extraArgs?: string[]) => Promise<T>, openPage: (context: BrowserContext, url: string) => Promise<Page>, command: string }} deps
 * @param {string} base the bench pages' origin (cross-origin isolated)
 * @param {{ interactions: number, incidents: number, requests: number, queries: number }} sizes
 * @returns {Promise<GoToResults>}
 */
export async function runGoToBench(deps, base, sizes) {
  const started = performance.now();
  const profile = await mkdtemp(path.join(os.tmpdir(), 'deskpad-bench-goto-'));
  try {
    const { seeded, typed } = await deps.session(profile, async (context) => {
      const seedPage = await deps.openPage(context, `${base}goto.html`);
      await seedPage.waitForFunction(() => 'deskpadGoTo' in window);
      deps.say(
        `Go to anything: seeding ${sizes.interactions.toLocaleString('en-US')} interactions, ` +
          `${sizes.incidents.toLocaleString('en-US')} incidents, ${sizes.requests.toLocaleString('en-US')} requests…`,
      );
      const seeded = await seedPage.evaluate((o) => window.deskpadGoTo.seed(o), {
        dbName: DB_NAME,
        users: USERS,
        articles: ARTICLES,
        ...sizes,
      });
      await seedPage.close();

      deps.say(`Go to anything: typing ${seeded.queries.length} texts, one key at a time…`);
      const typed = await typeTexts(
        deps.openPage,
        context,
        base,
        seeded.queries,
        seeded.articleText,
      );
      return { seeded, typed };
    });
    deps.say('Go to anything: the same texts with Chromium not deferring messages after input…');
    const undeferred = await deps.session(
      profile,
      (context) => typeTexts(deps.openPage, context, base, seeded.queries, seeded.articleText),
      [NO_INPUT_DEFERRAL],
    );
    const { byKind, found } = typed;
    const all = [...(byKind.number ?? []), ...(byKind.caller ?? []), ...(byKind.words ?? [])];
    return {
      command: deps.command,
      date: new Date().toISOString(),
      records: seeded.records,
      interactions: sizes.interactions,
      incidents: sizes.incidents,
      requests: sizes.requests,
      seedSeconds: seeded.seedMs / 1000,
      texts: seeded.queries.length,
      found,
      keystrokes: spread(all),
      number: spread(byKind.number ?? []),
      caller: spread(byKind.caller ?? []),
      words: spread(byKind.words ?? []),
      withoutInputDeferral: spread(Object.values(undeferred.byKind).flat()),
      articles: ARTICLES,
      articleText: seeded.articleText,
      knowledge: spread([...typed.knowledge, ...undeferred.knowledge]),
      loadAverage: os.loadavg()[0] ?? 0,
      wallSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
