// Issue 4's figures: Find existing incidents (`incident.searchByComponent`) over a synced desk's
// cache in the store host's Worker, and escalating a saved interaction by keyboard in the app.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** @typedef {import('./bench-types').ComponentSearchFigure} ComponentSearchFigure */
/** @typedef {import('./bench-types').ComponentSearchOptions} ComponentSearchOptions */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('playwright-core').Page} Page */

/**
 * What the runner lends this module: its clock-stamped log, its Chromium sessions and pages.
 * @typedef {object} EscalationBenchDeps
 * @property {(text: string) => void} say
 * @property {<T>(profile: string, work: (context: BrowserContext) => Promise<T>) => Promise<T>} session
 * @property {(context: BrowserContext, url: string) => Promise<Page>} openPage
 */

/** The demo directory's ratio (shared/demo/directory-generator.ts): five users per component. */
const USERS_PER_COMPONENT = 5;
const DB_NAME = 'bench-incidents';
/** Find existing incidents asks for this many (the contract's default). */
const SEARCH_LIMIT = 50;

/**
 * @param {EscalationBenchDeps} deps
 * @param {string} base the bench pages' origin (cross-origin isolated)
 * @param {{ components: number, incidents: number, searches: number, rebuilds: number, naiveFromDb: number }} sizes
 * @returns {Promise<ComponentSearchFigure>}
 */
