// Leaving a form with unsaved typing asks first: an agent who presses Alt+N by habit in the middle
// of a call never loses what the caller just told them. By keyboard, with axe over the dialog.

import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe';
import { Desk, uniqueText } from './support/desk';
import { callerToLookUp } from './support/demo-directory';
import { useBrowser, useWebApp } from './support/harness';

const app = useWebApp();
const browser = useBrowser();

describe('Unsaved changes', () => {
  it('asks before Alt+N drops typing; Keep editing keeps it, Save and continue saves it', async (test) => {
    const { page } = await browser.newPage(test, { bypassCSP: true });
    const desk = await Desk.open(page, app.url());

    await desk.newInteraction();
    await desk.lookUpCaller(callerToLookUp(7).letters);
    await desk.pickFirstMatch('Opened for');
    const said = uniqueText('Caller cannot reach the VPN');
    await desk.typeInto('Short description', said);

    await page.keyboard.press('Alt+n');
    const dialog = page.getByRole('dialog', { name: 'Unsaved changes' });
    await dialog.waitFor();
    await expect
      .poll(() =>
        dialog
          .getByRole('button', { name: 'Keep editing' })
          .evaluate((b) => b === document.activeElement),
      )
      .toBe(true);
    await expectNoAxeViolations(page, 'the Unsaved changes dialog');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await desk.field('Short description').inputValue()).toBe(said);

    await page.keyboard.press('Alt+n');
    await dialog.waitFor();
    await desk.tabTo(dialog.getByRole('button', { name: 'Save and continue' }));
    await page.keyboard.press('Enter');
    const number = await desk.confirmedNumber();
    await page.getByRole('heading', { name: 'New interaction', exact: true }).waitFor();

    await desk.showList('All open');
    const row = await desk.waitForRow(desk.list(), number);
    expect(await row.textContent()).toContain(said);
  });
});
