// Issue 16, item 3, by keyboard on a real desk server: a known caller's call logged and closed with
// a contact template (Alt+N, the first letter of the caller's surname, Enter, `/` and a letter in
// Short description, Ctrl+Enter), its keys counted; a template never overwrites typed text without
// the confirm's yes; axe-core over the open template list and the confirm; a template saved offline
// reaches the agent's other desk.

import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe';
import type { User } from '../shared/domain/directory';
import { callerToLookUp, DEMO_AGENT } from './support/demo-directory';
import { Desk, uniqueText } from './support/desk';
import { goOffline, goOnline, waitUntilCaughtUp } from './support/flows';
import { useBrowser, useDeskServerApp } from './support/harness';

const app = useDeskServerApp({ historyDays: 0 });
const browser = useBrowser();

/** The figure for a known caller's call with a template: keys in all. */
const MAX_KEYS = 6;
/** The demo desk server's HQ template that usually closes at once (server/demo/seed-templates.ts). */
const TEMPLATE = 'Password reset';
const LETTERS = 'p';

const templateList = (desk: Desk) => desk.page.getByRole('listbox', { name: 'Contact templates' });

/** `/` and letters typed in Short description: waits until the template is the highlighted row. */
async function findTemplate(desk: Desk, letters: string, name: string): Promise<void> {
  await desk.typeKeys(`/${letters}`);
  // The first sync brings the templates: the list fills as soon as they are on the desk.
  await expect
    .poll(
      () =>
        templateList(desk)
          .getByRole('option', { selected: true })
          .textContent({ timeout: 1000 })
          .catch(() => ''),
      { timeout: 30_000 },
    )
    .toMatch(new RegExp(`^${name}`));
}

/**
 * How long focus may take to arrive: expect.poll's default second is too short for a loaded CI
 * machine while the desk's first sync stores its records (the keys are counted, not the time).
 */
const FOCUS_WAIT = { timeout: 10_000 };

/** The keys of one call: Alt+N, the caller (`pick` presses the keys), `/p`, Ctrl+Enter, closed. */
async function logWithTemplate(desk: Desk, pick: () => Promise<void>): Promise<number> {
  const before = desk.keysPressed;
  await desk.key('Alt+n');
  await expect
    .poll(() => desk.field('Opened for').evaluate((e) => e === document.activeElement), FOCUS_WAIT)
    .toBe(true);
  await pick();
  await expect
    .poll(
      () => desk.field('Short description').evaluate((e) => e === document.activeElement),
      FOCUS_WAIT,
    )
    .toBe(true);
  await findTemplate(desk, LETTERS, TEMPLATE);
  // Ctrl+Enter on the highlighted template: its fields, then saved and closed (Closed Complete).
  await desk.key('Control+Enter');
  await desk.waitForState('Closed Complete');
  expect(await desk.field('Short description').inputValue()).toBe(TEMPLATE);
  return desk.keysPressed - before;
}

/**
 * What an agent does: type the surname (then the given name) a letter at a time, looking at the
 * first match once the typed letters' matches are shown, until it is the caller; then Enter.
 * Returns the letters typed.
 */
async function typeUntilFirst(desk: Desk, caller: User): Promise<string> {
  const callers = desk.page.getByRole('listbox', { name: 'Matching callers' });
  const word = `${caller.lastName} ${caller.firstName}`.toLowerCase();
  for (let n = 1; n <= word.length; n++) {
    await desk.typeKeys(word.charAt(n - 1));
    await expect
      .poll(() => callers.getAttribute('aria-busy', { timeout: 1000 }).catch(() => 'hidden'))
      .toBeNull();
    const first = await callers.getByRole('option').first().textContent();
    if (first?.includes(caller.email) === true) {
      await desk.key('Enter');
      await expect.poll(() => desk.field('Opened for').inputValue()).toBe(caller.name);
      return word.slice(0, n);
    }
  }
  throw new Error(`${caller.name} never came first`);
}

