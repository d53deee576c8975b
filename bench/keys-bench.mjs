// Issue 16's key counts, on the real app and a real desk server in headless Chromium: a known
// caller's call logged and closed without a phone system, typed in full (Alt+N, the caller's
// letters, Enter, the short description, Ctrl+Enter) and with a contact template (…, `/` and a
// letter in Short description, Ctrl+Enter); the same for a caller none of the bench's calls were
// for, and for the latest caller from the recent callers. The caller's letters are typed as an
// agent does: the surname, then the given name, a letter at a time until the first match is them.
// Counts every key pressed and times the first key → "Closed IMS…: Closed Complete". Starts and
// stops only its own server and browser.

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
/** @typedef {import('../shared/domain/directory').User} Caller */
/** @typedef {import('./bench-types').KnownByHistory} KnownByHistory */
/** The desk's history (its demo seed): every this many of the agent's known callers is tried. */
const HISTORY_SAMPLE_STEP = 8;

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
 * Types the surname, then the given name, a letter at a time, and after each one reads the first
 * match once the matches shown are the typed letters' (the list is not aria-busy), until it is the
 * caller; then Enter picks it (unless `pick` is false). Returns the letters typed and whether the
 * option said "Known caller".
 * @param {Page} page
 * @param {ReturnType<typeof countedKeys>} counted
 * @param {Caller} caller
 * @param {boolean} [pick]
 */
async function typeUntilFirst(page, counted, caller, pick = true) {
  const callers = page.getByRole('listbox', { name: 'Matching callers' });
  const word = `${caller.lastName} ${caller.firstName}`.toLowerCase();
  for (let n = 1; n <= word.length; n++) {
    await counted.type(word.charAt(n - 1));
    await page.waitForFunction(() => {
      const list = document.querySelector('[role="listbox"][aria-label="Matching callers"]');
      return list instanceof HTMLElement && !list.hidden && !list.hasAttribute('aria-busy');
    });
    const first = await callers.getByRole('option').first().textContent();
    if (first?.includes(caller.email)) {
      if (pick) await counted.key('Enter');
      return { letters: n, known: first.includes('Known caller') };
    }
  }
  throw new Error(`${caller.name} never came first for "${word}"`);
}

/**
 * `/`, then the template's name a letter at a time until the highlighted template is TEMPLATE, as
 * an agent does: a bare `/` lists the agent's usual template first (ADR 0019).
 * @param {Page} page
 * @param {ReturnType<typeof countedKeys>} counted
 */
async function typeUntilHighlighted(page, counted) {
  const list = page.getByRole('listbox', { name: 'Contact templates' });
  const letters = TEMPLATE.toLowerCase();
  for (let n = 0; n <= letters.length; n++) {
    await counted.type(n === 0 ? '/' : letters.charAt(n - 1));
    const highlighted = list.getByRole('option', { selected: true });
    await highlighted.waitFor();
    if ((await highlighted.textContent())?.startsWith(TEMPLATE)) return;
  }
  throw new Error(`${TEMPLATE} was never highlighted`);
}

/**
 * One call: Alt+N, the caller, then the short description typed or a template, then Ctrl+Enter.
 * @param {Page} page
 * @param {Caller | null} caller by name; null: the latest caller, from the empty Opened for's
 *   recent callers (ArrowDown, Enter)
 * @param {KeysRound['how']} how
 * @returns {Promise<KeysRound & { picked: string }>}
 */
async function logCall(page, caller, how) {
  const counted = countedKeys(page);
  const closed = page.getByRole('status').filter({ hasText: /^Closed IMS\S+: Closed Complete$/ });
  const started = performance.now();
  await counted.key('Alt+n', 'Alt+N');
  const lookup = page.getByRole('combobox', { name: 'Opened for', exact: true });
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox');
  await lookup.waitFor();
  let letters = 0;
  if (caller === null) {
    await counted.key('ArrowDown');
    await page
      .getByRole('listbox', { name: 'Matching callers' })
      .getByRole('option', { selected: true })
      .waitFor();
    await counted.key('Enter');
  } else ({ letters } = await typeUntilFirst(page, counted, caller));
  const short = page.getByRole('combobox', { name: 'Short description', exact: true });
  await page.waitForFunction(
    () => document.activeElement?.getAttribute('aria-required') === 'true',
  );
  const picked = await lookup.inputValue();
  if (caller !== null && picked !== caller.name)
    throw new Error(`picked ${picked}, not ${caller.name}`);
  const typed = how === 'known-typed';
  if (typed) await counted.type(SHORT_DESCRIPTION);
  else await typeUntilHighlighted(page, counted);
  await counted.key('Control+Enter', 'Ctrl+Enter');
  await closed.waitFor();
  const ms = performance.now() - started;
  const text = await short.inputValue();
  // The next round opens a new form: the closed one leaves nothing unsaved behind.
  return {
    how,
    keys: counted.keys,
    letters,
    typed: typed ? SHORT_DESCRIPTION.length : 0,
    ms,
    shortDescription: text,
    picked,
  };
}

