// axe-core over the real screens: the interaction form, the Interactions list with rows, the open caller
// lookup, and the keyboard shortcuts help. Any violation fails the test with what and where to fix.

import { describe, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe';
import { Desk, uniqueText } from './support/desk';
import { callerToLookUp } from './support/demo-directory';
import { useBrowser, useWebApp } from './support/harness';

const app = useWebApp();
const browser = useBrowser();

describe('Accessibility (axe-core)', () => {
  it('finds no violations on the form, the list and the shortcuts help', async (test) => {
    // The app's CSP (script-src 'self') rightly refuses the injected axe script; lift it for this check only.
    const { page } = await browser.newPage(test, { bypassCSP: true });

    const desk = await Desk.open(page, app.url());
    await expectNoAxeViolations(page, 'the first screen');

    await desk.newInteraction();
    await desk.lookUpCaller(callerToLookUp(30).letters);
    await expectNoAxeViolations(page, 'the form with the caller lookup open');

    await desk.pickFirstMatch('Opened for');
    await desk.typeInto('Short description', uniqueText('Cannot print to the floor printer'));
    const number = await desk.save();
    await desk.showList('All open');
    await desk.waitForRow(desk.list(), number);
    await desk.waitForRow(desk.relatedList(), number);
    await expectNoAxeViolations(page, 'the saved form and the Interactions list');

    await page.keyboard.press('F1');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await expectNoAxeViolations(page, 'the keyboard shortcuts help');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'hidden' });
  });
});