describe('contact templates (issue 16, item 3)', () => {
  it('logs and closes a known caller’s call with a template by keyboard in 6 keys: by name, and when they ring back', async (test) => {
    const { page } = await browser.newPage(test);
    const desk = await Desk.signIn(page, app.url(), DEMO_AGENT);
    const { caller } = callerToLookUp();
    const { caller: another } = callerToLookUp(11);

    // New to this desk (no history): as many letters of the surname as the directory needs.
    let newLetters = '';
    const firstTime = await logWithTemplate(desk, async () => {
      newLetters = await typeUntilFirst(desk, caller);
    });
    await page
      .getByRole('status')
      .filter({ hasText: /^Closed IMS\S+: Closed Complete$/ })
      .waitFor();
    // Another caller in between: the first is known, but no longer the latest.
    await logWithTemplate(desk, () => typeUntilFirst(desk, another).then(() => undefined));

    // Known: the first letters of the surname until they are the first match (one, here), Enter.
    let letters = '';
    const byName = await logWithTemplate(desk, async () => {
      letters = await typeUntilFirst(desk, caller);
    });
    console.info(
      `Known caller's call with a template, without a phone system: ${byName} keys in all — Alt+N, ` +
        `"${letters}" (${letters.length} letter${letters.length === 1 ? '' : 's'} of the surname), ` +
        `Enter, /${LETTERS}, Ctrl+Enter; ${firstTime} keys for them when new to the desk ` +
        `("${newLetters}")`,
    );
    expect(byName).toBe(1 + letters.length + 1 + 1 + LETTERS.length + 1);
    expect(byName).toBeLessThanOrEqual(MAX_KEYS);
    expect(letters.length).toBeLessThan(newLetters.length);
    expect(firstTime).toBe(1 + newLetters.length + 1 + 1 + LETTERS.length + 1);

    // The caller rings back: ArrowDown in the empty Opened for lists the latest callers, Enter picks.
    const again = await logWithTemplate(desk, async () => {
      await desk.key('ArrowDown');
      await page
        .getByRole('listbox', { name: 'Matching callers' })
        .getByRole('option', { selected: true, name: new RegExp(`^${caller.name}`) })
        .waitFor();
      await desk.key('Enter');
    });
    expect(await desk.field('Opened for').inputValue()).toBe(caller.name);
    expect(again).toBeLessThanOrEqual(MAX_KEYS);

    // The agent's usual template now: a bare `/` highlights it, marked as used lately, so `/` and
    // Ctrl+Enter would log it.
    // The caller does not matter here: Short description is focused directly.
    await desk.newInteraction();
    await desk.field('Short description').focus();
    await desk.typeKeys('/');
    await expect
      .poll(() =>
        templateList(desk)
          .getByRole('option', { selected: true })
          .textContent({ timeout: 1000 })
          .catch(() => ''),
      )
      .toMatch(new RegExp(`^${TEMPLATE}.*used lately`));
  });

  it('marks a known caller in the lookup: how often and how lately', async (test) => {
    const { page } = await browser.newPage(test);
    const desk = await Desk.signIn(page, app.url(), DEMO_AGENT);
    // The directory comes beside the first pull: the first test's calls are here once it is done.
    await waitUntilCaughtUp(desk);
    const { caller } = callerToLookUp();
    await desk.newInteraction();
    await desk.typeKeys(caller.lastName.slice(0, 1).toLowerCase());
    // The first test's calls made them known: said in the option's accessible name.
    await page
      .getByRole('listbox', { name: 'Matching callers' })
      .getByRole('option', {
        name: new RegExp(`^${caller.name}.*Known caller · \\d+ interactions · last today$`),
      })
      .first()
      .waitFor();
  });

  it('keeps what the agent typed unless the confirm says otherwise; no axe violations', async (test) => {
    // The app's CSP (script-src 'self') rightly refuses the injected axe script; lift it for this check only.
    const { page } = await browser.newPage(test, { bypassCSP: true });
    const desk = await Desk.signIn(page, app.url(), DEMO_AGENT);
    await desk.newInteraction();
    await desk.typeInto('Description', 'Typed by the agent.');
    await desk.reach(desk.field('Short description'));
    await findTemplate(desk, LETTERS, TEMPLATE);
    await expectNoAxeViolations(page, 'the template list open in Short description');
    await desk.key('Enter');

    const confirm = desk.dialog(`Apply the template ${TEMPLATE}?`);
    await confirm.waitFor();
    await expect(confirm.getByRole('row').nth(1).textContent()).resolves.toContain(
      'Typed by the agent.',
    );
    await expectNoAxeViolations(page, 'the template confirm');
    // Keep what I typed has the focus: Enter keeps it and fills only the empty fields.
    await desk.key('Enter');
    await confirm.waitFor({ state: 'hidden' });
    await expect.poll(() => desk.field('Short description').inputValue()).toBe(TEMPLATE);
    expect(await desk.field('Description').inputValue()).toBe('Typed by the agent.');
  });

  it('keeps a template saved offline as the agent’s own, and brings it to the agent’s other desk', async (test) => {
    const first = await browser.newPage(test, {}, 'first desk');
    const desk = await Desk.signIn(first.page, app.url(), DEMO_AGENT);
    await goOffline(desk, first.context);
    const name = uniqueText('Badge');
    await desk.newInteraction();
    await desk.typeInto('Short description', 'Badge does not open the door');
    await desk.typeInto('Description', 'Badge number:');
    await desk.page.getByRole('button', { name: 'Save as template', exact: true }).click();
    const dialog = desk.dialog('Save as template');
    const nameField = dialog.getByRole('textbox', { name: 'Template name' });
    await nameField.fill(name);
    await nameField.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    // Offered at once on this desk, offline.
    await desk.typeInto('Short description', '/badge');
    await templateList(desk)
      .getByRole('option', { name: new RegExp(`^${name}\\s*Mine`) })
      .waitFor();
    await desk.key('Escape');
    await goOnline(desk, first.context);

    const second = await browser.newPage(test, {}, 'second desk');
    const other = await Desk.signIn(second.page, app.url(), DEMO_AGENT);
    await other.newInteraction();
    await other.reach(other.field('Short description'));
    await findTemplate(other, 'badge', name);
    await other.key('Enter');
    await expect.poll(() => other.field('Description').inputValue()).toBe('Badge number:');
    expect(await other.field('Short description').inputValue()).toBe(
      'Badge does not open the door',
    );
  });
});