export async function componentSearchFigure(deps, base, sizes) {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'deskpad-bench-incidents-'));
  try {
    return await deps.session(profile, async (context) => {
      const page = await deps.openPage(context, `${base}incidents.html`);
      await page.waitForFunction(() => 'deskpadIncidents' in window);
      deps.say(
        `Find existing incidents: ${sizes.incidents.toLocaleString('en-US')} incidents, ` +
          `${sizes.components.toLocaleString('en-US')} components, ${sizes.searches} searches…`,
      );
      /** @type {ComponentSearchOptions} */
      const options = {
        dbName: DB_NAME,
        users: sizes.components * USERS_PER_COMPONENT,
        components: sizes.components,
        incidents: sizes.incidents,
        searches: sizes.searches,
        rebuilds: sizes.rebuilds,
        naiveFromDbSearches: sizes.naiveFromDb,
        limit: SEARCH_LIMIT,
      };
      return page.evaluate((o) => window.deskpadIncidents.run(o), options);
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** The app's own local desk (no desk server): the demo directory, catalog and incidents. */
const APP_DB = 'bench-escalation';
const APP_USERS = 5000;
/** More Tabs than any screen of the app has stops: a missing button fails the run, never hangs it. */
const MAX_TABS = 80;

/**
 * @typedef {object} KeyLog
 * @property {string[]} keys every key pressed since the saved interaction, as Playwright names it
 */

/**
 * Presses one key (or chord) and logs it, as `shown` when Playwright's name reads oddly ("Alt+i").
 * @param {Page} page
 * @param {string[]} keys
 * @param {string} key
 * @param {string} [shown]
 */
async function press(page, keys, key, shown = key) {
  keys.push(shown);
  await page.keyboard.press(key);
}

/**
 * Tab (or Shift+Tab, whichever way the target lies in the page) until `target` has focus,
 * each press logged: the keys a keyboard user spends reaching a button.
 * @param {Page} page
 * @param {string[]} keys
 * @param {import('playwright-core').Locator} target
 */
async function tabTo(page, keys, target) {
  await target.waitFor();
  for (let i = 0; i <= MAX_TABS; i++) {
    const where = await target.evaluate((el) => {
      const active = document.activeElement;
      if (active === el) return 'here';
      if (!active || active === document.body) return 'after';
      // DOCUMENT_POSITION_PRECEDING: the target comes before the focused element.
      return active.compareDocumentPosition(el) & 2 ? 'before' : 'after';
    });
    if (where === 'here') return;
    await press(page, keys, where === 'before' ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${MAX_TABS} Tabs did not reach ${target.toString()}.`);
}

/**
 * Setup, not counted: a new interaction with a caller, a component and a short description, saved.
 * @param {Page} page
 * @param {number} round
 * @returns {Promise<string>} the saved interaction's number
 */
async function saveInteraction(page, round) {
  await page.keyboard.press('Alt+n');
  await page.getByRole('heading', { name: 'New interaction', exact: true }).waitFor();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('maria');
  await page.getByRole('listbox').getByRole('option').first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page
    .getByRole('textbox', { name: 'Contact email', exact: true })
    .and(page.locator(':not([value=""])'))
    .waitFor();
  const component = page.getByRole('combobox', { name: 'Component', exact: true });
  await component.focus();
  await page.keyboard.type('PRN01');
  await page.getByRole('listbox').getByRole('option').first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page
    .getByRole('combobox', { name: 'Short description', exact: true })
    .fill(`Benchmark escalation ${round + 1}: cannot print`);
  await page.keyboard.press('Control+s');
  const heading = page.getByRole('heading', { name: /^Interaction \S+\d$/ });
  await heading.waitFor();
  return ((await heading.textContent()) ?? '').replace(/^Interaction /, '').trim();
}

/**
 * One escalation by keyboard from the saved interaction: Create Incident, Assign to me, Report
 * an Issue (prefilled) submitted, the closing question answered Keep it open. `startBy`: the
 * shortcut (Alt+I), or Tab/Shift+Tab to the Create Incident button and Enter. Every other step
 * presses Enter where focus is once `tabTo` found it there (a Tab counted otherwise); Report an
 * Issue submits by Enter in Short description, where the dialog puts focus (a form's implicit
 * submission).
 * @param {Page} page
 * @param {number} round
 * @param {'shortcut' | 'tab-to-button'} startBy
 * @returns {Promise<import('./bench-types').KeyboardEscalationRound>}
 */
async function escalateByKeyboard(page, round, startBy) {
  const interactionNumber = await saveInteraction(page, round);
  /** @type {string[]} */
  const keys = [];
  if (startBy === 'shortcut') await press(page, keys, 'Alt+i', 'Alt+I');
  else {
    await tabTo(page, keys, page.getByRole('button', { name: 'Create Incident', exact: true }));
    await press(page, keys, 'Enter');
  }
  // The interaction is nobody's yet: the seed's rule offers Assign to me first (in a dialog;
  // the form has a button of that name too).
  const assign = page
    .getByRole('dialog')
    .getByRole('button', { name: 'Assign to me', exact: true });
  await tabTo(page, keys, assign);
  await press(page, keys, 'Enter');
  const dialog = page.getByRole('dialog', { name: 'Report an Issue' });
  const shortDescription = dialog.getByRole('textbox', { name: 'Short description', exact: true });
  // Prefilled from the interaction before anything is pressed.
  await shortDescription.and(page.locator(':not([value=""])')).waitFor();
  await tabTo(page, keys, shortDescription);
  await page.evaluate(() => window.deskpadApp.armSubmit());
  await press(page, keys, 'Enter');
  const timed = await page.waitForFunction(() => window.deskpadApp.submitResult());
  const result = /** @type {{ durableMs: number, incidentNumber: string }} */ (
    await timed.jsonValue()
  );
  await tabTo(page, keys, page.getByRole('button', { name: 'Keep it open', exact: true }));
  await press(page, keys, 'Enter');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  const stored = await page.evaluate(
    ([db, interaction, incident]) => window.deskpadApp.escalationStored(db, interaction, incident),
    /** @type {const} */ ([APP_DB, interactionNumber, result.incidentNumber]),
  );
  return { keys, durableMs: result.durableMs, incidentNumber: result.incidentNumber, stored };
}

/**
 * `rounds` escalations started by the shortcut, then one more started by tabbing to the Create
 * Incident button instead (`withoutShortcut` in the results); every round submits by Enter in the
 * prefilled Short description.
 * @param {EscalationBenchDeps} deps
 * @param {string} base
 * @param {number} rounds
 * @returns {Promise<{ rounds: import('./bench-types').KeyboardEscalationRound[], withoutShortcut: import('./bench-types').KeyboardEscalationRound }>}
 */
export async function keyboardEscalations(deps, base, rounds) {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'deskpad-bench-escalation-'));
  try {
    return await deps.session(profile, async (context) => {
      const page = await deps.openPage(context, `${base}app.html?users=${APP_USERS}&db=${APP_DB}`);
      await page.waitForFunction(() => 'deskpadApp' in window);
      await page.getByRole('button', { name: 'New interaction', exact: true }).waitFor();
      deps.say(`Escalating ${rounds} saved interactions to incidents by keyboard in the app…`);
      /** @type {import('./bench-types').KeyboardEscalationRound[]} */
      const done = [];
      for (let round = 0; round < rounds; round++)
        done.push(await escalateByKeyboard(page, round, 'shortcut'));
      return {
        rounds: done,
        withoutShortcut: await escalateByKeyboard(page, rounds, 'tab-to-button'),
      };
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