/**
 * The letters each of these callers takes in Opened for before they are the first match: Alt+N,
 * the letters, then the text cleared again (nothing is logged).
 * @param {Page} page
 * @param {Caller[]} callers
 * @returns {Promise<KnownByHistory[]>}
 */
async function lettersFor(page, callers) {
  /** @type {KnownByHistory[]} */
  const found = [];
  await page.keyboard.press('Alt+n');
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox');
  for (const caller of callers) {
    const { letters, known } = await typeUntilFirst(page, countedKeys(page), caller, false);
    found.push({ name: caller.name, letters, known });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
  }
  return found;
}

/** In turn: two new callers, the older of them again by name (template), the other one by name
 * (typed), then the latest caller ringing back. */
const TURNS = /** @type {const} */ (['new', 'new', 'known', 'known-typed', 'recent']);

/**
 * @param {{ repoRoot: string; serverMain: string; webRoot: string; say: (text: string) => void;
 *   session: <T>(profile: string, work: (context: BrowserContext) => Promise<T>) => Promise<T>;
 *   openPage: (context: BrowserContext, url: string) => Promise<Page>; command: string }} deps
 * @param {{ rounds: number }} options
 * @returns {Promise<KeysResults>}
 */
export async function runKeysBench(deps, options) {
  const started = performance.now();
  const load = async (/** @type {string} */ file) =>
    (
      await runnerImport(path.join(deps.repoRoot, file), {
        configFile: false,
        logLevel: 'warn',
      })
    ).module;
  const generator = /** @type {typeof import('../shared/demo/directory-generator')} */ (
    await load('shared/demo/directory-generator.ts')
  );
  const history = /** @type {typeof import('../shared/demo/history-generator')} */ (
    await load('shared/demo/history-generator.ts')
  );
  const known = /** @type {typeof import('../shared/domain/known-callers')} */ (
    await load('shared/domain/known-callers.ts')
  );
  const directory = generator.generateDirectory({ users: DEMO_USERS, seed: 1 });
  const callers = directory.users.filter((u) => u.roles.length === 0 && u.active);
  // The agent's known callers as the server's demo history makes them (same seed, same days),
  // every HISTORY_SAMPLE_STEP-th by frecency: the best known and the barely known alike.
  const now = new Date();
  const usersById = new Map(directory.users.map((u) => [u.id, u]));
  const historySample = known
    .rankKnownCallers(
      history
        .generateHistory(directory, {
          seed: 1,
          now: now.toISOString(),
          firstNumbers: { interaction: 1, call: 1, visit: 1, incident: 1 },
        })
        .interactions.filter((i) => i.openedBy === generator.DEMO_AGENT_ID),
      now,
    )
    .filter((_, i) => i % HISTORY_SAMPLE_STEP === 0)
    .flatMap((k) => usersById.get(k.id) ?? []);
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
    const { rounds, byHistory } = await deps.session(profile, async (context) => {
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
      /** @type {Caller[]} the callers of the calls so far, oldest first */
      const met = [];
      for (let r = 0; r < options.rounds; r++) {
        const how = TURNS[r % TURNS.length] ?? 'new';
        // A known caller: an earlier call's, not the latest (that one is ArrowDown away).
        const caller =
          how === 'recent'
            ? null
            : how === 'new' || met.length < 2
              ? (callers[(r * 11) % callers.length] ?? null)
              : (met.at(-2) ?? null);
        const { picked, ...round } = await logCall(page, caller, how);
        const pickedCaller = caller ?? met.at(-1) ?? null;
        if (caller === null && pickedCaller?.name !== picked)
          throw new Error(`rang back: picked ${picked}, not ${pickedCaller?.name ?? 'nobody'}`);
        if (pickedCaller) met.push(pickedCaller);
        done.push(round);
      }
      return { rounds: done, byHistory: await lettersFor(page, historySample) };
    });
    const of = (/** @type {KeysRound['how']} */ how) => rounds.filter((r) => r.how === how);
    return {
      command: deps.command,
      date: new Date().toISOString(),
      template: TEMPLATE,
      rounds,
      byHistory,
      withTemplate: spreadOf(of('known').map((r) => r.ms)),
      typed: spreadOf(of('known-typed').map((r) => r.ms)),
      loadAverage: os.loadavg()[0] ?? 0,
      wallSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}
