// Issue 16's key counts, on the real app and a real desk server in headless Chromium: a known
// caller's call logged and closed without a phone system, typed in full (Alt+N, the caller's
// letters, ArrowDown, Enter, the short description, Ctrl+Enter) and with a contact template (…, `/`
// and a letter in Short description, Ctrl+Enter). Counts every key pressed and times the first
// key → "Closed IMS…: Closed Complete". Starts and stops only its own server and browser.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runnerImport } from 'vite';
import { startDeskServer } from './desk-server.mjs';
import { spreadOf } from './report.mjs';

/** @typedef {import('./bench-types').KeysResults} KeysResults */
/** @typedef {import('./bench-types').KeysRound} KeysRound */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('playwright-core').Page} Page */

const DEMO_USERS = 300;
const PASSWORD = 'deskpad-demo';
/** A demo HQ template that usually closes at once (server/demo/seed-templates.ts), and its letters. */
const TEMPLATE = 'Password reset';
const TEMPLATE_LETTERS = 'p';
const SHORT_DESCRIPTION = 'Password reset';
const STEP_TIMEOUT_MS = 30_000;

/**
 * A page whose key presses are counted: every key goes through `key` or `type`.
 * @param {Page} page
 */
function countedKeys(page) {
  /** @type {string[]} */
  const keys = [];
  return {
    keys,
    /** @param {string} key @param {string} [shown] */
    async key(key, shown = key) {
      keys.push(shown);
      await page.keyboard.press(key);
    },
    /** @param {string} text */
    async type(text) {
      for (const c of text) keys.push(c);
      await page.keyboard.type(text, { delay: 20 });
    },
  };
}

/**
 * One call: Alt+N, the caller, then the short description typed or a template, then Ctrl+Enter.
 * @param {Page} page
 * @param {string} letters the caller's first letters
 * @param {'typed' | 'template' | 'recent'} how `recent`: the caller who rang last, from the
 *   empty Opened for's recent callers, and the template
 * @returns {Promise<KeysRound>}
 */
async function logCall(page, letters, how) {
  const counted = countedKeys(page);
  const closed = page.getByRole('status').filter({ hasText: /^Closed IMS\S+: Closed Complete$/ });
  const started = performance.now();
  await counted.key('Alt+n', 'Alt+N');
  const lookup = page.getByRole('combobox', { name: 'Opened for', exact: true });
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox');
  await lookup.waitFor();
  const callers = page.getByRole('listbox', { name: 'Matching callers' });
  // By name: the first letters, then the first match. Rang back: ArrowDown lists the recent callers.
  if (how !== 'recent') {
    await counted.type(letters);
    await callers.getByRole('option').first().waitFor();
  }
  await counted.key('ArrowDown');
  await callers.getByRole('option', { selected: true }).waitFor();
  await counted.key('Enter');
  const short = page.getByRole('combobox', { name: 'Short description', exact: true });
  await page.waitForFunction(
    () => document.activeElement?.getAttribute('aria-required') === 'true',
  );
  if (how === 'typed') await counted.type(SHORT_DESCRIPTION);
  else {
    await counted.type(`/${TEMPLATE_LETTERS}`);
    await page
      .getByRole('listbox', { name: 'Contact templates' })
      .getByRole('option', { selected: true, name: new RegExp(`^${TEMPLATE}`) })
      .waitFor();
  }
  await counted.key('Control+Enter', 'Ctrl+Enter');
  await closed.waitFor();
  const ms = performance.now() - started;
  const text = await short.inputValue();
  // The next round opens a new form: the closed one leaves nothing unsaved behind.
  return {
    how,
    keys: counted.keys,
    typed: how === 'typed' ? SHORT_DESCRIPTION.length : 0,
    ms,
    shortDescription: text,
  };
}

/**
 * @param {{ repoRoot: string; serverMain: string; webRoot: string; say: (text: string) => void;
 *   session: <T>(profile: string, work: (context: BrowserContext) => Promise<T>) => Promise<T>;
 *   openPage: (context: BrowserContext, url: string) => Promise<Page>; command: string }} deps
 * @param {{ rounds: number }} options
 * @returns {Promise<KeysResults>}
 */
export async function runKeysBench(deps, options) {
  const started = performance.now();
  const generator = /** @type {typeof import('../shared/demo/directory-generator')} */ (
    (
      await runnerImport(path.join(deps.repoRoot, 'shared/demo/directory-generator.ts'), {
        configFile: false,
        logLevel: 'warn',
      })
    ).module
  );
  const callers = generator
    .generateDirectory({ users: DEMO_USERS, seed: 1 })
    .users.filter((u) => u.roles.length === 0 && u.active)
    .map((u) => u.userName.slice(0, 4));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskpad-keys-bench-'));
  const profile = await mkdtemp(path.join(os.tmpdir(), 'deskpad-keys-bench-profile-'));
  deps.say(`A desk server on PGlite (${DEMO_USERS} demo users), the app in Chromium…`);
  const server = await startDeskServer({
    main: deps.serverMain,
    cwd: deps.repoRoot,
    args: ['--data', dataDir, '--demo', '--demo-users', String(DEMO_USERS), '--web', deps.webRoot],
    env: { LOG_LEVEL: 'warn' },
  });
  try {
    /** @type {KeysRound[]} */
    const rounds = await deps.session(profile, async (context) => {
      const page = await deps.openPage(context, `${server.url}/`);
      page.setDefaultTimeout(STEP_TIMEOUT_MS);
      await page.getByRole('textbox', { name: 'User name' }).fill('demo.agent');
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('button', { name: 'New interaction', exact: true }).waitFor();
      // The first sync has brought the directory and the templates once `/` lists one.
      await page.getByRole('combobox', { name: 'Short description', exact: true }).click();
      await page.keyboard.type(`/${TEMPLATE_LETTERS}`);
      await page
        .getByRole('listbox', { name: 'Contact templates' })
        .getByRole('option', { name: new RegExp(`^${TEMPLATE}`) })
        .waitFor({ timeout: 120_000 });
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Backspace');
      /** @type {KeysRound[]} */
      const done = [];
      for (let r = 0; r < options.rounds; r++) {
        const letters = callers[(r * 11) % callers.length] ?? 'demo';
        // In turn: a caller by name with the template, typed, then the last caller again (rang back).
        const how = /** @type {const} */ (['template', 'typed', 'recent'])[r % 3] ?? 'typed';
        done.push(await logCall(page, letters, how));
      }
      return done;
    });
    const of = (/** @type {'typed' | 'template' | 'recent'} */ how) =>
      rounds.filter((r) => r.how === how);
    return {
      command: deps.command,
      date: new Date().toISOString(),
      template: TEMPLATE,
      rounds,
      withTemplate: spreadOf(of('template').map((r) => r.ms)),
      typed: spreadOf(of('typed').map((r) => r.ms)),
      loadAverage: os.loadavg()[0] ?? 0,
      wallSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}
